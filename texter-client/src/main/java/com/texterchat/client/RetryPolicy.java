package com.texterchat.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long the client waits before sending a failed request again. Immutable.
 *
 * <p>Which failures are retried does not depend on the policy, only on whether a repeat is safe:
 * <ul>
 *   <li>idempotent calls (GET, DELETE): after 408, 429 and 5xx answers and after I/O failures (connection
 *       refused or reset, timeout);</li>
 *   <li>calls that may change data (POST, PATCH, e.g. sending a message): only when the server cannot have
 *       processed them, i.e. after a 429 answer or when no connection could be made. After a timeout, a reset or a
 *       5xx the message may already have gone out, so it is never sent twice behind the caller's back.</li>
 * </ul>
 *
 * <p>The wait before retry {@code n} is exponential ({@link #initialBackoff()} doubled for each further retry,
 * capped at {@link #maxBackoff()}) with jitter: a random point in its upper half, so that many clients rejected
 * at once do not come back at once. When the answer carries {@code Retry-After} (seconds or an HTTP date), that
 * wait is used instead, as long as it is not longer than {@link #maxRetryAfter()}; a longer one ends the call
 * with a {@link com.texterchat.client.error.TexterRateLimitedException} whose
 * {@link com.texterchat.client.error.TexterRateLimitedException#retryAfter() retryAfter()} tells the caller when
 * to come back.
 *
 * <pre>{@code
 * TexterClient.builder().projectId("demo").token(token)
 *         .retryPolicy(RetryPolicy.builder().maxRetries(4).maxBackoff(Duration.ofSeconds(20)).build())
 *         .build();
 * }</pre>
 */
public final class RetryPolicy {

    /** Waits by blocking the calling thread; replaceable so that tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Blocks for the given time.
         *
         * @param duration how long to wait, never negative
         * @throws InterruptedException when the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy DISABLED = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.sleeper = builder.sleeper;
    }

    /**
     * The default policy: up to 2 retries, waits starting at 500 ms and capped at 10 s, {@code Retry-After}
     * honoured up to 30 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: every failure surfaces at once.
     *
     * @return the policy with {@code maxRetries} 0
     */
    public static RetryPolicy disabled() {
        return DISABLED;
    }

    /**
     * A builder starting from the {@linkplain #defaults() default} values.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.sleeper = sleeper;
        return b;
    }

    /**
     * How many times a failed request may be sent again (so at most {@code maxRetries + 1} attempts).
     *
     * @return the number of retries, 0 when retrying is off
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The base wait before the first retry.
     *
     * @return the initial backoff
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest computed wait between two attempts.
     *
     * @return the backoff cap
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest {@code Retry-After} the client waits for; a longer one ends the call instead.
     *
     * @return the cap for server-requested waits
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * How the client waits between attempts.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The wait before the given retry when the server did not ask for one: {@code initialBackoff * 2^(retry-1)},
     * capped at {@code maxBackoff}, then a random value between half of it and all of it.
     *
     * @param retry which retry is about to happen, starting at 1
     * @return a randomised wait
     */
    public Duration backoffBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, got " + retry);
        }
        long cap = maxBackoff.toMillis();
        long exponential = initialBackoff.toMillis() << Math.min(retry - 1, 30);
        long full = exponential <= 0 ? cap : Math.min(exponential, cap);
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Configures a {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Sleeper sleeper = THREAD_SLEEP;

        private Builder() {
        }

        /**
         * How many times a failed request may be sent again; 0 turns retrying off.
         *
         * @param maxRetries 0 to 10
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The base wait before the first retry (default 500 ms); it doubles with each further retry.
         *
         * @param initialBackoff at least 1 ms
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = atLeastOneMilli(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * The longest computed wait between two attempts (default 10 s).
         *
         * @param maxBackoff at least 1 ms
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = atLeastOneMilli(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * The longest {@code Retry-After} to wait for (default 30 s). When Texter asks for a longer pause, the
         * call fails at once with the requested wait in the exception, so the caller can reschedule.
         *
         * @param maxRetryAfter zero or more
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative, got " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * How to wait between attempts (default {@link Thread#sleep}). Tests use it to record the waits instead
         * of spending them.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException when {@code initialBackoff} exceeds {@code maxBackoff}
         */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalStateException("initialBackoff (" + initialBackoff + ") must not exceed maxBackoff ("
                        + maxBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration atLeastOneMilli(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, got " + d);
            }
            return d;
        }
    }
}
