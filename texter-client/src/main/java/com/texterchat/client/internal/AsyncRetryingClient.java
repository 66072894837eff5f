package com.texterchat.client.internal;

import com.texterchat.client.HttpLogLevel;
import com.texterchat.client.RetryPolicy;
import feign.AsyncClient;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous counterpart of {@link RetryingClient} and {@link LoggingClient}, called by the invocation handler
 * for the methods with a {@link RequestPlan} and by Feign's {@code AsyncFeign} for any other:
 * each attempt is sent with {@code HttpClient.sendAsync} ({@link AsyncHttpTransport}), logged as the blocking path
 * logs it, and retried by the same rules ({@link RetryState}: the same retry decisions, backoff,
 * {@code Retry-After} handling, call timeout and WARN lines). A wait before a retry is a task on a timer thread,
 * not a sleeping thread (so the policy's {@code Sleeper}, a blocking hook, is not used here). The client's listeners
 * are told of every attempt and call as on the blocking path, on the thread that completed the attempt; the options of
 * a {@code withOptions} view apply, read on the calling thread when the call starts. No thread waits for an
 * answer: a client with 1,000 calls in flight runs on the JDK client's few threads and one timer thread.
 *
 * <p>{@link Call#cancel()} of the call an API future stands for (see {@link #takeStarted()}) cancels the attempt under way
 * (the JDK closes its connection) or the pending retry. {@link #close()} refuses new calls and ends those in flight
 * with an {@link IOException}, which callers see as a {@code TexterIoException}.
 */
public final class AsyncRetryingClient implements AsyncClient<Object> {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** The call {@link #execute} started on this thread, for the invocation handler to link to its future. */
    private static final ThreadLocal<@Nullable Call> STARTED = new ThreadLocal<>();

    private final AsyncHttpTransport transport;
    private final LoggingClient logging;
    private final RetryPolicy policy;
    private final Duration callTimeout;
    private final Redactor redactor;
    private final Listeners listeners;
    private final ScheduledThreadPoolExecutor timers;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * A client.
     *
     * @param http            the JDK client (the supplier throws once it is closed)
     * @param maxResponseSize the most bytes a response body may have, as received and after decoding
     * @param logLevel        how much of each attempt to log
     * @param policy          how often and how long to wait
     * @param callTimeout     the deadline of one call, all attempts and waits included
     * @param redactor        masks the token
     * @param listeners       told of every attempt and call, as by the blocking path
     */
    public AsyncRetryingClient(Supplier<HttpClient> http, long maxResponseSize, HttpLogLevel logLevel,
            RetryPolicy policy, Duration callTimeout, Redactor redactor, Listeners listeners) {
        int client = CLIENTS.incrementAndGet();
        this.timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "texter-async-" + client + "-timer");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.transport = new AsyncHttpTransport(http, new ResponseAssembly(maxResponseSize), timers);
        this.logging = new LoggingClient(logLevel, redactor);
        this.policy = policy;
        this.callTimeout = callTimeout;
        this.redactor = redactor;
        this.listeners = listeners;
    }

    /**
     * The call the last {@link #execute} on this thread started, taken (a second take gives {@code null}).
     *
     * @return the call, or {@code null}
     */
    public static @Nullable Call takeStarted() {
        Call call = STARTED.get();
        STARTED.remove();
        return call;
    }

    @Override
    public CompletableFuture<Response> execute(Request request, Request.Options options,
            Optional<Object> requestContext) {
        Call call = new Call(request, options);
        STARTED.set(call);
        if (closed) {
            call.result.completeExceptionally(RetryingClient.closed(request));
            return call.result;
        }
        inFlight.add(call);
        call.result.whenComplete((response, error) -> inFlight.remove(call));
        call.attempt();
        return call.result;
    }

    /** Refuses later calls, ends the calls in flight with an {@link IOException} and stops the timer thread. */
    public void close() {
        closed = true;
        for (Call call : inFlight) {
            call.end(new IOException("the TexterClient was closed while the call was under way"));
        }
        timers.shutdownNow();
    }

    /** One call: its attempts one after another, and the waits between them. */
    public final class Call {
        private final Request request;
        private final Request.Options options;
        private final RetryState state;
        private final CompletableFuture<Response> result = new CompletableFuture<>();
        private volatile AsyncHttpTransport.@Nullable Attempt attempt;
        private volatile @Nullable ScheduledFuture<?> retry;
        private final AtomicBoolean reported = new AtomicBoolean();

        private Call(Request request, Request.Options options) {
            this.request = request;
            this.options = options;
            this.state = new RetryState(request, policy, callTimeout, redactor, listeners);
        }

        /** Tells the listeners of the call's end, once, before the caller can see it. */
        private void finished(@Nullable Response response, @Nullable Throwable failure) {
            if (reported.compareAndSet(false, true)) {
                state.finished(response, failure);
            }
        }

        /**
         * How messages name the call's operation, e.g. {@code getChat (GET /chats/67bf)}.
         *
         * @return the label
         */
        public String label() {
            return Operation.of(request).label();
        }

        /** Cancels the call: the attempt under way or the pending retry; nothing more is sent. */
        public void cancel() {
            end(new CancellationException("the call was cancelled"));
        }

        private void end(Throwable failure) {
            if (result.isDone()) {
                return;
            }
            finished(null, failure);
            if (!result.completeExceptionally(failure)) {
                return;
            }
            ScheduledFuture<?> pending = retry;
            if (pending != null) {
                pending.cancel(false);
            }
            AsyncHttpTransport.Attempt current = attempt;
            if (current != null) {
                current.cancel();
            }
        }

        private void attempt() {
            if (result.isDone()) {
                return;
            }
            if (closed) {
                end(new IOException("the TexterClient was closed while the call was under way"));
                return;
            }
            Request.Options attemptOptions;
            try {
                attemptOptions = state.nextAttempt(options);
            } catch (CallTimeoutException e) {
                end(e);
                return;
            }
            long start = logging.enabled() ? logging.logRequest(request) : 0;
            AsyncHttpTransport.Attempt sent;
            try {
                sent = transport.send(request, attemptOptions);
            } catch (RuntimeException e) { // the JDK client is closed, or refused the request
                end(e);
                return;
            }
            attempt = sent;
            if (result.isDone()) {
                sent.cancel(); // cancelled while it was being sent
                return;
            }
            sent.result.whenComplete((response, error) -> completed(start, response, error));
        }

        private void completed(long start, @Nullable Response response, @Nullable Throwable error) {
            if (result.isDone()) {
                if (response != null) {
                    response.close();
                }
                return;
            }
            if (error != null || response == null) {
                Throwable cause = error == null ? new IOException("no response") : AsyncHttpTransport.unwrap(error);
                if (logging.enabled()) {
                    logging.logFailure(request, start, cause);
                }
                if (!(cause instanceof IOException)) {
                    if (cause instanceof RuntimeException) {
                        state.afterOtherFailure((RuntimeException) cause); // e.g. a body over the size limit
                    }
                    end(cause);
                    return;
                }
                try {
                    retryAfter(state.afterFailure((IOException) cause, false));
                } catch (IOException e) {
                    end(e);
                }
                return;
            }
            Response answer = response;
            if (logging.enabled()) {
                try {
                    answer = logging.logResponse(request, start, response);
                } catch (IOException e) {
                    end(e);
                    return;
                }
            }
            Duration wait = state.afterResponse(answer);
            if (wait == null) {
                finished(answer, null);
                result.complete(answer);
                return;
            }
            answer.close();
            retryAfter(wait);
        }

        private void retryAfter(Duration wait) {
            try {
                retry = timers.schedule(this::attempt, wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                end(new IOException("the TexterClient was closed while the call was under way", e));
                return;
            }
            if (result.isDone()) {
                ScheduledFuture<?> pending = retry;
                if (pending != null) {
                    pending.cancel(false);
                }
            }
        }
    }
}
