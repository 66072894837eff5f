package com.texterchat.client.paging;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a paged Texter list, fetched page by page as they are consumed. Nothing is requested until the
 * first item is asked for, and each further page only when the previous one has been used up.
 *
 * <p>Each {@link #iterator()} or {@link #stream()} starts a new walk from the first page, so an instance can be
 * iterated more than once (each time with fresh requests). Failures of a page request surface from
 * {@code hasNext()}/{@code next()} or the stream operation as the usual
 * {@link com.texterchat.client.error.TexterException}s. Not thread-safe per walk.
 *
 * @param <T> the item type, e.g. {@code Chat}
 */
public final class Paged<T> implements Iterable<T> {

    private final Supplier<Iterator<T>> walk;

    Paged(Supplier<Iterator<T>> walk) {
        this.walk = Objects.requireNonNull(walk, "walk");
    }

    /**
     * Starts a walk over all items.
     *
     * @return a lazy iterator
     */
    @Override
    public Iterator<T> iterator() {
        return walk.get();
    }

    /**
     * Starts a walk over all items as a sequential, ordered stream. Short-circuiting operations such as
     * {@code limit} or {@code findFirst} stop fetching pages.
     *
     * @return a lazy stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(() -> Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), Spliterator.ORDERED | Spliterator.NONNULL, false);
    }
}
