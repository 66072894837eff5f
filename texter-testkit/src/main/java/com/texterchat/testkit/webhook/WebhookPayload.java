package com.texterchat.testkit.webhook;

import com.texterchat.model.WebhookEnvelope;
import com.texterchat.testkit.internal.Json;
import java.nio.charset.StandardCharsets;

/**
 * A webhook delivery exactly as Texter POSTs it: the JSON envelope {@code {"eventName": ..., "eventData": {...}}}
 * as text, as bytes, and as the generated models. Built by {@link WebhookPayloadBuilder#build()}; immutable (the model
 * accessors return fresh copies).
 *
 * @param <T> the generated {@code *EventData} model of the event
 */
public final class WebhookPayload<T> {

    private final String eventName;
    private final String json;
    private final Class<T> eventDataType;

    WebhookPayload(String eventName, String json, Class<T> eventDataType) {
        this.eventName = eventName;
        this.json = json;
        this.eventDataType = eventDataType;
    }

    /** The event's name, e.g. {@code newIncomingMessage}. */
    public String eventName() {
        return eventName;
    }

    /** The body Texter sends, compact JSON. */
    public String json() {
        return json;
    }

    /** The body Texter sends, UTF-8 encoded (a new array on each call). */
    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The envelope as the generated {@link WebhookEnvelope} (eventData as a map), as a receiver would parse it. */
    public WebhookEnvelope envelope() {
        return Json.read(json, WebhookEnvelope.class, "webhook payload");
    }

    /** The eventData as its generated model, e.g. {@code NewIncomingMessageEventData}. */
    public T eventData() {
        return Json.convert(Json.tree(json, "webhook payload").get("eventData"), eventDataType);
    }

    /** The generated model class of the eventData. */
    public Class<T> eventDataType() {
        return eventDataType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookPayload<?> that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The JSON body. */
    @Override
    public String toString() {
        return json;
    }
}
