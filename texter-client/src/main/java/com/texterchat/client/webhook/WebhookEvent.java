package com.texterchat.client.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.model.WebhookEventName;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One webhook delivery: the {@code eventName}, its data and any extra top-level keys of the envelope.
 *
 * <p>Either a {@link KnownWebhookEvent}, whose {@link #data()} is the generated model of its event (e.g.
 * {@code NewIncomingMessageEventData} for {@code newIncomingMessage}), or an {@link UnknownWebhookEvent}, whose
 * data is the raw JSON. Typical handling:
 *
 * <pre>{@code
 * WebhookEvent event = TexterWebhooks.parse(requestBody);
 * event.dataAs(NewIncomingMessageEventData.class).ifPresent(d -> reply(d.getChat(), d.getMessage()));
 * }</pre>
 *
 * <p>Instances are immutable apart from the generated data models, which are mutable beans.
 */
public abstract sealed class WebhookEvent permits KnownWebhookEvent, UnknownWebhookEvent {

    private final String eventName;
    private final Map<String, @Nullable Object> extras;
    /** Reads the {@code eventData} JSON; a typed event only builds that tree when it is asked for. */
    private final Supplier<JsonNode> eventDataSource;
    private volatile @Nullable JsonNode eventDataJson;

    WebhookEvent(String eventName, Supplier<JsonNode> eventDataSource, Map<String, @Nullable Object> extras) {
        this.eventName = eventName;
        this.eventDataSource = eventDataSource;
        this.extras = extras;
    }

    /**
     * The {@code eventName} exactly as sent, e.g. {@code "chatAssigned"}.
     *
     * @return the event name
     */
    public String eventName() {
        return eventName;
    }

    /**
     * The event kind; {@link WebhookEventName#UNKNOWN} for names this SDK version does not know.
     *
     * @return the kind
     */
    public WebhookEventName type() {
        return WebhookEventName.fromValue(eventName);
    }

    /**
     * The event's data: the generated {@code *EventData} model for a known event, the JSON for an unknown one.
     *
     * @return the data
     */
    public abstract Object data();

    /**
     * The data as the given type, when it is of that type.
     *
     * @param type e.g. {@code ChatAssignedEventData.class}
     * @param <T>  the type
     * @return the data, or empty when this event carries another type
     */
    public <T> Optional<T> dataAs(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return type.isInstance(data()) ? Optional.of(type.cast(data())) : Optional.empty();
    }

    /**
     * The {@code eventData} object as received, including any fields the generated model does not declare.
     *
     * @return the JSON (an empty object when the delivery had none)
     */
    public JsonNode eventDataJson() {
        return json().deepCopy();
    }

    /** The {@code eventData} JSON, read once; callers must not modify it. */
    JsonNode json() {
        JsonNode json = eventDataJson;
        if (json == null) {
            json = eventDataSource.get();
            eventDataJson = json;
        }
        return json;
    }

    /**
     * Top-level keys of the delivery besides {@code eventName} and {@code eventData}, e.g. the {@code projectId}
     * some Texter scenarios add, as plain Java values (maps, lists, strings, numbers, booleans, {@code null}).
     *
     * @return the extras, unmodifiable, in the order received
     */
    public Map<String, @Nullable Object> extras() {
        return extras;
    }

    /**
     * One extra top-level key.
     *
     * @param key e.g. {@code "projectId"}
     * @return its value, or empty when absent or {@code null}
     */
    public Optional<Object> extra(String key) {
        return Optional.ofNullable(extras.get(key));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        WebhookEvent other = (WebhookEvent) o;
        return eventName.equals(other.eventName) && extras.equals(other.extras) && json().equals(other.json());
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventName, json(), extras);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[eventName=" + eventName + ", extras=" + extras.keySet() + "]";
    }
}
