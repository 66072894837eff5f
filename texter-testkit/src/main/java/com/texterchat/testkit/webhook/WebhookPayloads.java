package com.texterchat.testkit.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.model.ChannelHealthProblemCreatedEventData;
import com.texterchat.model.ChannelHealthProblemResolvedEventData;
import com.texterchat.model.ChatAssignedEventData;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.ChatPendingEventData;
import com.texterchat.model.ChatResolvedByAgentEventData;
import com.texterchat.model.ChatResolvedByBotEventData;
import com.texterchat.model.ChatResolvedEventData;
import com.texterchat.model.ChatSpecificLabelAddedEventData;
import com.texterchat.model.ChatSubscribedEventData;
import com.texterchat.model.ChatUnsubscribedEventData;
import com.texterchat.model.ExternalBotDisabledEventData;
import com.texterchat.model.ExternalBotEnabledEventData;
import com.texterchat.model.MessageFailedEventData;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.NewMatchedMessageEventData;
import com.texterchat.model.NewMediaMessageEventData;
import com.texterchat.model.NewMessageEventData;
import com.texterchat.model.WebhookEventName;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.SpecWebhookEvent;
import com.texterchat.testkit.internal.TexterSpec;
import java.util.List;
import java.util.Objects;

/**
 * Factories for the payloads of Texter's 19 webhook events. Each starts from the realistic example of
 * the event's {@code eventData} schema in {@code openapi.json} and takes fluent overrides:
 *
 * <pre>{@code
 * WebhookPayload<NewIncomingMessageEventData> hello = WebhookPayloads.newIncomingMessage()
 *         .phone("972521234567").text("Hello").build();
 * WebhookPayload<ChatLabelsUpdatedEventData> vip = WebhookPayloads.chatLabelsUpdated().labelsAdded("VIP").build();
 * WebhookSender.to(myEndpoint).deliver(hello);                   // POST it to your receiver
 * }</pre>
 *
 * <p>{@link #event(String)} creates any event the spec lists by name, for receivers that handle events
 * generically; {@link #eventNames()} lists them. {@link #postback(String, String)} is a customer's tap on a
 * button or list row, and {@link #unknownEvent(String, Object)} an event the spec does not list.
 */
public final class WebhookPayloads {

    private static final String MODEL_PACKAGE = WebhookEventName.class.getPackageName();

    private WebhookPayloads() {
    }

    /** Any new message in a chat, incoming or outgoing (bot, agent, API). */
    public static WebhookPayloadBuilder<NewMessageEventData> newMessage() {
        return typed("newMessage", NewMessageEventData.class);
    }

    /** A message the customer sent. */
    public static WebhookPayloadBuilder<NewIncomingMessageEventData> newIncomingMessage() {
        return typed("newIncomingMessage", NewIncomingMessageEventData.class);
    }

    /**
     * A customer's tap on a button or list row: {@link #newIncomingMessage()} whose message has type
     * {@code postback} with this payload and title. Takes the same overrides, e.g. {@code .phone(...)}.
     *
     * @param payload the payload of the chosen button or row
     * @param title   the title of the chosen button or row
     */
    public static WebhookPayloadBuilder<NewIncomingMessageEventData> postback(String payload, String title) {
        return newIncomingMessage().postback(payload, title);
    }

    /** An incoming message that matched the subscription's text filter. */
    public static WebhookPayloadBuilder<NewMatchedMessageEventData> newMatchedMessage() {
        return typed("newMatchedMessage", NewMatchedMessageEventData.class);
    }

    /** An incoming message with attachments. */
    public static WebhookPayloadBuilder<NewMediaMessageEventData> newMediaMessage() {
        return typed("newMediaMessage", NewMediaMessageEventData.class);
    }

    /** A sent message's delivery status changed (e.g. to {@code SEEN}). */
    public static WebhookPayloadBuilder<MessageStatusChangedEventData> messageStatusChanged() {
        return typed("messageStatusChanged", MessageStatusChangedEventData.class);
    }

    /** A sent message could not be delivered. */
    public static WebhookPayloadBuilder<MessageFailedEventData> messageFailed() {
        return typed("messageFailed", MessageFailedEventData.class);
    }

    /** A chat is waiting for an agent. */
    public static WebhookPayloadBuilder<ChatPendingEventData> chatPending() {
        return typed("chatPending", ChatPendingEventData.class);
    }

    /** A chat was assigned to an agent. */
    public static WebhookPayloadBuilder<ChatAssignedEventData> chatAssigned() {
        return typed("chatAssigned", ChatAssignedEventData.class);
    }

    /** A chat was resolved. */
    public static WebhookPayloadBuilder<ChatResolvedEventData> chatResolved() {
        return typed("chatResolved", ChatResolvedEventData.class);
    }

    /** An agent resolved a chat. */
    public static WebhookPayloadBuilder<ChatResolvedByAgentEventData> chatResolvedByAgent() {
        return typed("chatResolvedByAgent", ChatResolvedByAgentEventData.class);
    }

    /** The bot resolved a chat. */
    public static WebhookPayloadBuilder<ChatResolvedByBotEventData> chatResolvedByBot() {
        return typed("chatResolvedByBot", ChatResolvedByBotEventData.class);
    }

    /** A chat's labels changed. */
    public static WebhookPayloadBuilder<ChatLabelsUpdatedEventData> chatLabelsUpdated() {
        return typed("chatLabelsUpdated", ChatLabelsUpdatedEventData.class);
    }

    /** The label the subscription watches was added to a chat. */
    public static WebhookPayloadBuilder<ChatSpecificLabelAddedEventData> chatSpecificLabelAdded() {
        return typed("chatSpecificLabelAdded", ChatSpecificLabelAddedEventData.class);
    }

    /** A customer opted in to template messages again. */
    public static WebhookPayloadBuilder<ChatSubscribedEventData> chatSubscribed() {
        return typed("chatSubscribed", ChatSubscribedEventData.class);
    }

    /** A customer opted out of template messages. */
    public static WebhookPayloadBuilder<ChatUnsubscribedEventData> chatUnsubscribed() {
        return typed("chatUnsubscribed", ChatUnsubscribedEventData.class);
    }

    /** A chat was handed to an external bot. */
    public static WebhookPayloadBuilder<ExternalBotEnabledEventData> externalBotEnabled() {
        return typed("externalBotEnabled", ExternalBotEnabledEventData.class);
    }

    /** A chat was taken back from the external bot. */
    public static WebhookPayloadBuilder<ExternalBotDisabledEventData> externalBotDisabled() {
        return typed("externalBotDisabled", ExternalBotDisabledEventData.class);
    }

    /** A connected channel reported a health problem. */
    public static WebhookPayloadBuilder<ChannelHealthProblemCreatedEventData> channelHealthProblemCreated() {
        return typed("channelHealthProblemCreated", ChannelHealthProblemCreatedEventData.class);
    }

    /** A channel health problem was resolved. */
    public static WebhookPayloadBuilder<ChannelHealthProblemResolvedEventData> channelHealthProblemResolved() {
        return typed("channelHealthProblemResolved", ChannelHealthProblemResolvedEventData.class);
    }

    /**
     * Any event of the spec by name, typed by its generated eventData model.
     *
     * @throws IllegalArgumentException for a name the spec does not list (the message lists those it does)
     */
    public static WebhookPayloadBuilder<?> event(String eventName) {
        return create(spec(eventName), modelClass(spec(eventName)));
    }

    /** Any event by its generated enum constant (not {@code UNKNOWN}). */
    public static WebhookPayloadBuilder<?> event(WebhookEventName eventName) {
        Objects.requireNonNull(eventName, "eventName");
        return event(eventName.getValue());
    }

    /**
     * A delivery of an event the spec does not list, e.g. a custom {@code eventName} chosen in a scenario or one
     * Texter adds later: for testing that a receiver passes such events on (the SDK's parser returns them as
     * {@code UnknownWebhookEvent} with the data as sent). The eventData is written as given.
     *
     * @param eventName a name that is not one of {@link #eventNames()} (use {@link #event(String)} for those)
     * @param eventData the eventData: a map, a model, or a Jackson {@code ObjectNode}; it must be a JSON object
     * @throws IllegalArgumentException for a blank or known event name, or data that is not a JSON object
     */
    public static WebhookPayload<JsonNode> unknownEvent(String eventName, Object eventData) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventData, "eventData");
        if (eventName.isBlank()) {
            throw new IllegalArgumentException("eventName must not be blank");
        }
        if (TexterSpec.get().webhookEvents().containsKey(eventName)) {
            throw new IllegalArgumentException("'" + eventName + "' is a known Texter webhook event; use event(\""
                    + eventName + "\") or its typed factory");
        }
        JsonNode data = Json.mapper().valueToTree(eventData);
        if (!(data instanceof ObjectNode)) {
            throw new IllegalArgumentException("eventData must be a JSON object, got " + data.getNodeType());
        }
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("eventName", eventName);
        envelope.set("eventData", data);
        return new WebhookPayload<>(eventName, Json.write(envelope), JsonNode.class);
    }

    /** The names of all webhook events, in the spec's order. */
    public static List<String> eventNames() {
        return List.copyOf(TexterSpec.get().webhookEvents().keySet());
    }

    private static <T> WebhookPayloadBuilder<T> typed(String eventName, Class<T> type) {
        SpecWebhookEvent spec = spec(eventName);
        if (!spec.schemaName().equals(type.getSimpleName())) {
            throw new IllegalStateException("openapi.json describes " + eventName + " with " + spec.schemaName()
                    + ", not " + type.getSimpleName() + "; regenerate the client and update the test kit");
        }
        return create(spec, type);
    }

    private static <T> WebhookPayloadBuilder<T> create(SpecWebhookEvent spec, Class<T> type) {
        return new WebhookPayloadBuilder<>(spec, type);
    }

    private static SpecWebhookEvent spec(String eventName) {
        Objects.requireNonNull(eventName, "eventName");
        SpecWebhookEvent spec = TexterSpec.get().webhookEvents().get(eventName);
        if (spec == null) {
            throw new IllegalArgumentException("'" + eventName + "' is not a Texter webhook event; known: "
                    + String.join(", ", eventNames()));
        }
        return spec;
    }

    private static Class<?> modelClass(SpecWebhookEvent spec) {
        try {
            return Class.forName(MODEL_PACKAGE + "." + spec.schemaName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No generated model " + spec.schemaName() + " for " + spec.eventName()
                    + "; the spec on the classpath does not match the generated client", e);
        }
    }
}
