package com.texterchat.client.error;

import java.io.IOException;

/**
 * No usable response arrived: the connection could not be made, was reset or closed early, or the response did
 * not arrive within the configured timeout ({@link #isTimeout()}). The cause holds the underlying
 * {@link IOException}.
 *
 * <p>Whether the request reached Texter is unknown, except after a refused connection. That is why the client
 * retries these failures only for idempotent calls (GET, DELETE), and for POST/PATCH only when the connection
 * could not be made at all.
 */
public final class TexterIoException extends TexterException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    /**
     * Creates the exception.
     *
     * @param operation the operationId of the failed call
     * @param message   a description for logs; must not contain secrets
     * @param cause     the I/O failure
     * @param timeout   whether the failure was a connect or read timeout
     */
    public TexterIoException(String operation, String message, IOException cause, boolean timeout) {
        super(operation, message, cause);
        this.timeout = timeout;
    }

    /**
     * Whether the call failed because a connect or read timeout expired.
     *
     * @return {@code true} for a timeout
     */
    public boolean isTimeout() {
        return timeout;
    }
}
