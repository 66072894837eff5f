package com.texterchat.client.paging;

import com.texterchat.client.error.TexterUnexpectedResponseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /** One asynchronous page request of the list operation. */
    @FunctionalInterface
    interface AsyncPageCall<R> {
        /**
         * Requests one page.
         *
         * @param skip  the items to skip
         * @param limit the page size
         * @return the answer to come
         */
        CompletableFuture<? extends @Nullable R> page(int skip, int limit);
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
            private final Walk<T, R> walk = new Walk<>(operationId, firstSkip, pageSize, items, total);

            @Override
            protected List<T> nextPage() {
                List<T> page = walk.accept(call.page(walk.skip, pageSize));
                if (walk.finished) {
                    lastPage();
                }
                return page;
            }
        });
    }

    /**
     * The items of a skip/limit list, fetched asynchronously: the same walk as {@link #of}.
     *
     * @param operationId the list operation, for the exception of a server that ignores {@code skip}
     * @param skip        the caller's {@code skip} ({@code null} for 0)
     * @param limit       the caller's {@code limit}, the page size ({@code null} for the default)
     * @param defaultPageSize the page size when the caller sets no {@code limit}
     * @param call        the asynchronous list operation with the caller's other parameters
     * @param items       the items of one answer
     * @param total       the total of one answer, or {@code null} when the operation reports none
     */
    static <T, R> AsyncPaged<T> ofAsync(String operationId, @Nullable Integer skip, @Nullable Integer limit,
            int defaultPageSize, AsyncPageCall<R> call, Function<? super R, ? extends @Nullable List<T>> items,
            Function<? super R, ? extends @Nullable Integer> total) {
        int firstSkip = atLeast("skip", skip, 0, 0);
        int pageSize = atLeast("limit", limit, defaultPageSize, 1);
        return new AsyncPaged<>(() -> {
            Walk<T, R> walk = new Walk<>(operationId, firstSkip, pageSize, items, total);
            return () -> walk.finished ? CompletableFuture.completedFuture(List.of())
                    : call.page(walk.skip, pageSize).thenApply(walk::accept);
        });
    }

    /** Where one walk stands: the next {@code skip}, the page before, and whether the last page was seen. */
    private static final class Walk<T, R> {
        private final String operationId;
        private final int pageSize;
        private final Function<? super R, ? extends @Nullable List<T>> items;
        private final Function<? super R, ? extends @Nullable Integer> total;
        private int skip;
        private List<T> previous = List.of();
        private volatile boolean finished;

        Walk(String operationId, int skip, int pageSize, Function<? super R, ? extends @Nullable List<T>> items,
                Function<? super R, ? extends @Nullable Integer> total) {
            this.operationId = operationId;
            this.skip = skip;
            this.pageSize = pageSize;
            this.items = items;
            this.total = total;
        }

        /** The items of an answer to the page at {@code skip}; moves the walk on. */
        List<T> accept(@Nullable R answer) {
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
            if (pageItems.isEmpty() || (expected != null ? skip >= expected : pageItems.size() < pageSize)) {
                finished = true;
            }
            return pageItems;
        }
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
