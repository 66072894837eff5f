package com.texterchat.client.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The items of a paged Texter list, fetched page by page without blocking a thread: the asynchronous counterpart of
 * {@link Paged}, with the same walk (page size, end of the list, and the checks against a server that ignores
 * {@code skip} or the message cursor). Nothing is requested until a walk starts, and each further page only when the
 * previous one has been handed out.
 *
 * <pre>{@code
 * texter.async().paging().listLabels().forEach(label -> System.out.println(label.getName()))
 *         .thenRun(() -> System.out.println("all labels seen"));
 * CompletableFuture<List<Chat>> first500 = texter.async().paging().searchChats().collect(500);
 * }</pre>
 *
 * <p>Each {@link #pages()}, {@link #forEach} or {@link #collect} starts a new walk from the first page. A failed
 * page request completes the walk's future exceptionally with the usual
 * {@link com.texterchat.client.error.TexterException}. Callbacks run on the client's threads.
 *
 * @param <T> the item type, e.g. {@code Chat}
 */
public final class AsyncPaged<T> {

    /**
     * One walk over the pages, page by page.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Pages<T> {
        /**
         * Requests the next page; call it again only once the previous future has completed.
         *
         * @return a future of the next page's items, an empty list once the walk is over
         */
        CompletableFuture<List<T>> next();
    }

    private final Supplier<Pages<T>> walk;

    AsyncPaged(Supplier<Pages<T>> walk) {
        this.walk = Objects.requireNonNull(walk, "walk");
    }

    /**
     * Starts a walk to be driven page by page (what the Kotlin {@code Flow} of the DSL is built on).
     *
     * @return the walk
     */
    public Pages<T> pages() {
        return walk.get();
    }

    /**
     * Walks all items, handing each to an action on the thread that completed its page.
     *
     * @param action what to do with each item; an exception it throws ends the walk with that exception
     * @return a future that completes when the last page has been handed out
     */
    public CompletableFuture<Void> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        Pages<T> pages = pages();
        CompletableFuture<Void> done = new CompletableFuture<>();
        step(pages, page -> {
            page.forEach(action);
            return true;
        }, done);
        return done;
    }

    /**
     * Collects the first items of the list; no page beyond the one that holds the last of them is requested.
     *
     * @param maxItems the most items to collect, at least 1
     * @return a future of the items, at most {@code maxItems}
     * @throws IllegalArgumentException when {@code maxItems} is below 1
     */
    public CompletableFuture<List<T>> collect(int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
        }
        List<T> items = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        step(pages(), page -> {
            for (T item : page) {
                if (items.size() == maxItems) {
                    return false;
                }
                items.add(item);
            }
            return items.size() < maxItems;
        }, done);
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        done.whenComplete((ignored, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(List.copyOf(items));
            }
        });
        return result;
    }

    /** A page handler: takes a page's items and says whether to fetch the next. */
    @FunctionalInterface
    private interface PageHandler<T> {
        boolean take(List<T> page);
    }

    private static <T> void step(Pages<T> pages, PageHandler<T> handler, CompletableFuture<Void> done) {
        CompletableFuture<List<T>> next;
        try {
            next = pages.next();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        next.whenComplete((page, error) -> {
            if (error != null) {
                done.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                        && error.getCause() != null ? error.getCause() : error);
                return;
            }
            boolean more;
            try {
                more = !page.isEmpty() && handler.take(page);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (more) {
                step(pages, handler, done);
            } else {
                done.complete(null);
            }
        });
    }
}
