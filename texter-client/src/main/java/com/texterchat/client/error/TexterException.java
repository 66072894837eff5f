package com.texterchat.client.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base class of every failure of a Texter API call made through the SDK. Unchecked.
 *
 * <p>{@link #operation()} tells which call failed. The message is meant for logs and never contains the API
 * token.
 */
public class TexterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    /**
     * Creates an exception.
     *
     * @param operation the operationId of the failed call (e.g. {@code sendTemplateMessage}), or
     *                  {@code "METHOD path"} when the operation is not known
     * @param message   a description for logs; must not contain secrets
     * @param cause     the underlying failure, or {@code null}
     */
    public TexterException(String operation, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /**
     * The operationId of the call that failed, as declared in {@code openapi.json} (e.g.
     * {@code "sendTemplateMessage"}), or {@code "METHOD path"} when the call does not map to a declared operation.
     *
     * @return the operation, never {@code null}
     */
    public String operation() {
        return operation;
    }
}
