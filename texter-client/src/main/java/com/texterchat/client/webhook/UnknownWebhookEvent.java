package com.texterchat.client.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A delivery whose {@code eventName} this SDK version does not know, e.g. a custom name chosen in a scenario or an
 * event Texter added later. It is passed on rather than rejected so that a webhook endpoint keeps working; the data
 * is available as JSON.
 */
public final class UnknownWebhookEvent extends WebhookEvent {

    UnknownWebhookEvent(String eventName, JsonNode eventDataJson, Map<String, @Nullable Object> extras) {
        super(eventName, () -> eventDataJson, extras);
    }

    /**
     * The event's data as received.
     *
     * @return the {@code eventData} JSON (an empty object when there was none)
     */
    @Override
    public JsonNode data() {
        return eventDataJson();
    }
}
