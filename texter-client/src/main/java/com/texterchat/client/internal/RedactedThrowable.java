package com.texterchat.client.internal;

import org.jspecify.annotations.Nullable;

/**
 * Stands in, in a cause chain, for a throwable whose message held (part of) the API token: it prints as the
 * original class with the masked message ({@code com.fasterxml.jackson.core.JsonParseException [token redacted]:
 * Unrecognized token '<redacted>' ...}) and has the original stack trace. Made by {@link Redactor#scrubbed}.
 */
public final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    RedactedThrowable(String originalClassName, @Nullable String maskedMessage) {
        super(maskedMessage);
        this.originalClassName = originalClassName;
    }

    /**
     * The class of the throwable this one stands for.
     *
     * @return its fully qualified name
     */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the original's stack trace is set instead
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return originalClassName + " [token redacted]" + (message == null ? "" : ": " + message);
    }
}
