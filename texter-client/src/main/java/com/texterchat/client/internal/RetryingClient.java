package com.texterchat.client.internal;

import com.texterchat.client.RetryPolicy;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Sends a request again after a failure when the {@link RetryPolicy} allows another attempt and a repeat is safe:
 * <ul>
 *   <li>GET, HEAD, OPTIONS, PUT, DELETE (idempotent): after 408, 429 and 5xx answers and after any I/O failure;</li>
 *   <li>POST and PATCH: only after 429 (the server refused to process it) or when no connection could be made
 *       (refused, unreachable, connect timeout). Anything else may mean the request was processed.</li>
 * </ul>
 * Waits honour {@code Retry-After} up to the policy's cap (a value of 0 or a date in the past falls back to the
 * normal backoff); a longer requested wait ends the call with the 429 so the caller sees it.
 *
 * <p><b>The call timeout.</b> One call, all attempts and waits included, ends at the client's call timeout: each
 * attempt's read timeout is cut to what is left, a wait that would end past the deadline is not started (the call
 * ends with the last answer or failure instead), and an attempt cut short by the deadline ends the call with a
 * {@link CallTimeoutException}.
 *
 * <p><b>The JDK's own resend.</b> {@code java.net.http.HttpClient} sends a GET or HEAD a second time by itself when
 * the connection closes before any byte of the answer arrived, on fresh and pooled connections alike, and offers no
 * per-client way to turn that off (the system properties {@code jdk.httpclient.enableAllMethodRetry} and
 * {@code jdk.httpclient.disableRetryConnect} are read once per JVM, and neither stops it). So this class counts
 * requests as the server sees them: such a failure counts as two, and after one a further attempt is made only
 * when two more fit into {@code maxRetries + 1}.
 *
 * <p>The decisions live in {@link RetryState}, which the asynchronous path ({@link AsyncRetryingClient}) shares;
 * this class sends the attempts and sleeps between them with the policy's sleeper.
 */
public final class RetryingClient implements Client {

    private volatile @Nullable Client delegate;
    private final RetryPolicy policy;
    private final Duration callTimeout;
    private final Redactor redactor;
    private final Listeners listeners;

    /**
     * Wraps a client.
     *
     * @param delegate    the client sending each attempt
     * @param policy      how often and how long to wait
     * @param callTimeout the deadline of one call, all attempts and waits included
     * @param redactor    masks the token in log lines
     */
    public RetryingClient(Client delegate, RetryPolicy policy, Duration callTimeout, Redactor redactor) {
        this(delegate, policy, callTimeout, redactor, Listeners.NONE);
    }

    /**
     * Wraps a client, reporting each attempt and call to listeners.
     *
     * @param delegate    the client sending each attempt
     * @param policy      how often and how long to wait
     * @param callTimeout the deadline of one call, all attempts and waits included
     * @param redactor    masks the token in log lines
     * @param listeners   told of every attempt and call
     */
    public RetryingClient(Client delegate, RetryPolicy policy, Duration callTimeout, Redactor redactor,
            Listeners listeners) {
        this.delegate = delegate;
        this.policy = policy;
        this.callTimeout = callTimeout;
        this.redactor = redactor;
        this.listeners = listeners;
    }

    /**
     * Refuses every later call and lets go of the transport (and so of the JDK client behind it); calls already
     * under way finish on the transport they hold.
     */
    public void close() {
        delegate = null;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        RetryState state = new RetryState(request, policy, callTimeout, redactor, listeners);
        try {
            Response response = send(request, options, state);
            state.finished(response, null);
            CallContext.offer(response, redactor);
            return response;
        } catch (IOException | RuntimeException e) {
            state.finished(null, e);
            throw e;
        }
    }

    private Response send(Request request, Request.Options options, RetryState state) throws IOException {
        while (true) {
            Client transport = delegate;
            if (transport == null) {
                throw closed(request);
            }
            Request.Options attemptOptions = state.nextAttempt(options);
            Response response;
            try {
                response = transport.execute(request, attemptOptions);
            } catch (IOException e) {
                sleep(state.afterFailure(e, Thread.currentThread().isInterrupted()), state.policy());
                continue;
            } catch (RuntimeException e) {
                state.afterOtherFailure(e); // e.g. a body over the size limit: never retried
                throw e;
            }
            Duration wait = state.afterResponse(response);
            if (wait == null) {
                return response;
            }
            response.close();
            sleep(wait, state.policy());
        }
    }

    /** The refusal of a call after {@link #close()}. */
    static IllegalStateException closed(Request request) {
        return new IllegalStateException("this TexterClient is closed: " + Operation.of(request).label()
                + " was not sent");
    }

    private static void sleep(Duration wait, RetryPolicy policy) throws InterruptedIOException {
        if (wait.isZero()) {
            return;
        }
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
            io.initCause(e);
            throw io;
        }
    }
}
