package com.texterchat.client.webhook;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TexterWebhookReceiver#receive} decided about one request: the HTTP status to answer with, the event
 * when the body was a delivery, a short reason and, for a refused body or a failed listener, the exception behind
 * it. Immutable.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>status</th><th>when</th><th>{@link #event()}</th><th>{@link #failure()}</th></tr>
 *   <tr><td>200</td><td>authenticated, parsed, every listener returned</td><td>the event</td><td>empty</td></tr>
 *   <tr><td>401</td><td>the secret is missing or wrong (the body was not read)</td><td>empty</td><td>empty</td></tr>
 *   <tr><td>413</td><td>the body has more bytes than {@link WebhookLimits#maxBytes()}</td><td>empty</td>
 *       <td>empty</td></tr>
 *   <tr><td>400</td><td>the body is not a Texter delivery: not JSON, not UTF-8, no {@code eventName}, data that
 *       does not fit its event, beyond another limit, or unreadable</td><td>empty</td>
 *       <td>the {@link InvalidWebhookException} (or the read failure)</td></tr>
 *   <tr><td>500</td><td>a listener threw; later listeners were not called</td><td>the event</td>
 *       <td>the listener's exception</td></tr>
 * </table>
 *
 * <p>{@link #reason()} is safe to send back to whoever made the request: it never holds the secret or any part of
 * the body. {@link #failure()} may quote the body (a parse error names what it found) and is for your logs.
 */
public final class WebhookReceipt {

    /** The status of a delivery that was accepted. */
    public static final int OK = 200;
    /** The status of a body that is not a Texter delivery. */
    public static final int BAD_REQUEST = 400;
    /** The status of a request without the right secret. */
    public static final int UNAUTHORIZED = 401;
    /** The status of a body larger than the limit. */
    public static final int PAYLOAD_TOO_LARGE = 413;
    /** The status when a listener failed. */
    public static final int LISTENER_FAILED = 500;

    private final int status;
    private final @Nullable WebhookEvent event;
    private final String reason;
    private final @Nullable Throwable failure;

    private WebhookReceipt(int status, @Nullable WebhookEvent event, String reason, @Nullable Throwable failure) {
        this.status = status;
        this.event = event;
        this.reason = reason;
        this.failure = failure;
    }

    static WebhookReceipt accepted(WebhookEvent event) {
        return new WebhookReceipt(OK, Objects.requireNonNull(event, "event"), "accepted", null);
    }

    static WebhookReceipt unauthorized() {
        return new WebhookReceipt(UNAUTHORIZED, null, "missing or wrong webhook secret", null);
    }

    static WebhookReceipt tooLarge(WebhookLimits limits) {
        return new WebhookReceipt(PAYLOAD_TOO_LARGE, null, "webhook body larger than " + limits.maxBytes()
                + " bytes", null);
    }

    static WebhookReceipt invalid(Throwable failure) {
        return new WebhookReceipt(BAD_REQUEST, null, "not a Texter webhook delivery", failure);
    }

    static WebhookReceipt unreadable(Throwable failure) {
        return new WebhookReceipt(BAD_REQUEST, null, "webhook body could not be read", failure);
    }

    static WebhookReceipt listenerFailed(WebhookEvent event, Throwable failure) {
        return new WebhookReceipt(LISTENER_FAILED, event, "webhook listener failed", failure);
    }

    /**
     * The HTTP status to answer with: 200, 400, 401, 413 or 500 (see the table above).
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Whether the delivery was authenticated, parsed and handled by every listener (status 200).
     *
     * @return {@code true} for status 200
     */
    public boolean accepted() {
        return status == OK;
    }

    /**
     * The delivery, once it was authenticated and parsed: present for 200 and for 500 (a listener failed on it).
     *
     * @return the event, or empty
     */
    public Optional<WebhookEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * A short reason, safe to return to the caller: never the secret, never any part of the body.
     *
     * @return e.g. {@code "missing or wrong webhook secret"}
     */
    public String reason() {
        return reason;
    }

    /**
     * What went wrong, for your logs: the {@link InvalidWebhookException} of a 400 (its message may quote the
     * body), or the exception a listener threw (500).
     *
     * @return the exception, or empty for 200, 401 and 413
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "WebhookReceipt[status=" + status + ", reason=" + reason
                + (event == null ? "" : ", eventName=" + event.eventName()) + "]";
    }
}
