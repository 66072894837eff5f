package com.texterchat.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.UnknownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * A verified webhook delivery, published as an application event by the starter's endpoint. Its generic type is the
 * event's data model, so a listener receives only the events it names:
 *
 * <pre>{@code
 * @EventListener
 * void onMessage(TexterWebhookEvent<NewIncomingMessageEventData> event) {
 *     NewIncomingMessageEventData data = event.data();
 * }
 * }</pre>
 *
 * An event this SDK version does not know is a {@code TexterWebhookEvent<JsonNode>}; a listener of
 * {@code TexterWebhookEvent<?>} receives every delivery. Listeners run on the request's thread, before the endpoint
 * answers; one that throws makes the endpoint answer 500 (so Texter may deliver again).
 *
 * @param <D> the data model, e.g. {@code NewIncomingMessageEventData}
 */
public final class TexterWebhookEvent<D> implements ResolvableTypeProvider {

    private final WebhookEvent event;
    private final Class<D> dataType;
    private final D data;

    private TexterWebhookEvent(WebhookEvent event, Class<D> dataType, D data) {
        this.event = event;
        this.dataType = dataType;
        this.data = data;
    }

    /**
     * Wraps a parsed delivery.
     *
     * @param event the delivery
     * @return the application event, typed by the delivery's data model
     */
    public static TexterWebhookEvent<?> of(WebhookEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof KnownWebhookEvent<?> known) {
            return known(known);
        }
        return new TexterWebhookEvent<>(event, JsonNode.class, ((UnknownWebhookEvent) event).data());
    }

    private static <D> TexterWebhookEvent<D> known(KnownWebhookEvent<D> event) {
        return new TexterWebhookEvent<>(event, event.dataType(), event.data());
    }

    /**
     * The event's data.
     *
     * @return the model of the event, or the JSON of an unknown one
     */
    public D data() {
        return data;
    }

    /**
     * The model class of the data.
     *
     * @return e.g. {@code NewIncomingMessageEventData.class}
     */
    public Class<D> dataType() {
        return dataType;
    }

    /**
     * The {@code eventName} as sent.
     *
     * @return e.g. {@code "newIncomingMessage"}
     */
    public String eventName() {
        return event.eventName();
    }

    /**
     * The whole delivery: its name, data, JSON and extra keys.
     *
     * @return the parsed delivery
     */
    public WebhookEvent webhookEvent() {
        return event;
    }

    @Override
    public ResolvableType getResolvableType() {
        return ResolvableType.forClassWithGenerics(TexterWebhookEvent.class, dataType);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TexterWebhookEvent<?> other && event.equals(other.event);
    }

    @Override
    public int hashCode() {
        return event.hashCode();
    }

    @Override
    public String toString() {
        return "TexterWebhookEvent[" + event + "]";
    }
}
