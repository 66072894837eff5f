package com.texterchat.client.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body into one array, never more than a size limit: a body that grows past it (whatever its
 * {@code Content-Length} says) fails with {@link TooLarge} as soon as the limit is crossed. {@link #abort} ends the
 * collection from outside (the transport's deadline). Both cancel the subscription, which makes the JDK client close
 * the connection instead of reading the rest of the body or returning the connection to its pool.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The largest first allocation, so that a lying {@code Content-Length} cannot make the client allocate much. */
    private static final int MAX_INITIAL_CAPACITY = 1 << 20;
    private static final int DEFAULT_INITIAL_CAPACITY = 8 * 1024;

    /** The body exceeded the limit; an I/O failure until the transport names the operation. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long declaredLength;
    private Flow.@Nullable Subscription subscription;
    private boolean done;
    private byte[] buffer;
    private int size;

    /**
     * @param limit          the most bytes the body may have
     * @param declaredLength the {@code Content-Length} of the response, or -1 when it has none
     */
    BoundedBodySubscriber(long limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
        this.buffer = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength : DEFAULT_INITIAL_CAPACITY,
                Math.min(limit, MAX_INITIAL_CAPACITY))];
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (done) {
            subscription.cancel();
            return;
        }
        if (declaredLength > limit) {
            fail(new TooLarge("the response declares " + declaredLength + " bytes (Content-Length), more than the"
                    + " response size limit of " + limit + " bytes"));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (size + (long) n > limit) {
                fail(new TooLarge("the response is larger than the response size limit of " + limit + " bytes"));
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
    public synchronized void onError(Throwable throwable) {
        if (!done) {
            done = true;
            buffer = new byte[0];
            result.completeExceptionally(throwable);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (!done) {
            done = true;
            byte[] body = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
            buffer = new byte[0];
            result.complete(body);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: cancels the subscription (dropping the connection) and fails the body with the reason. */
    synchronized void abort(IOException reason) {
        if (!done) {
            fail(reason);
        }
    }

    private void fail(IOException reason) {
        done = true;
        buffer = new byte[0];
        if (subscription != null) {
            subscription.cancel();
        }
        result.completeExceptionally(reason);
    }
}
