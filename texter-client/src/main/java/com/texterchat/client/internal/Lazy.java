package com.texterchat.client.internal;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value made on first use, exactly once, under a lock the values of one owner share (so that their factories,
 * which may use common non-thread-safe state, never run at the same time). Thread-safe.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {

    private final Object lock;
    private @Nullable Supplier<? extends T> factory;
    private volatile @Nullable T value;

    /**
     * A lazy value.
     *
     * @param lock    the owner's lock
     * @param factory makes the value; must not return {@code null}
     */
    public Lazy(Object lock, Supplier<? extends T> factory) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (lock) {
                current = value;
                if (current == null) {
                    Supplier<? extends T> make = Objects.requireNonNull(factory, "factory");
                    current = Objects.requireNonNull(make.get(), "factory returned null");
                    value = current;
                    factory = null;
                }
            }
        }
        return current;
    }
}
