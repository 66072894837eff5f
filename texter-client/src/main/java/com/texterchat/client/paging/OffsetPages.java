package com.texterchat.client.paging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Walks a list paged with {@code skip} and {@code limit}: the caller's query is copied for every page with
 * {@code skip} advanced by the items received so far and {@code limit} as the page size. The walk ends at an empty
 * page, when {@code skip} reaches the list's {@code total} (when the operation reports one), or, without a total,
 * at a page shorter than {@code limit}.
 */
final class OffsetPages {

    private OffsetPages() {
    }

    /**
     * The items of a skip/limit list.
     *
     * @param query           the caller's query, copied for every page ({@code null} for none)
     * @param newQuery        creates an empty query of the operation
     * @param defaultPageSize the page size when the query sets no {@code limit}
     * @param call            the list operation
     * @param items           the items of one answer
     * @param total           the total of one answer, or {@code null} when the operation reports none
     */
    static <T, Q extends Map<String, Object>, R> Paged<T> of(@Nullable Q query, Supplier<Q> newQuery,
            int defaultPageSize, Function<? super Q, ? extends @Nullable R> call,
            Function<? super R, ? extends @Nullable List<T>> items,
            Function<? super R, ? extends @Nullable Integer> total) {
        int firstSkip = Math.toIntExact(number(query, "skip", 0, 0));
        int pageSize = Math.toIntExact(number(query, "limit", defaultPageSize, 1));
        return new Paged<>(() -> new PageIterator<T>() {
            private int skip = firstSkip;

            @Override
            protected List<T> nextPage() {
                Q page = newQuery.get();
                if (query != null) {
                    page.putAll(query);
                }
                page.put("skip", String.valueOf(skip));
                page.put("limit", String.valueOf(pageSize));
                R answer = call.apply(page);
                List<T> received = answer == null ? null : items.apply(answer);
                List<T> pageItems = received == null ? List.of() : received;
                Integer expected = answer == null ? null : total.apply(answer);
                skip += pageItems.size();
                if (expected != null ? skip >= expected : pageItems.size() < pageSize) {
                    lastPage();
                }
                return pageItems;
            }
        });
    }

    /** Reads a whole-number query parameter set through a generated {@code *QueryParams} setter. */
    static long number(@Nullable Map<String, Object> query, String name, long absent, long minimum) {
        Object value = query == null ? null : query.get(name);
        if (value == null) {
            return absent;
        }
        long number;
        try {
            number = Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
        if (number < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + number);
        }
        return number;
    }
}
