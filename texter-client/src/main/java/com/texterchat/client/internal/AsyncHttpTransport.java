package com.texterchat.client.internal;

import feign.Request;
import feign.Response;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends one attempt with {@code HttpClient.sendAsync}, without a thread waiting for it: the body is collected by a
 * {@link BoundedBodySubscriber} within the response size limit, a timer ends the attempt when the read timeout has
 * passed since sending (headers and body, as {@link JdkHttpTransport} does), and the answer is decoded and turned
 * into a Feign response by the blocking transport's own code, so both paths hand the decoders the same responses.
 */
final class AsyncHttpTransport {

    private final Supplier<HttpClient> http;
    private final ResponseAssembly blocking;
    private final ScheduledExecutorService timers;

    /**
     * A transport.
     *
     * @param http     the JDK client (its supplier throws once the client is closed)
     * @param blocking builds the responses, with the size limit
     * @param timers   runs the read deadlines
     */
    AsyncHttpTransport(Supplier<HttpClient> http, ResponseAssembly blocking, ScheduledExecutorService timers) {
        this.http = http;
        this.blocking = blocking;
        this.timers = timers;
    }

    /**
     * Sends one attempt.
     *
     * @param request the request
     * @param options its timeouts
     * @return the attempt under way
     */
    Attempt send(Request request, Request.Options options) {
        long timeoutMillis = options.readTimeoutMillis();
        Attempt attempt = new Attempt();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            BoundedBodySubscriber body = new BoundedBodySubscriber(blocking.maxResponseSize(),
                    info.headers().firstValueAsLong("Content-Length").orElse(-1L),
                    detail -> blocking.tooLarge(request, detail), attempt::disarm);
            attempt.body(body);
            // The attempt completes as soon as the body is read, on the JDK client's thread that read it, not from
            // the future sendAsync returns: the JDK completes that one through CompletableFuture's default executor,
            // which starts a new thread per task when the common pool has fewer than two threads (two processors or
            // fewer). Only failures are taken from that future.
            body.getBody().whenComplete((raw, error) -> {
                if (error == null && raw != null) {
                    attempt.answered(() -> blocking.toResponse(request, info.statusCode(), info.headers(),
                            info.version(), raw));
                }
            });
            return body;
        };
        HttpClient client = http.get();
        attempt.deadline = timers.schedule(() -> attempt.abort(JdkHttpTransport.bodyTimeout(timeoutMillis)),
                timeoutMillis, TimeUnit.MILLISECONDS);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
                JdkHttpTransport.httpRequest(request, timeoutMillis), handler);
        attempt.exchange = exchange;
        if (attempt.aborted != null) {
            exchange.cancel(true); // aborted while sendAsync was starting
        }
        exchange.whenComplete((response, error) -> {
            attempt.stopDeadline();
            if (response == null && error == null) {
                return; // disarmed: the body was read, and its callback answers
            }
            Throwable own = attempt.failure();
            if (own != null) {
                attempt.result.completeExceptionally(own);
            } else if (error != null) {
                attempt.result.completeExceptionally(unwrap(error));
            } else if (response.body() == null) {
                attempt.result.completeExceptionally(JdkHttpTransport.tunnelRefused(request, response.statusCode()));
            }
            // Otherwise the body was read: the body handler's callback answers (it may still be running).
        });
        return attempt;
    }

    /** The exception inside the wrappers of {@code CompletableFuture}. */
    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** One attempt under way: its answer, and how to end it early. */
    static final class Attempt {
        /** The answer: a response with its body read, or the failure. */
        final CompletableFuture<Response> result = new CompletableFuture<>();
        private volatile @Nullable CompletableFuture<?> exchange;
        private volatile @Nullable BoundedBodySubscriber body;
        private volatile @Nullable ScheduledFuture<?> deadline;
        private volatile @Nullable Throwable aborted;

        private void body(BoundedBodySubscriber subscriber) {
            body = subscriber;
            Throwable failure = aborted;
            if (failure != null) {
                subscriber.abort(failure);
            }
        }

        /**
         * Completes the future {@code sendAsync} returned, empty, once the body has arrived and before the JDK
         * completes the exchange. The JDK hands that future's completion to CompletableFuture's default executor
         * (a new thread per task on a machine with two processors or fewer); a future already complete then has
         * nothing to run, and no thread is started. The answer itself comes from the body.
         */
        private void disarm() {
            CompletableFuture<?> sent = exchange;
            if (sent != null) {
                sent.complete(null);
            }
        }

        private void stopDeadline() {
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
        }

        /** Completes the attempt with the response read, unless it failed or was aborted first. */
        private void answered(Supplier<Response> response) {
            stopDeadline();
            Throwable own = failure();
            if (own != null) {
                result.completeExceptionally(own);
                return;
            }
            try {
                result.complete(response.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private @Nullable Throwable failure() {
            Throwable failure = aborted;
            if (failure != null) {
                return failure;
            }
            BoundedBodySubscriber subscriber = body;
            return subscriber == null ? null : subscriber.failure();
        }

        /**
         * Ends the attempt with a failure: the exchange is cancelled (the JDK closes its connection) and the body
         * subscription with it.
         *
         * @param failure what the attempt fails with
         */
        void abort(Throwable failure) {
            aborted = failure;
            BoundedBodySubscriber subscriber = body;
            if (subscriber != null) {
                subscriber.abort(failure);
            }
            CompletableFuture<?> sent = exchange;
            if (sent != null) {
                sent.cancel(true);
            }
            result.completeExceptionally(failure);
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
        }

        /** Cancels the attempt (the caller cancelled the call). */
        void cancel() {
            abort(new CancellationException("the call was cancelled"));
        }
    }
}
