package com.texterchat.client.internal;

import com.texterchat.client.CallOptions;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterAttempt;
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
 * The retry decisions of one call, shared by the blocking {@link RetryingClient} and the asynchronous
 * {@link AsyncRetryingClient}: whether another attempt is allowed and safe, how long to wait before it, each
 * attempt's read timeout cut to the call's deadline, the WARN lines under {@code com.texterchat.client.retry}, and
 * the reports to the client's listeners (each attempt with its decision, and the end of the call). The rules are
 * those {@link RetryingClient} documents; the per-call options of a {@code withOptions} view (retry policy, call and
 * read timeout) are read from {@link CallContext} when the call starts. Not thread-safe: one call's attempts run one
 * after another.
 */
final class RetryState {

    private static final Logger LOG = LoggerFactory.getLogger("com.texterchat.client.retry");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    /** The methods {@code java.net.http.HttpClient} resends by itself (its {@code MultiExchange}). */
    private static final Set<String> RESENT_BY_JDK = Set.of("GET", "HEAD");

    private final Request request;
    private final RetryPolicy policy;
    private final Duration callTimeout;
    private final Redactor redactor;
    private final Listeners listeners;
    private final @Nullable Endpoint endpoint;
    private final long start = System.nanoTime();
    private final @Nullable Long readTimeoutMillis;
    private long attemptStart;
    private final boolean idempotent;
    private final boolean resentByJdk;
    private final long deadline;
    private final int allowed;
    private int seen;
    private int attempt;
    private boolean capped;

    /**
     * The state of a call that starts now.
     *
     * @param request     the request
     * @param policy      the client's retry policy
     * @param callTimeout the client's call timeout
     * @param redactor    masks the token in log lines
     * @param listeners   told of each attempt and of the call's end
     */
    RetryState(Request request, RetryPolicy policy, Duration callTimeout, Redactor redactor, Listeners listeners) {
        CallOptions overrides = CallContext.options();
        this.request = request;
        this.policy = overrides == null ? policy : overrides.retryPolicy().orElse(policy);
        this.callTimeout = overrides == null ? callTimeout : overrides.callTimeout().orElse(callTimeout);
        this.readTimeoutMillis = overrides == null ? null
                : overrides.readTimeout().map(Duration::toMillis).orElse(null);
        this.redactor = redactor;
        this.listeners = listeners;
        this.endpoint = listeners.isEmpty() ? null : Endpoint.of(request);
        String method = request.httpMethod().name();
        this.idempotent = IDEMPOTENT.contains(method);
        this.resentByJdk = RESENT_BY_JDK.contains(method);
        this.deadline = start + this.callTimeout.toNanos();
        this.allowed = this.policy.maxRetries() + 1;
    }

    /** The number of the attempt under way (1 for the first). */
    int attempt() {
        return attempt;
    }

    /**
     * Starts the next attempt.
     *
     * @param options the call's options
     * @return the attempt's options: the read timeout cut to what is left of the call timeout
     * @throws CallTimeoutException when the deadline has already passed
     */
    Request.Options nextAttempt(Request.Options clientOptions) throws CallTimeoutException {
        Request.Options options = readTimeoutMillis == null ? clientOptions
                : new Request.Options(clientOptions.connectTimeoutMillis(), TimeUnit.MILLISECONDS, readTimeoutMillis,
                        TimeUnit.MILLISECONDS, clientOptions.isFollowRedirects());
        attempt++;
        attemptStart = System.nanoTime();
        long left = deadline - attemptStart;
        if (left <= 0) {
            attempt--;
            throw new CallTimeoutException(callTimeout, attempt, null);
        }
        capped = left < TimeUnit.MILLISECONDS.toNanos(options.readTimeoutMillis());
        return capped
                ? new Request.Options(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS,
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)), TimeUnit.MILLISECONDS,
                        options.isFollowRedirects())
                : options;
    }

    /**
     * Decides after an attempt failed with an I/O error.
     *
     * @param e           the failure
     * @param interrupted whether the calling thread was interrupted (never retried)
     * @return the wait before the next attempt (already logged)
     * @throws IOException the exception that ends the call: a {@link CallTimeoutException} when the deadline cut
     *                     the attempt short, else {@code e}
     */
    Duration afterFailure(IOException e, boolean interrupted) throws IOException {
        boolean timeout = e instanceof HttpTimeoutException || e instanceof InterruptedIOException;
        boolean pastDeadline = System.nanoTime() - deadline >= 0;
        if (timeout && !interrupted && (pastDeadline || capped && !(e instanceof HttpConnectTimeoutException))) {
            report(-1, e, TexterAttempt.Decision.DEADLINE, null);
            throw new CallTimeoutException(callTimeout, attempt, e);
        }
        boolean dropped = resentByJdk && !timeout && !neverReachedServer(e);
        seen += dropped ? 2 : 1;
        // After a drop the next attempt is likely dropped too, and then resent by the JDK as well.
        int next = dropped ? 2 : 1;
        if (interrupted) {
            report(-1, e, TexterAttempt.Decision.INTERRUPTED, null);
            throw e;
        }
        if (!(idempotent || neverReachedServer(e))) {
            report(-1, e, TexterAttempt.Decision.UNSAFE_TO_RETRY, null);
            throw e;
        }
        if (seen + next > allowed) {
            report(-1, e, TexterAttempt.Decision.RETRIES_EXHAUSTED, null);
            throw e;
        }
        Duration wait = policy.backoffBefore(attempt);
        String what = "failed with " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (!fitsBefore(wait, what)) {
            report(-1, e, TexterAttempt.Decision.DEADLINE, null);
            throw e;
        }
        report(-1, e, TexterAttempt.Decision.RETRY, wait);
        warn(wait, what);
        return wait;
    }

    /**
     * Reports an attempt that failed with something other than an I/O error (a body over the size limit, say):
     * never retried.
     *
     * @param e the failure
     */
    void afterOtherFailure(RuntimeException e) {
        report(-1, e, TexterAttempt.Decision.DONE, null);
    }

    /**
     * Decides after an attempt was answered.
     *
     * @param response the answer
     * @return the wait before the next attempt (already logged; the caller closes the answer), or {@code null} when
     *         the answer ends the call
     */
    @Nullable Duration afterResponse(Response response) {
        seen++;
        int status = response.status();
        if (!retryable(status, idempotent)) {
            report(status, null, idempotent || status < 500 && status != 408 ? TexterAttempt.Decision.DONE
                    : TexterAttempt.Decision.UNSAFE_TO_RETRY, null);
            return null;
        }
        if (seen >= allowed) {
            report(status, null, TexterAttempt.Decision.RETRIES_EXHAUSTED, null);
            return null;
        }
        Optional<Duration> retryAfter = RetryAfter.from(response.headers(), Instant.now());
        if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
            report(status, null, TexterAttempt.Decision.RETRY_AFTER_TOO_LONG, null);
            LOG.warn("Texter {} answered {} asking to wait {} s, longer than the retry policy allows ({} s);"
                            + " not retrying", Operation.of(request).label(), status,
                    retryAfter.get().toSeconds(), policy.maxRetryAfter().toSeconds());
            return null;
        }
        // Retry-After: 0, or a date already past, would mean retrying at once: use the backoff instead.
        int retry = attempt;
        Duration wait = retryAfter.filter(d -> !d.isZero() && !d.isNegative())
                .orElseGet(() -> policy.backoffBefore(retry));
        String what = "answered HTTP " + status;
        if (!fitsBefore(wait, what)) {
            report(status, null, TexterAttempt.Decision.DEADLINE, null);
            return null;
        }
        report(status, null, TexterAttempt.Decision.RETRY, wait);
        warn(wait, what);
        return wait;
    }

    /**
     * Reports the end of the call to the listeners (nothing when no attempt was made).
     *
     * @param response the final answer, or {@code null} when the call failed
     * @param failure  the failure the call ends with, or {@code null}
     */
    void finished(@Nullable Response response, @Nullable Throwable failure) {
        if (endpoint != null && attempt > 0) {
            listeners.call(endpoint, attempt, response == null ? -1 : response.status(), failure,
                    System.nanoTime() - start);
        }
    }

    /** The retry policy of this call: the client's, or a view's. */
    RetryPolicy policy() {
        return policy;
    }

    private void report(int status, @Nullable Throwable failure, TexterAttempt.Decision decision,
            @Nullable Duration wait) {
        if (endpoint != null) {
            listeners.attempt(endpoint, attempt, status, failure, System.nanoTime() - attemptStart, decision, wait);
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
    private boolean fitsBefore(Duration wait, String what) {
        if (deadline - System.nanoTime() - wait.toNanos() > 0) {
            return true;
        }
        LOG.warn(OneLine.of(redactor.scrub("Texter " + Operation.of(request).label() + " " + what
                + "; not retrying: a wait of " + wait.toMillis() + " ms would pass the call timeout of "
                + callTimeout.toMillis() + " ms")));
        return false;
    }

    private void warn(Duration wait, String what) {
        if (LOG.isWarnEnabled()) {
            LOG.warn(OneLine.of(redactor.scrub("Texter " + Operation.of(request).label() + " " + what + "; retry "
                    + attempt + " of " + policy.maxRetries() + " in " + wait.toMillis() + " ms")));
        }
    }
}
