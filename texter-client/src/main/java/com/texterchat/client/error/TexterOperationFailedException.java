package com.texterchat.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Texter answered with a success status but its JSON body says {@code "success": false}: nothing was done. The
 * typical case is Send Template Message to a recipient who unsubscribed from templates, which Texter refuses with
 * HTTP 200. The client turns such answers into this exception so that a refused send cannot pass unnoticed.
 */
public final class TexterOperationFailedException extends TexterException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String error;
    private final String responseBody;
    @SuppressWarnings("serial") // declared JsonNode, but every node Jackson builds is Serializable
    private final @Nullable JsonNode responseJson;

    /**
     * Creates the exception.
     *
     * @param operation    the operationId of the refused call
     * @param error        Texter's reason (the body's {@code error} or {@code message} field), or {@code null}
     * @param responseBody the response body as text
     * @param responseJson the parsed response body, or {@code null} when the body is not valid JSON as a whole
     * @param message      a description for logs; must not contain secrets
     */
    public TexterOperationFailedException(String operation, @Nullable String error, String responseBody,
            @Nullable JsonNode responseJson, String message) {
        super(operation, message, null);
        this.error = error;
        this.responseBody = BodyPrefix.of(responseBody);
        this.responseJson = responseJson;
    }

    /**
     * Texter's reason for refusing, e.g. {@code "unsubscribed"}.
     *
     * @return the body's {@code error} (or else {@code message}) text; {@code ""} when the body gave none
     */
    public String error() {
        return error == null ? "" : error;
    }

    /**
     * The response body as received: the whole body when it has at most 65,536 characters, otherwise its first
     * 65,536 characters.
     *
     * @return the body or its prefix
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * The parsed response body, e.g. to read fields besides {@code success} and {@code error}.
     *
     * @return the body as JSON, or {@code null} when it is not valid JSON as a whole (Texter's {@code success: false}
     *         was read, but the rest of the body is malformed)
     */
    public @Nullable JsonNode responseJson() {
        return responseJson;
    }
}
