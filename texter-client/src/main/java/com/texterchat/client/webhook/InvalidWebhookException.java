package com.texterchat.client.webhook;

import org.jspecify.annotations.Nullable;

/**
 * A webhook body that cannot be a Texter delivery: not JSON, not a JSON object, without a string
 * {@code eventName}, or with {@code eventData} that does not fit the event. A web endpoint would typically answer
 * such a request with 400.
 */
public final class InvalidWebhookException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the body
     * @param cause   the parse failure, or {@code null}
     */
    public InvalidWebhookException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
