package com.texterchat.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shared secret that proves a webhook delivery comes from your Texter subscription. Texter does not sign what
 * it POSTs, so a subscription carries the secret instead: its {@code request} action sends it in the header
 * {@value #HEADER} (or, where a header cannot be set, in the URL's query parameter {@value #QUERY_PARAMETER}),
 * and the receiver ({@link TexterWebhookReceiver}) refuses every delivery without it.
 *
 * <pre>{@code
 * WebhookSecret secret = WebhookSecret.generate();          // keep it, e.g. in your secret store
 * texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url).withSecret(secret).build());
 * TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().secret(secret).build();
 * }</pre>
 *
 * <p>A secret is 16 to 1,024 visible ASCII characters (no spaces or control characters, so it fits a header and a
 * URL unchanged); {@link #generate()} makes one of 256 random bits. {@link #matches(String)} compares in constant
 * time, and {@link #toString()} never shows the value. Immutable and thread-safe.
 */
public final class WebhookSecret {

    /** The request header a subscription sends the secret in: {@value}. */
    public static final String HEADER = "X-Texter-Webhook-Secret";

    /** The URL query parameter a subscription sends the secret in, when it cannot use the header: {@value}. */
    public static final String QUERY_PARAMETER = "texter_secret";

    /** The fewest characters a secret may have. */
    public static final int MIN_LENGTH = 16;

    /** The most characters a secret may have (it travels in a header line). */
    public static final int MAX_LENGTH = 1024;

    /** Random bytes of a generated secret: 256 bits, 43 characters of base64url. */
    private static final int GENERATED_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] bytes;

    private WebhookSecret(String value) {
        this.value = value;
        this.bytes = value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A new random secret: 32 bytes from {@link SecureRandom}, encoded as base64url without padding (43
     * characters).
     *
     * @return the secret
     */
    public static WebhookSecret generate() {
        byte[] random = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(random);
        return new WebhookSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /**
     * A secret you already have, e.g. from configuration or a secret store.
     *
     * @param value 16 to 1,024 visible ASCII characters ({@code !} to {@code ~}: no spaces, no control or
     *              non-ASCII characters)
     * @return the secret
     * @throws IllegalArgumentException when the value breaks a rule; the message names the rule, never the value
     */
    public static WebhookSecret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a webhook secret must not be blank");
        }
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a webhook secret needs at least " + MIN_LENGTH + " characters, got "
                    + value.length() + "; WebhookSecret.generate() makes a strong one");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a webhook secret may have at most " + MAX_LENGTH + " characters, got "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                throw new IllegalArgumentException("a webhook secret may only hold visible ASCII characters (! to ~),"
                        + " the one at index " + i + " is not");
            }
        }
        return new WebhookSecret(value);
    }

    /**
     * The secret itself, to store it or to put it into a subscription. Handle it like a password.
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * Whether {@code presented} is this secret. The comparison takes the same time whatever the characters, so
     * timing tells an attacker nothing about how much of a guess was right (only, at most, the lengths).
     *
     * @param presented what a request carried, or {@code null} when it carried nothing
     * @return {@code true} only for exactly this secret
     */
    public boolean matches(@Nullable String presented) {
        if (presented == null) {
            return false;
        }
        // The presented bytes first: MessageDigest.isEqual loops over its first argument's length, and always to
        // its end, so the time depends on what the caller sent, not on the secret.
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** Equal when the values are, compared in constant time. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof WebhookSecret other && MessageDigest.isEqual(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return WebhookSecret.class.hashCode(); // no hash of the value: it would leak bits of it
    }

    /** Redacted: never shows the value. */
    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
