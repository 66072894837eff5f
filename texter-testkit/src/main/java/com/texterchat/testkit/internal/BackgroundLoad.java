package com.texterchat.testkit.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Work the test kit starts early, on a daemon thread, so that it is ready by the time a test needs it. */
final class BackgroundLoad {

    private BackgroundLoad() {
    }

    /**
     * Runs {@code work} on a new daemon thread.
     *
     * @param threadName names the thread (it shows in thread dumps of the consumer's tests)
     * @param work       what to compute
     * @return completes with what {@code work} returns, or with what it throws
     */
    static <T> CompletableFuture<T> start(String threadName, Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, threadName);
        loader.setDaemon(true);
        loader.start();
        return future;
    }
}
