package com.texterchat.client.error;

import java.util.List;

/**
 * The API token is valid but may not perform this operation (HTTP 403): it lacks one of the scopes the operation
 * requires. {@link #requiredScopes()} lists them (from the {@code x-texter-scopes} of the operation in
 * {@code openapi.json}) and the message names them, so the fix is to add those scopes to the token in Texter
 * (gear icon, Developers, API Tokens).
 */
public final class TexterForbiddenException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // declared List, but it holds a List.copyOf, which is Serializable
    private final List<String> requiredScopes;

    TexterForbiddenException(HttpFailure failure) {
        super(failure);
        this.requiredScopes = failure.requiredScopes();
    }

    /**
     * The token scopes the operation needs, as Texter names them (e.g. {@code "Send template messages"}).
     *
     * @return the scopes; empty when the operation works with any valid token or its scopes are not known
     */
    public List<String> requiredScopes() {
        return requiredScopes;
    }
}
