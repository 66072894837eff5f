package com.texterchat.client.error;

/**
 * Texter refused the request as invalid (HTTP 400): a parameter or body field is missing, malformed or out
 * of range. The response body usually says which.
 */
public final class TexterBadRequestException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    TexterBadRequestException(HttpFailure failure) {
        super(failure);
    }
}
