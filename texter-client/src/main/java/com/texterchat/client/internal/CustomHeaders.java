package com.texterchat.client.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Checks the headers a caller adds to requests (client-wide defaults and per-call headers). */
public final class CustomHeaders {

    /**
     * Headers the SDK sets itself or the HTTP client manages: a caller's value would replace the token, break the
     * body's description or decoding, or confuse the connection.
     */
    private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "content-type",
            "content-length", "content-encoding", "transfer-encoding", "accept", "accept-encoding", "host",
            "connection", "keep-alive", "expect", "upgrade", "te", "trailer", "user-agent");

    private CustomHeaders() {
    }

    /**
     * Checks one header a caller wants sent.
     *
     * @param name  the header name
     * @param value its value
     * @throws IllegalArgumentException when the name is not a valid header name, names a header the SDK sets
     *                                  itself, or the value holds a line break or another control character
     */
    public static void check(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (name.isEmpty() || !name.chars().allMatch(CustomHeaders::tokenChar)) {
            throw new IllegalArgumentException("'" + OneLine.of(name) + "' is not a valid HTTP header name (letters,"
                    + " digits and !#$%&'*+-.^_`|~ only)");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the header " + name + " cannot be set: the SDK sets it itself"
                    + " (Authorization comes from the token, Content-Type and Accept from the operation, the rest from"
                    + " the HTTP client)");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException("the value of the header " + name + " must not contain line breaks or"
                    + " other control characters");
        }
    }

    private static boolean tokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
