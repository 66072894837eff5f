package com.texterchat.client.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body into one array without blocking a thread, at most a size limit: a declared
 * ({@code Content-Length}) or actual length above it cancels the subscription at once and fails the body with the
 * exception the caller supplies. {@link #abort} ends it from outside (the read deadline, a cancelled call); the
 * subscription is cancelled, so the JDK client drops that connection instead of pooling it.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The largest first allocation, so that a lying {@code Content-Length} cannot make the client allocate much. */
    private static final int MAX_INITIAL_CAPACITY = 1 << 20;
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
    private final long limit;
    private final Function<String, RuntimeException> tooLarge;
    private final Runnable beforeComplete;
    private volatile boolean aborted;
    private byte[] buffer;
    private int size;

    /**
     * A subscriber for one body.
     *
     * @param limit          the most bytes the body may have
     * @param declaredLength its {@code Content-Length}, or -1 when not declared
     * @param tooLarge       the failure for a body above the limit, given what was found
     */
    BoundedBodySubscriber(long limit, long declaredLength, Function<String, RuntimeException> tooLarge) {
        this(limit, declaredLength, tooLarge, () -> { });
    }

    /**
     * A subscriber for one body that runs {@code beforeComplete} once the whole body has arrived, just before it
     * completes the body (on the JDK client's thread that read it).
     *
     * @param limit          the most bytes the body may have
     * @param declaredLength its {@code Content-Length}, or -1 when not declared
     * @param tooLarge       the failure for a body above the limit, given what was found
     * @param beforeComplete runs when the body is complete, before {@link #getBody()} completes
     */
    BoundedBodySubscriber(long limit, long declaredLength, Function<String, RuntimeException> tooLarge,
            Runnable beforeComplete) {
        this.beforeComplete = beforeComplete;
        this.limit = limit;
        this.tooLarge = tooLarge;
        this.buffer = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength : INITIAL_CAPACITY,
                Math.min(limit, MAX_INITIAL_CAPACITY))];
        if (declaredLength > limit) {
            abort(tooLarge.apply("the response declares " + declaredLength + " bytes (Content-Length), more than the"
                    + " response size limit of " + limit + " bytes"));
        }
    }

    /**
     * Ends the body with a failure, unless it is complete already, and cancels the subscription.
     *
     * @param failure what the body fails with
     */
    void abort(Throwable failure) {
        aborted = true;
        body.completeExceptionally(failure);
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * The failure the body ended with here (too large, aborted), if any.
     *
     * @return the failure, or {@code null} when the body did not fail here or has not failed
     */
    @Nullable Throwable failure() {
        if (!body.isCompletedExceptionally()) {
            return null;
        }
        try {
            body.getNow(null);
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (aborted) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (aborted) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if ((long) size + n > limit) {
                abort(tooLarge.apply("the response is larger than the response size limit of " + limit + " bytes"));
                return;
            }
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + (long) n, 2L * buffer.length)));
            }
            item.get(buffer, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (!aborted) {
            beforeComplete.run();
        }
        body.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }
}
