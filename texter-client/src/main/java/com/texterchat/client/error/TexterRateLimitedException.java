package com.texterchat.client.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Texter is rate limiting the token (HTTP 429) and the client's retry policy did not (or could no longer) wait
 * for it. {@link #retryAfter()} says how long Texter asked to wait, when it did; schedule the call again after
 * that instead of sleeping a fixed time between calls.
 */
public final class TexterRateLimitedException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    TexterRateLimitedException(HttpFailure failure) {
        super(failure);
        this.retryAfter = failure.retryAfter();
    }

    /**
     * How long Texter asked to wait before trying again, from the {@code Retry-After} header (seconds or an HTTP
     * date).
     *
     * @return the wait, or empty when the response had no usable {@code Retry-After}
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
