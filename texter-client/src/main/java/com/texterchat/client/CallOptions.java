package com.texterchat.client;

import com.texterchat.client.internal.CustomHeaders;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Settings that replace the client's own for the calls made through a view of it,
 * {@link TexterClient#withOptions(Consumer)}: the call and read timeouts, the retry policy, and extra headers.
 * What is not set stays as the client has it. Immutable.
 *
 * <pre>{@code
 * ChatPublicView chat = client.withOptions(o -> o.callTimeout(Duration.ofSeconds(5))
 *                 .retryPolicy(r -> r.maxRetries(0))
 *                 .header("X-Request-Id", requestId))
 *         .chats().getChat(chatId);
 * }</pre>
 */
public final class CallOptions {

    private static final CallOptions NONE = new CallOptions(null, null, null, Map.of());

    private final @Nullable Duration callTimeout;
    private final @Nullable Duration readTimeout;
    private final @Nullable RetryPolicy retryPolicy;
    private final Map<String, String> headers;

    private CallOptions(@Nullable Duration callTimeout, @Nullable Duration readTimeout,
            @Nullable RetryPolicy retryPolicy, Map<String, String> headers) {
        this.callTimeout = callTimeout;
        this.readTimeout = readTimeout;
        this.retryPolicy = retryPolicy;
        this.headers = headers;
    }

    /**
     * No option set: calls go as the client has them.
     *
     * @return the empty options
     */
    public static CallOptions none() {
        return NONE;
    }

    /**
     * A builder with no option set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(NONE);
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The deadline of one call, all attempts and waits included, in place of the client's.
     *
     * @return the call timeout, empty when the client's applies
     */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /**
     * The read timeout of each attempt, in place of the client's.
     *
     * @return the read timeout, empty when the client's applies
     */
    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    /**
     * The retry policy, in place of the client's.
     *
     * @return the policy, empty when the client's applies
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * Headers sent with every call besides the client's own; a name given again replaces the client's default
     * header of that name.
     *
     * @return the headers by name (case-insensitive, unmodifiable)
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * These options with the other's set values taking precedence, and both sets of headers (the other's winning).
     *
     * @param other options to lay over these
     * @return the combined options
     */
    public CallOptions and(CallOptions other) {
        if (this == NONE) {
            return other;
        }
        Builder merged = toBuilder();
        other.callTimeout().ifPresent(merged::callTimeout);
        other.readTimeout().ifPresent(merged::readTimeout);
        other.retryPolicy().ifPresent(merged::retryPolicy);
        other.headers().forEach(merged::header);
        return merged.build();
    }

    @Override
    public String toString() {
        return "CallOptions[callTimeout=" + callTimeout + ", readTimeout=" + readTimeout + ", retryPolicy="
                + retryPolicy + ", headers=" + headers.keySet() + "]";
    }

    /** Configures {@link CallOptions}. Not thread-safe. */
    public static final class Builder {
        private @Nullable Duration callTimeout;
        private @Nullable Duration readTimeout;
        private @Nullable RetryPolicy retryPolicy;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RetryPolicy basePolicy = RetryPolicy.defaults();

        private Builder(CallOptions from) {
            this.callTimeout = from.callTimeout;
            this.readTimeout = from.readTimeout;
            this.retryPolicy = from.retryPolicy;
            this.headers.putAll(from.headers);
        }

        /**
         * The deadline of each call, all attempts and waits included (see
         * {@link TexterClient.Builder#callTimeout(Duration)}).
         *
         * @param timeout a positive duration, at most 24 hours
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "callTimeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("callTimeout must be positive and at most 24 hours, got " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * The read timeout of each attempt (see {@link TexterClient.Builder#readTimeout(Duration)}).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "readTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("readTimeout must be positive, got " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /**
         * The retry policy of each call.
         *
         * @param policy the policy, e.g. {@link RetryPolicy#disabled()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Changes the retry policy in place: starts from the policy set here before, or else from the client's
         * (from {@link RetryPolicy#defaults()} for a builder made by {@link CallOptions#builder()}), e.g.
         * {@code retryPolicy(r -> r.maxRetries(0))}.
         *
         * @param change what to change
         * @return this builder
         */
        public Builder retryPolicy(Consumer<RetryPolicy.Builder> change) {
            Objects.requireNonNull(change, "change");
            RetryPolicy.Builder builder = (retryPolicy == null ? basePolicy : retryPolicy).toBuilder();
            change.accept(builder);
            this.retryPolicy = builder.build();
            return this;
        }

        /**
         * A header sent with each call, e.g. {@code X-Request-Id}. Headers the SDK sets itself
         * ({@code Authorization}, {@code Content-Type}, {@code Accept}, {@code Accept-Encoding}, {@code Host},
         * {@code User-Agent}, {@code Content-Length}, connection headers) are refused.
         *
         * @param name  the header name
         * @param value the value, without line breaks
         * @return this builder
         * @throws IllegalArgumentException for a reserved or malformed name, or a value with control characters
         */
        public Builder header(String name, String value) {
            CustomHeaders.check(name, value);
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /** The policy {@link #retryPolicy(Consumer)} starts from when none is set here: the client's. */
        Builder basePolicy(RetryPolicy policy) {
            this.basePolicy = policy;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public CallOptions build() {
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            return new CallOptions(callTimeout, readTimeout, retryPolicy, Collections.unmodifiableMap(copy));
        }
    }
}
