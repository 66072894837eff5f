package com.texterchat.testkit.internal.sim;

import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.SpecValidator;

/**
 * The simulator's answer to one request: a status and its body (JSON, or the plain-text {@code OK} of the
 * operations that answer it).
 *
 * @param status the HTTP status
 * @param body the body as sent
 */
public record SimReply(int status, String body) {

    /** The operation's success status with this JSON body (a tree, a model or a string of JSON). */
    static SimReply ok(Object body) {
        return new SimReply(200, Json.write(body));
    }

    /** The plain-text {@code OK} answer. */
    static SimReply okText() {
        return new SimReply(200, "OK");
    }

    /** An error in Texter's shape, {@code {"success":false,"error":"..."}}. */
    static SimReply error(int status, String message) {
        return new SimReply(status, SpecValidator.errorBody(message));
    }

    /** 404 with Texter's error body, e.g. {@code Chat not found}. */
    static SimReply notFound(String what) {
        return error(404, what + " not found");
    }

    /** 400 with Texter's error body. */
    static SimReply badRequest(String message) {
        return error(400, message);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
