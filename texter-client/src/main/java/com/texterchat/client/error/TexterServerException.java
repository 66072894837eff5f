package com.texterchat.client.error;

/**
 * Texter failed to handle the request (HTTP 5xx). Idempotent calls (GET, DELETE) have already been retried
 * as the client's retry policy allows; calls that may have changed data (POST, PATCH) are never retried after a 5xx,
 * because the change may have been applied.
 */
public final class TexterServerException extends TexterHttpException {

    private static final long serialVersionUID = 1L;

    TexterServerException(HttpFailure failure) {
        super(failure);
    }
}
