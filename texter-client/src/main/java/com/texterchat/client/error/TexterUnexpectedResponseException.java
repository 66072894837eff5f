package com.texterchat.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Texter answered with a success status, but the body cannot be the operation's result: it is empty where JSON
 * was expected, is not valid JSON, or does not have the expected shape. Also thrown, for any status, when the body
 * arrived in a {@code Content-Encoding} the SDK does not decode (it asks for gzip only) or as corrupt gzip. The
 * request was processed by the server, so the client never retries it.
 */
public final class TexterUnexpectedResponseException extends TexterException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String responseBody;

    /**
     * Creates the exception.
     *
     * @param operation    the operationId of the call
     * @param status       the HTTP status code (2xx)
     * @param responseBody the body as received
     * @param message      a description for logs; must not contain secrets
     * @param cause        the parse failure, or {@code null}
     */
    public TexterUnexpectedResponseException(String operation, int status, @Nullable String responseBody,
            String message, @Nullable Throwable cause) {
        super(operation, message, cause);
        this.status = status;
        this.responseBody = BodyPrefix.of(responseBody);
    }

    /**
     * The HTTP status code of the response.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The response body as received: the whole body when it has at most 65,536 characters, otherwise its first
     * 65,536 characters.
     *
     * @return the body or its prefix, {@code ""} when there was none
     */
    public String responseBody() {
        return responseBody;
    }
}
