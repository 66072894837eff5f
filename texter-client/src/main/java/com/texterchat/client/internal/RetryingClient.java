package com.texterchat.client.internal;

import com.texterchat.client.CallOptions;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterAttempt;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class RetryingClient implements Client {

    private static final Logger LOG = LoggerFactory.getLogger("com.texterchat.client.retry");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    /** The methods {@code java.net.http.HttpClient} resends by itself (its {@code MultiExchange}). */
    private static final Set<String> RESENT_BY_JDK = Set.of("GET", "HEAD");

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
        CallOptions overrides = CallContext.options();
        RetryPolicy callPolicy = policy;
        Duration timeout = callTimeout;
        Request.Options callOptions = options;
        if (overrides != null) {
            callPolicy = overrides.retryPolicy().orElse(policy);
            timeout = overrides.callTimeout().orElse(callTimeout);
            if (overrides.readTimeout().isPresent()) {
                callOptions = new Request.Options(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS,
                        overrides.readTimeout().get().toMillis(), TimeUnit.MILLISECONDS, options.isFollowRedirects());
            }
        }
        if (listeners.isEmpty()) {
            Response response = send(request, callOptions, callPolicy, timeout, null);
            CallContext.offer(response, redactor);
            return response;
        }
        Trace trace = new Trace(Endpoint.of(request));
        long start = System.nanoTime();
        try {
            Response response = send(request, callOptions, callPolicy, timeout, trace);
            listeners.call(trace.endpoint, trace.attempts, response.status(), null, System.nanoTime() - start);
            CallContext.offer(response, redactor);
            return response;
        } catch (IOException | RuntimeException e) {
            if (trace.attempts > 0) {
                listeners.call(trace.endpoint, trace.attempts, -1, e, System.nanoTime() - start);
            }
            throw e;
        }
    }

    /** The attempts of one call so far, kept only when there are listeners to tell. */
    private static final class Trace {
        final Endpoint endpoint;
        int attempts;
        long attemptStart;

        Trace(Endpoint endpoint) {
            this.endpoint = endpoint;
        }
    }

    private void report(@Nullable Trace trace, int attempt, int status, @Nullable Throwable failure,
            TexterAttempt.Decision decision, @Nullable Duration wait) {
        if (trace != null) {
            trace.attempts = attempt;
            listeners.attempt(trace.endpoint, attempt, status, failure, System.nanoTime() - trace.attemptStart,
                    decision, wait);
        }
    }

    private Response send(Request request, Request.Options options, RetryPolicy policy, Duration callTimeout,
            @Nullable Trace trace) throws IOException {
        String method = request.httpMethod().name();
        boolean idempotent = IDEMPOTENT.contains(method);
        boolean resentByJdk = RESENT_BY_JDK.contains(method);
        long start = System.nanoTime();
        long deadline = start + callTimeout.toNanos();
        int allowed = policy.maxRetries() + 1;
        int seen = 0;
        for (int attempt = 1; ; attempt++) {
            Client transport = delegate;
            if (transport == null) {
                throw new IllegalStateException("this TexterClient is closed: " + Operation.of(request).label()
                        + " was not sent");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new CallTimeoutException(callTimeout, attempt - 1, null);
            }
            boolean capped = left < TimeUnit.MILLISECONDS.toNanos(options.readTimeoutMillis());
            Request.Options attemptOptions = capped
                    ? new Request.Options(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS,
                            Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)), TimeUnit.MILLISECONDS,
                            options.isFollowRedirects())
                    : options;
            if (trace != null) {
                trace.attemptStart = System.nanoTime();
            }
            Response response;
            try {
                response = transport.execute(request, attemptOptions);
            } catch (IOException e) {
                boolean timeout = e instanceof HttpTimeoutException || e instanceof InterruptedIOException;
                boolean pastDeadline = System.nanoTime() - deadline >= 0;
                if (timeout && !Thread.currentThread().isInterrupted()
                        && (pastDeadline || capped && !(e instanceof HttpConnectTimeoutException))) {
                    report(trace, attempt, -1, e, TexterAttempt.Decision.DEADLINE, null);
                    throw new CallTimeoutException(callTimeout, attempt, e);
                }
                boolean dropped = resentByJdk && !timeout && !neverReachedServer(e);
                seen += dropped ? 2 : 1;
                // After a drop the next attempt is likely dropped too, and then resent by the JDK as well.
                int next = dropped ? 2 : 1;
                if (Thread.currentThread().isInterrupted()) {
                    report(trace, attempt, -1, e, TexterAttempt.Decision.INTERRUPTED, null);
                    throw e;
                }
                if (!(idempotent || neverReachedServer(e))) {
                    report(trace, attempt, -1, e, TexterAttempt.Decision.UNSAFE_TO_RETRY, null);
                    throw e;
                }
                if (seen + next > allowed) {
                    report(trace, attempt, -1, e, TexterAttempt.Decision.RETRIES_EXHAUSTED, null);
                    throw e;
                }
                Duration wait = policy.backoffBefore(attempt);
                String what = "failed with " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (!fitsBefore(deadline, wait, request, what, callTimeout)) {
                    report(trace, attempt, -1, e, TexterAttempt.Decision.DEADLINE, null);
                    throw e;
                }
                report(trace, attempt, -1, e, TexterAttempt.Decision.RETRY, wait);
                warn(request, attempt, wait, what, policy);
                sleep(wait, policy);
                continue;
            } catch (RuntimeException e) {
                // e.g. a body over the size limit: never retried
                report(trace, attempt, -1, e, TexterAttempt.Decision.DONE, null);
                throw e;
            }
            seen++;
            int status = response.status();
            if (!retryable(status, idempotent)) {
                report(trace, attempt, status, null, idempotent || status < 500 && status != 408
                        ? TexterAttempt.Decision.DONE : TexterAttempt.Decision.UNSAFE_TO_RETRY, null);
                return response;
            }
            if (seen >= allowed) {
                report(trace, attempt, status, null, TexterAttempt.Decision.RETRIES_EXHAUSTED, null);
                return response;
            }
            Optional<Duration> retryAfter = RetryAfter.from(response.headers(), Instant.now());
            if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                report(trace, attempt, status, null, TexterAttempt.Decision.RETRY_AFTER_TOO_LONG, null);
                LOG.warn("Texter {} answered {} asking to wait {} s, longer than the retry policy allows ({} s);"
                                + " not retrying", Operation.of(request).label(), status,
                        retryAfter.get().toSeconds(), policy.maxRetryAfter().toSeconds());
                return response;
            }
            // Retry-After: 0, or a date already past, would mean retrying at once: use the backoff instead.
            int retry = attempt;
            Duration wait = retryAfter.filter(d -> !d.isZero() && !d.isNegative())
                    .orElseGet(() -> policy.backoffBefore(retry));
            String what = "answered HTTP " + status;
            if (!fitsBefore(deadline, wait, request, what, callTimeout)) {
                report(trace, attempt, status, null, TexterAttempt.Decision.DEADLINE, null);
                return response;
            }
            report(trace, attempt, status, null, TexterAttempt.Decision.RETRY, wait);
            response.close();
            warn(request, attempt, wait, what, policy);
            sleep(wait, policy);
        }
    }

    private static boolean retryable(int status, boolean idempotent) {
        if (status == 429) {
            return true;
        }
        return idempotent && (status == 408 || status >= 500 && status <= 599);
    }

    /** Whether the failure happened before a connection existed, so the server cannot have seen the request. */
    static boolean neverReachedServer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a wait ends before the deadline, with time left for an attempt; logs when it does not. */
    private boolean fitsBefore(long deadline, Duration wait, Request request, String what, Duration callTimeout) {
        if (deadline - System.nanoTime() - wait.toNanos() > 0) {
            return true;
        }
        LOG.warn(OneLine.of(redactor.scrub("Texter " + Operation.of(request).label() + " " + what
                + "; not retrying: a wait of " + wait.toMillis() + " ms would pass the call timeout of "
                + callTimeout.toMillis() + " ms")));
        return false;
    }

    private void warn(Request request, int retry, Duration wait, String what, RetryPolicy policy) {
        if (LOG.isWarnEnabled()) {
            LOG.warn(OneLine.of(redactor.scrub("Texter " + Operation.of(request).label() + " " + what + "; retry "
                    + retry + " of " + policy.maxRetries() + " in " + wait.toMillis() + " ms")));
        }
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
