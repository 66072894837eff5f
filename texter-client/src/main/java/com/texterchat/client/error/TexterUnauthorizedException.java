package com.texterchat.client.error;

/**
 * Texter did not accept the API token (HTTP 401): it is missing, mistyped, revoked, or belongs to another
 * project. Retrying with the same token will not help.
 */
public final class TexterUnauthorizedException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    TexterUnauthorizedException(HttpFailure failure) {
        super(failure);
    }
}
