package com.texterchat.client.paging;

import com.texterchat.client.error.TexterUnexpectedResponseException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks a list paged with {@code skip} and {@code limit}: every page is requested with the caller's other
 * parameters, {@code skip} advanced by the items received so far and {@code limit} as the page size. The walk ends
 * at an empty page, when {@code skip} reaches the list's {@code total} (when the operation reports one), or,
 * without a total, at a page shorter than {@code limit}. A full page equal to the one before it means the server
 * ignored {@code skip}; the walk then ends with a {@link TexterUnexpectedResponseException} instead of handing out
 * the same items again and again.
 */
final class OffsetPages {

    private OffsetPages() {
    }

    /** One page request of the list operation. */
    @FunctionalInterface
    interface PageCall<R> {
        /**
         * Requests one page.
         *
         * @param skip  the items to skip
         * @param limit the page size
         * @return the answer
         */
        @Nullable R page(int skip, int limit);
    }

    /**
     * The items of a skip/limit list.
     *
     * @param operationId the list operation, for the exception of a server that ignores {@code skip}
     * @param skip        the caller's {@code skip} ({@code null} for 0)
     * @param limit       the caller's {@code limit}, the page size ({@code null} for the default)
     * @param defaultPageSize the page size when the caller sets no {@code limit}
     * @param call        the list operation with the caller's other parameters
     * @param items       the items of one answer
     * @param total       the total of one answer, or {@code null} when the operation reports none
     */
    static <T, R> Paged<T> of(String operationId, @Nullable Integer skip, @Nullable Integer limit,
            int defaultPageSize, PageCall<R> call, Function<? super R, ? extends @Nullable List<T>> items,
            Function<? super R, ? extends @Nullable Integer> total) {
        int firstSkip = atLeast("skip", skip, 0, 0);
        int pageSize = atLeast("limit", limit, defaultPageSize, 1);
        return new Paged<>(() -> new PageIterator<T>() {
            private int skip = firstSkip;
            private List<T> previous = List.of();

            @Override
            protected List<T> nextPage() {
                R answer = call.page(skip, pageSize);
                List<T> received = answer == null ? null : items.apply(answer);
                List<T> pageItems = received == null ? List.of() : received;
                Integer expected = answer == null ? null : total.apply(answer);
                if (pageItems.size() >= pageSize && pageItems.equals(previous)) {
                    throw new TexterUnexpectedResponseException(operationId, 200, "", operationId + ": the page at"
                            + " skip=" + skip + " repeats the page before it, so the server ignores skip; paging"
                            + " stopped instead of returning the same items again", null);
                }
                previous = pageItems;
                skip += pageItems.size();
                if (expected != null ? skip >= expected : pageItems.size() < pageSize) {
                    lastPage();
                }
                return pageItems;
            }
        });
    }

    /** A whole-number paging parameter, refused when below its minimum. */
    static int atLeast(String name, @Nullable Number value, int absent, long minimum) {
        if (value == null) {
            return absent;
        }
        long number = value.longValue();
        if (number < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + number);
        }
        return Math.toIntExact(number);
    }
}
