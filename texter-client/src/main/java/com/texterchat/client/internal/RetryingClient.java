package com.texterchat.client.internal;

import com.texterchat.client.RetryPolicy;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again after a failure when the {@link RetryPolicy} allows another attempt and a repeat is safe:
 * <ul>
 *   <li>GET, HEAD, OPTIONS, PUT, DELETE (idempotent): after 408, 429 and 5xx answers and after any I/O failure;</li>
 *   <li>POST and PATCH: only after 429 (the server refused to process it) or when no connection could be made
 *       (refused, unreachable, connect timeout). Anything else may mean the request was processed.</li>
 * </ul>
 * Waits honour {@code Retry-After} up to the policy's cap; a longer requested wait ends the call with the 429 so
 * the caller sees it.
 */
public final class RetryingClient implements Client {

    private static final Logger LOG = LoggerFactory.getLogger("com.texterchat.client.retry");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final Client delegate;
    private final RetryPolicy policy;
    private final Redactor redactor;

    /**
     * Wraps a client.
     *
     * @param delegate the client sending each attempt
     * @param policy   how often and how long to wait
     * @param redactor masks the token in log lines
     */
    public RetryingClient(Client delegate, RetryPolicy policy, Redactor redactor) {
        this.delegate = delegate;
        this.policy = policy;
        this.redactor = redactor;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        boolean idempotent = IDEMPOTENT.contains(request.httpMethod().name());
        for (int retry = 1; ; retry++) {
            boolean mayRetry = retry <= policy.maxRetries();
            Response response;
            try {
                response = delegate.execute(request, options);
            } catch (IOException e) {
                boolean interrupted = Thread.currentThread().isInterrupted();
                if (!mayRetry || interrupted || !(idempotent || neverReachedServer(e))) {
                    throw e;
                }
                Duration wait = policy.backoffBefore(retry);
                warn(request, retry, wait, "failed with " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                sleep(wait);
                continue;
            }
            int status = response.status();
            if (!mayRetry || !retryable(status, idempotent)) {
                return response;
            }
            Optional<Duration> retryAfter = RetryAfter.from(response.headers(), Instant.now());
            if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                LOG.warn("Texter {} answered {} asking to wait {} s, longer than the retry policy allows ({} s);"
                                + " not retrying", Operation.of(request).label(), status,
                        retryAfter.get().toSeconds(), policy.maxRetryAfter().toSeconds());
                return response;
            }
            Duration wait = retryAfter.isPresent() ? retryAfter.get() : policy.backoffBefore(retry);
            response.close();
            warn(request, retry, wait, "answered HTTP " + status);
            sleep(wait);
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

    private void warn(Request request, int retry, Duration wait, String what) {
        if (LOG.isWarnEnabled()) {
            LOG.warn(redactor.scrub("Texter " + Operation.of(request).label() + " " + what + "; retry " + retry
                    + " of " + policy.maxRetries() + " in " + wait.toMillis() + " ms"));
        }
    }

    private void sleep(Duration wait) throws InterruptedIOException {
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
