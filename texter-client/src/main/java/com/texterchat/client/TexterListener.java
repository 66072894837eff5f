package com.texterchat.client;

/**
 * Sees what the client does on the wire, for metrics, tracing or audit logs: each attempt of a call
 * ({@link #onAttempt(TexterAttempt)}) and each call as a whole, retries included ({@link #onCall(TexterCall)}).
 * Register one or more with {@link TexterClient.Builder#listener(TexterListener)};
 * {@code com.texterchat.client.micrometer.TexterMetrics} is one for Micrometer.
 *
 * <pre>{@code
 * TexterClient client = TexterClient.builder().projectId("demo").token(token)
 *         .listener(new TexterListener() {
 *             @Override
 *             public void onCall(TexterCall call) {
 *                 log.info("{} {} in {} ms", call.operation(), call.outcome(), call.duration().toMillis());
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>The events name an operation by its operationId, HTTP method and path <em>template</em>
 * ({@code /chats/{chatId}}, never the filled path with IDs in it), so they make good metric tags; they never carry
 * the API token, request or response bodies, or headers.
 *
 * <p>Listeners are called on the thread making the call, synchronously, in the order they were registered, and
 * must be thread-safe and quick: a slow listener slows every call. One that throws does not break the call: the
 * exception is logged (a WARN line under {@code com.texterchat.client.listener}) and the call goes on, as do the
 * other listeners.
 */
public interface TexterListener {

    /**
     * Called after each attempt of a call: an answer arrived (any status) or sending failed.
     *
     * @param attempt what happened, and whether the call is retried
     */
    default void onAttempt(TexterAttempt attempt) {
    }

    /**
     * Called once per call when it ends, after its last attempt: with the final answer or the failure the caller
     * sees (before the answer is decoded: a 200 that Texter marks {@code success: false} counts as a success here).
     *
     * @param call what the call came to
     */
    default void onCall(TexterCall call) {
    }
}
