package com.texterchat.client.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A delivery of an event this SDK knows, with its data bound to the generated model of that event.
 *
 * @param <D> the data model, e.g. {@code ChatAssignedEventData}
 */
public final class KnownWebhookEvent<D> extends WebhookEvent {

    private final Class<D> dataType;
    private final D data;

    KnownWebhookEvent(String eventName, Supplier<JsonNode> eventDataJson, Map<String, @Nullable Object> extras,
            Class<D> dataType, D data) {
        super(eventName, eventDataJson, extras);
        this.dataType = dataType;
        this.data = data;
    }

    /**
     * The event's data.
     *
     * @return the model, e.g. a {@code ChatAssignedEventData}
     */
    @Override
    public D data() {
        return data;
    }

    /**
     * The model class of this event's data.
     *
     * @return e.g. {@code ChatAssignedEventData.class}
     */
    public Class<D> dataType() {
        return dataType;
    }
}
