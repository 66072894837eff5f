package com.texterchat.client.error;

/**
 * The addressed resource does not exist (HTTP 404), e.g. an unknown chat, label or template ID.
 */
public final class TexterNotFoundException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    TexterNotFoundException(HttpFailure failure) {
        super(failure);
    }
}
