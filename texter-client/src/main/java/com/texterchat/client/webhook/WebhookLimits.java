package com.texterchat.client.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.texterchat.client.json.TexterJson;

/**
 * How large and complex a webhook body {@link TexterWebhooks#parse(byte[], WebhookLimits)} accepts; a body beyond
 * any limit is refused with an {@link InvalidWebhookException} before it can cost much memory or time. Immutable
 * and thread-safe.
 *
 * <p>The {@linkplain #defaults() defaults} are far above any real delivery (the largest official example is a few
 * KB: a message of at most 4,096 characters plus its chat) and far below what could hurt a receiver:
 * <ul>
 *   <li>{@code maxBytes} 1 MiB (1,048,576 bytes) of body;</li>
 *   <li>{@code maxTokens} 100,000 JSON tokens (keys, values, brackets), a real delivery has a few hundred;</li>
 *   <li>{@code maxNestingDepth} 64 levels of objects and arrays, a real delivery has under 10;</li>
 *   <li>{@code maxStringLength} 262,144 characters in one string value;</li>
 *   <li>{@code maxNameLength} 1,024 characters in one key;</li>
 *   <li>{@code maxNumberLength} 100 characters in one number (an epoch in milliseconds has 13).</li>
 * </ul>
 *
 * <pre>{@code
 * WebhookLimits limits = WebhookLimits.builder().maxBytes(256 * 1024).build();
 * WebhookEvent event = TexterWebhooks.parse(request.getInputStream(), limits);
 * }</pre>
 */
public final class WebhookLimits {

    private static final WebhookLimits DEFAULTS = builder().build();

    private final int maxBytes;
    private final int maxTokens;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNameLength;
    private final int maxNumberLength;
    /** The SDK's JSON factory with these limits as its read constraints. */
    private final JsonFactory factory;

    private WebhookLimits(Builder b) {
        this.maxBytes = b.maxBytes;
        this.maxTokens = b.maxTokens;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
        this.maxNameLength = b.maxNameLength;
        this.maxNumberLength = b.maxNumberLength;
        JsonFactory copy = TexterJson.mapper().getFactory().copy();
        copy.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxBytes)
                .maxTokenCount(maxTokens)
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNameLength(maxNameLength)
                .maxNumberLength(maxNumberLength)
                .build());
        copy.setCodec(TexterJson.mapper());
        this.factory = copy;
    }

    /**
     * The default limits, which accept every real Texter delivery.
     *
     * @return the defaults
     */
    public static WebhookLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the largest body accepted, in bytes */
    public int maxBytes() {
        return maxBytes;
    }

    /** @return the most JSON tokens a body may have */
    public int maxTokens() {
        return maxTokens;
    }

    /** @return the deepest nesting of objects and arrays accepted */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** @return the longest string value accepted, in characters */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** @return the longest key accepted, in characters */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** @return the longest number accepted, in characters */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    JsonFactory factory() {
        return factory;
    }

    @Override
    public String toString() {
        return "WebhookLimits[maxBytes=" + maxBytes + ", maxTokens=" + maxTokens + ", maxNestingDepth="
                + maxNestingDepth + ", maxStringLength=" + maxStringLength + ", maxNameLength=" + maxNameLength
                + ", maxNumberLength=" + maxNumberLength + "]";
    }

    /** Builds {@link WebhookLimits}; every limit must be positive. Not thread-safe. */
    public static final class Builder {

        /** The largest {@code maxBytes}: the largest array the JVM can allocate, less the byte read past it. */
        static final int MAX_BYTES_LIMIT = Integer.MAX_VALUE - 16;

        private int maxBytes = 1024 * 1024;
        private int maxTokens = 100_000;
        private int maxNestingDepth = 64;
        private int maxStringLength = 256 * 1024;
        private int maxNameLength = 1024;
        private int maxNumberLength = 100;

        private Builder() {
        }

        /**
         * The largest body accepted.
         *
         * @param bytes 1 to {@code Integer.MAX_VALUE - 16}
         * @return this builder
         */
        public Builder maxBytes(int bytes) {
            if (bytes > MAX_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxBytes must be at most " + MAX_BYTES_LIMIT + ", got " + bytes);
            }
            this.maxBytes = positive("maxBytes", bytes);
            return this;
        }

        /**
         * The most JSON tokens (keys, values, brackets) a body may have.
         *
         * @param tokens at least 1
         * @return this builder
         */
        public Builder maxTokens(int tokens) {
            this.maxTokens = positive("maxTokens", tokens);
            return this;
        }

        /**
         * The deepest nesting of objects and arrays accepted.
         *
         * @param depth at least 1
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = positive("maxNestingDepth", depth);
            return this;
        }

        /**
         * The longest string value accepted.
         *
         * @param chars at least 1
         * @return this builder
         */
        public Builder maxStringLength(int chars) {
            this.maxStringLength = positive("maxStringLength", chars);
            return this;
        }

        /**
         * The longest key accepted.
         *
         * @param chars at least 1
         * @return this builder
         */
        public Builder maxNameLength(int chars) {
            this.maxNameLength = positive("maxNameLength", chars);
            return this;
        }

        /**
         * The longest number accepted, in characters.
         *
         * @param chars at least 1
         * @return this builder
         */
        public Builder maxNumberLength(int chars) {
            this.maxNumberLength = positive("maxNumberLength", chars);
            return this;
        }

        /**
         * The limits.
         *
         * @return the immutable limits
         */
        public WebhookLimits build() {
            return new WebhookLimits(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
