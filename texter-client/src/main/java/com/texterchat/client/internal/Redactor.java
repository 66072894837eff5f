package com.texterchat.client.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps the API token out of logs and exception messages: masks every occurrence of the token in a text and
 * replaces the values of credential headers.
 */
public final class Redactor {

    /** What a masked secret is replaced by. */
    public static final String MASK = "<redacted>";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final String token;

    /**
     * A redactor for one token.
     *
     * @param token the API token to mask
     */
    public Redactor(String token) {
        this.token = token;
    }

    /**
     * The text with every occurrence of the token masked.
     *
     * @param text any text
     * @return the masked text
     */
    public String scrub(String text) {
        if (token.isEmpty() || !text.contains(token)) {
            return text;
        }
        return text.replace(token, MASK);
    }

    /**
     * The value of a header as it may be logged: masked entirely for credential headers, token-scrubbed otherwise.
     *
     * @param name  the header name (any case)
     * @param value the header value
     * @return the loggable value
     */
    public String headerValue(String name, String value) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : scrub(value);
    }
}
