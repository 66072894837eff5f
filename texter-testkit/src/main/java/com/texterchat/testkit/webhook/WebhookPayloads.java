package com.texterchat.testkit.webhook;

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
 * generically; {@link #eventNames()} lists them.
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
