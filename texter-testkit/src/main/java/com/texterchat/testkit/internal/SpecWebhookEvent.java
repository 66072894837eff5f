package com.texterchat.testkit.internal;

import java.util.List;

/**
 * One entry of the spec's {@code x-texter-webhook-events}: the event name, the schema of its
 * {@code eventData}, that schema's example (serialized once) and the keys it declares.
 *
 * @param eventName    e.g. {@code newIncomingMessage}
 * @param schemaName   the eventData schema, which is also the generated model's simple class name
 * @param exampleJson  the schema's example, the default eventData of factories
 * @param keys         the eventData properties the schema declares
 */
public record SpecWebhookEvent(String eventName, String schemaName, String exampleJson, List<String> keys) {

    /** Copies {@code keys} so the record stays immutable. */
    public SpecWebhookEvent {
        keys = List.copyOf(keys);
    }

    /** Whether this event's eventData declares {@code key}. */
    public boolean declares(String key) {
        return keys.contains(key);
    }
}
