package com.texterchat.client.error;

/**
 * The request conflicts with the current state of the resource (HTTP 409), e.g. creating a label whose ID is
 * already taken.
 */
public final class TexterConflictException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    TexterConflictException(HttpFailure failure) {
        super(failure);
    }
}
