package com.texterchat.client.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Iterates items, asking for the next page only when the current one is used up. */
abstract class PageIterator<T> implements Iterator<T> {

    private Iterator<T> current = Collections.emptyIterator();
    private boolean exhausted;

    /** The next page's items; an empty list when there are no more. */
    protected abstract List<T> nextPage();

    @Override
    public final boolean hasNext() {
        while (!current.hasNext()) {
            if (exhausted) {
                return false;
            }
            List<T> page = nextPage();
            if (page.isEmpty()) {
                exhausted = true;
                return false;
            }
            current = page.iterator();
        }
        return true;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items");
        }
        return current.next();
    }

    /** Marks the page just returned as the last one. */
    protected final void lastPage() {
        exhausted = true;
    }
}
