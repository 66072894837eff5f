package com.texterchat.client.internal;

import com.texterchat.client.RetryPolicy;
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
 * attempt's read timeout cut to the call's deadline, and the WARN lines under {@code com.texterchat.client.retry}.
 * The rules are those {@link RetryingClient} documents. Not thread-safe: one call's attempts run one after another.
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
    private final boolean idempotent;
    private final boolean resentByJdk;
    private final long deadline;
    private final int allowed;
    private int seen;
    private int attempt;
    private boolean capped;

    RetryState(Request request, RetryPolicy policy, Duration callTimeout, Redactor redactor) {
        this.request = request;
        this.policy = policy;
        this.callTimeout = callTimeout;
        this.redactor = redactor;
        String method = request.httpMethod().name();
        this.idempotent = IDEMPOTENT.contains(method);
        this.resentByJdk = RESENT_BY_JDK.contains(method);
        this.deadline = System.nanoTime() + callTimeout.toNanos();
        this.allowed = policy.maxRetries() + 1;
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
    Request.Options nextAttempt(Request.Options options) throws CallTimeoutException {
        attempt++;
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new CallTimeoutException(callTimeout, attempt - 1, null);
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
            throw new CallTimeoutException(callTimeout, attempt, e);
        }
        boolean dropped = resentByJdk && !timeout && !neverReachedServer(e);
        seen += dropped ? 2 : 1;
        // After a drop the next attempt is likely dropped too, and then resent by the JDK as well.
        int next = dropped ? 2 : 1;
        if (seen + next > allowed || interrupted || !(idempotent || neverReachedServer(e))) {
            throw e;
        }
        Duration wait = policy.backoffBefore(attempt);
        String what = "failed with " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (!fitsBefore(wait, what)) {
            throw e;
        }
        warn(wait, what);
        return wait;
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
        if (seen >= allowed || !retryable(status, idempotent)) {
            return null;
        }
        Optional<Duration> retryAfter = RetryAfter.from(response.headers(), Instant.now());
        if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
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
            return null;
        }
        warn(wait, what);
        return wait;
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
        LOG.warn(redactor.scrub("Texter " + Operation.of(request).label() + " " + what + "; not retrying: a wait of "
                + wait.toMillis() + " ms would pass the call timeout of " + callTimeout.toMillis() + " ms"));
        return false;
    }

    private void warn(Duration wait, String what) {
        if (LOG.isWarnEnabled()) {
            LOG.warn(redactor.scrub("Texter " + Operation.of(request).label() + " " + what + "; retry " + attempt
                    + " of " + policy.maxRetries() + " in " + wait.toMillis() + " ms"));
        }
    }
}
