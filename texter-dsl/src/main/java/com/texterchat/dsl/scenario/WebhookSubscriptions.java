package com.texterchat.dsl.scenario;

import static com.texterchat.dsl.scenario.ScenarioComponents.compare;
import static com.texterchat.dsl.scenario.ScenarioComponents.filtrex;
import static com.texterchat.dsl.scenario.ScenarioComponents.loader;
import static com.texterchat.dsl.scenario.ScenarioValues.provide;

import com.texterchat.dsl.internal.Check;
import com.texterchat.dsl.scenario.ScenarioComponents.Comparison;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Import Subscription bodies of Texter's 19 webhook events, one method each. Every subscription POSTs
 * {@code {"eventName": ..., "eventData": {...}}} as JSON to your URL; the methods take that URL and, where the
 * template needs them, the words or the label to watch. The result is saved {@code active} unless
 * {@link SubscriptionImport#asStatus} says otherwise.
 *
 * <p>Provenance. Texter documents each event's template on its Webhooks page. Those retrieved in full are
 * reproduced exactly: New Incoming Messages, Chat Resolved by Agent, Chat Subscribed, External Bot Disabled and
 * Channel Health Problem Resolved. Those retrieved only in part (Messages with Specific Text, Messages with
 * Attachments, Message Status Changed, Messages Failed to Deliver, Chat Taken, Specific Label Added) keep the
 * documented part exactly and complete the rest the way their documented siblings do. The remaining pages
 * (All Messages, Chat Pending, Chat Resolved, Chat Resolved by Bot, Chat Labels Changed, Chat Unsubscribed,
 * External Bot Enabled, Channel Health Problem Created) could not be read: their bodies follow the closest
 * documented sibling, with the event name and trigger from the event list. Each method says which case it is.
 */
public final class WebhookSubscriptions {

    private static final String MESSAGE_CREATED = "domain.message.created";
    private static final String STATUS_REQUEST = "app.message.statusRequest";
    private static final String CHAT_RESOLVED = "domain.chat.resolved";
    private static final String CHAT_LABELS = "domain.chat.labels";
    private static final String INCOMING = "direction == \"incoming\"";

    private WebhookSubscriptions() {
    }

    // ---- message events ------------------------------------------------------------------------------

    /**
     * Every new message, incoming and outgoing: event {@code newMessage} with {@code message} and {@code chat}.
     * Page not readable; built like New Incoming Messages without its direction filter.
     */
    public static SubscriptionImport allMessages(String url) {
        return messageEvent(url, "(SUB) All Messages", "Sends a webhook for each new message, incoming or outgoing",
                "newMessage", List.of());
    }

    /** Every new incoming message: event {@code newIncomingMessage} with {@code message} and {@code chat}. Documented. */
    public static SubscriptionImport newIncomingMessages(String url) {
        return messageEvent(url, "(SUB) New Incoming Messages", "Sends a webhook for each new incoming message",
                "newIncomingMessage", List.of(filtrex(INCOMING, provide("message", "message"))));
    }

    /**
     * Incoming messages whose text is one of {@code words} (exact match, any of them): event
     * {@code newMatchedMessage}. Builds the expression {@code text == "w1" or text == "w2"}, quoting each word.
     * Documented up to the first condition; the word filter is the second condition of the same group.
     */
    public static SubscriptionImport messagesWithSpecificText(String url, List<String> words) {
        Check.count("words", words, 1, Integer.MAX_VALUE);
        for (int i = 0; i < words.size(); i++) {
            Check.that(!words.get(i).isEmpty(), Check.at("words", i), "must not be empty");
        }
        return messagesMatching(url, words.stream().map(w -> "text == " + ScenarioValues.filtrexString(w))
                .collect(Collectors.joining(" or ")));
    }

    /** {@link #messagesWithSpecificText(String, List)} with the words given one by one. */
    public static SubscriptionImport messagesWithSpecificText(String url, String... words) {
        return messagesWithSpecificText(url, List.of(words));
    }

    /**
     * The Messages with Specific Text subscription with a filtrex {@code expression} of your own over the
     * message, e.g. {@code (text == "urgent" and text == "error") or text == "critical"}.
     */
    public static SubscriptionImport messagesMatching(String url, String expression) {
        Check.notBlank("expression", expression);
        return messageEvent(url, "(SUB) Messages with Specific Text",
                "Sends a webhook when a new incoming message includes a specific word(s).", "newMatchedMessage",
                List.of(filtrex(INCOMING, provide("message", "message")),
                        filtrex(expression, provide("message", "message"))));
    }

    /**
     * Incoming messages with a media item (image, video, document, audio, sticker): event {@code newMediaMessage}.
     * Documented up to its two conditions; the action follows New Incoming Messages.
     */
    public static SubscriptionImport messagesWithAttachments(String url) {
        return messageEvent(url, "(SUB) Messages with Attachments",
                "Sends a webhook when a new incoming message includes a media item (image / video / document / audio / sticker)",
                "newMediaMessage", List.of(filtrex(INCOMING, provide("message", "message")),
                        filtrex("type == \"media\"", provide("message", "message"))));
    }

    /**
     * Every status change of an outgoing message: event {@code messageStatusChanged} with {@code chat},
     * {@code messageStatus}, {@code error}, {@code timestamp}, {@code externalId}. Documented up to its loader;
     * no conditions (all changes), and the payload keys of the event page.
     */
    public static SubscriptionImport messageStatusChanged(String url) {
        Map<String, Object> eventData = chatEventData();
        eventData.put("messageStatus", provide("messageStatusRequest", "status"));
        eventData.put("error", provide("messageStatusRequest", "error"));
        eventData.put("timestamp", provide("messageStatusRequest", "timestamp"));
        eventData.put("externalId", provide("messageStatusRequest", "ids"));
        return subscription(url, "(SUB) Messages Status Changed",
                "Sends a webhook for all outgoing messages status changes (e.g., from \"Delivered\" to \"Seen\")",
                "messageStatusChanged", eventData, s -> s.trigger(STATUS_REQUEST).beforeConditions(chatOfStatusRequest()));
    }

    /**
     * Outgoing messages that failed (status 4 or 5): event {@code messageFailed} with {@code chat}, {@code error},
     * {@code timestamp}, {@code externalId}. Documented up to the first status comparison; the second group
     * compares with 5.
     */
    public static SubscriptionImport messagesFailedToDeliver(String url) {
        Map<String, Object> eventData = chatEventData();
        eventData.put("error", provide("messageStatusRequest", "error"));
        eventData.put("timestamp", provide("messageStatusRequest", "timestamp"));
        eventData.put("externalId", provide("messageStatusRequest", "ids"));
        return subscription(url, "(SUB) Messages Failed to Deliver",
                "Sends a webhook when an outgoing message fails to deliver (blocked by Meta)", "messageFailed",
                eventData, s -> s.trigger(STATUS_REQUEST)
                        .afterConditions(chatOfStatusRequest())
                        .allOf(compare(Comparison.EQUAL, 4, provide("messageStatusRequest", "status")))
                        .allOf(compare(Comparison.EQUAL, 5, provide("messageStatusRequest", "status"))));
    }

    // ---- chat events ---------------------------------------------------------------------------------

    /** A chat moved to pending: event {@code chatPending} with {@code chat}. Page not readable; built like Chat Subscribed. */
    public static SubscriptionImport chatPending(String url) {
        return chatEvent(url, "(SUB) Chat Pending", "Sends a webhook when a chat is moved to pending and waits for an agent.",
                "chatPending", "domain.chat.pending");
    }

    /**
     * A chat taken by an agent: event {@code chatAssigned} with {@code chat} and a narrowed {@code agent}
     * ({@code id}, {@code crmId}, {@code email}, {@code displayName}, {@code roles}). Documented up to
     * {@code displayName}; {@code roles} completes the agent as the event's payload lists it.
     */
    public static SubscriptionImport chatTaken(String url) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("id", provide("agent", "_id"));
        agent.put("crmId", provide("agent", "crmId"));
        agent.put("email", provide("agent", "email"));
        agent.put("displayName", provide("agent", "displayName"));
        agent.put("roles", provide("agent", "roles"));
        Map<String, Object> eventData = chatEventData();
        eventData.put("agent", agent);
        return subscription(url, "(SUB) Chat Assigned",
                "Sends a webhook when a chat is assigned, with full chat data and a narrowed agent object.",
                "chatAssigned", eventData, s -> s.trigger("domain.chat.assigned"));
    }

    /** Any resolved chat: event {@code chatResolved} with {@code chat}. Page not readable; Chat Resolved by Agent without its filter. */
    public static SubscriptionImport chatResolved(String url) {
        return chatEvent(url, "(SUB) Chat Resolved", "Sends a webhook when a chat is resolved.", "chatResolved",
                CHAT_RESOLVED);
    }

    /** A chat resolved by a human agent: event {@code chatResolvedByAgent} with {@code chat}. Documented. */
    public static SubscriptionImport chatResolvedByAgent(String url) {
        return subscription(url, "(SUB) Chat Resolved by Agent", "Sends a webhook when a chat is resolved by a human agent.",
                "chatResolvedByAgent", chatEventData(),
                s -> s.trigger(CHAT_RESOLVED).allOf(filtrex("exists(agent.uid)", "%chat:chat%")));
    }

    /**
     * A chat resolved by the bot (no agent on it): event {@code chatResolvedByBot} with {@code chat}. Page not
     * readable; Chat Resolved by Agent with the filter {@code not exists(agent.uid)}.
     */
    public static SubscriptionImport chatResolvedByBot(String url) {
        return subscription(url, "(SUB) Chat Resolved by Bot", "Sends a webhook when a chat is resolved by the bot.",
                "chatResolvedByBot", chatEventData(),
                s -> s.trigger(CHAT_RESOLVED).allOf(filtrex("not exists(agent.uid)", "%chat:chat%")));
    }

    /**
     * Any label change on a chat: event {@code chatLabelsUpdated} with {@code chat}, {@code oldLabels},
     * {@code addedLabels}, {@code removedLabels}. Page not readable; Specific Label Added without its filter.
     */
    public static SubscriptionImport chatLabelsChanged(String url) {
        return subscription(url, "(SUB) Chat Labels Changed", "Sends a webhook when the labels of a chat change.",
                "chatLabelsUpdated", labelEventData(), s -> s.trigger(CHAT_LABELS));
    }

    /**
     * The label {@code labelId} added to a chat: event {@code chatSpecificLabelAdded} with {@code chat},
     * {@code oldLabels}, {@code addedLabels}, {@code removedLabels}. Documented up to the event name; the
     * payload keys are the event page's.
     *
     * @param labelId the label's ID (1-100 characters), e.g. {@code vip}
     */
    public static SubscriptionImport specificLabelAdded(String url, String labelId) {
        Check.length("labelId", labelId, 1, 100);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("addedLabels", provide("addedLabels", "labels"));
        String expression = "inArray(addedLabels, " + ScenarioValues.filtrexString(labelId) + ")";
        return subscription(url, "(SUB) Specific Label Added", "Sends a webhook when a specific label is added to a chat.",
                "chatSpecificLabelAdded", labelEventData(), s -> s.trigger(CHAT_LABELS).allOf(filtrex(expression, value)));
    }

    /** A chat opted (back) in to template messages: event {@code chatSubscribed} with {@code chat}. Documented. */
    public static SubscriptionImport chatSubscribed(String url) {
        return chatEvent(url, "(SUB) Chat Subscribed",
                "Sends a webhook when a chat subscribes or opts back in to receiving template messages.", "chatSubscribed",
                "domain.chat.subscribed");
    }

    /** A chat opted out of template messages: event {@code chatUnsubscribed} with {@code chat}. Page not readable; mirrors Chat Subscribed. */
    public static SubscriptionImport chatUnsubscribed(String url) {
        return chatEvent(url, "(SUB) Chat Unsubscribed",
                "Sends a webhook when a chat unsubscribes from receiving template messages.", "chatUnsubscribed",
                "domain.chat.unsubscribed");
    }

    /**
     * {@code externalBot} set to true on a chat (your bot takes over): event {@code externalBotEnabled} with
     * {@code chat}. Page not readable; mirrors External Bot Disabled, comparing with {@code true}.
     */
    public static SubscriptionImport externalBotEnabled(String url) {
        return externalBot(url, true, "(SUB) External Bot Enabled",
                "Sends a webhook when externalBot is set to true on a chat.", "externalBotEnabled");
    }

    /** {@code externalBot} set to false on a chat (your bot stops): event {@code externalBotDisabled} with {@code chat}. Documented. */
    public static SubscriptionImport externalBotDisabled(String url) {
        return externalBot(url, false, "(SUB) External Bot Disabled",
                "Sends a webhook when externalBot is set to false on a chat.", "externalBotDisabled");
    }

    // ---- channel health events -----------------------------------------------------------------------

    /**
     * A new health problem on a channel account: event {@code channelHealthProblemCreated} with {@code problem}.
     * Page not readable; mirrors Channel Health Problem Resolved.
     */
    public static SubscriptionImport channelHealthProblemCreated(String url) {
        return problemEvent(url, "(SUB) Channel Health Problem Created",
                "Sends a webhook when a new channel health problem is detected.", "channelHealthProblemCreated",
                "domain.channel.health.problem.created");
    }

    /** A channel health problem resolved: event {@code channelHealthProblemResolved} with {@code problem}. Documented. */
    public static SubscriptionImport channelHealthProblemResolved(String url) {
        return problemEvent(url, "(SUB) Channel Health Problem Resolved",
                "Sends a webhook when a previously detected channel health problem is resolved.",
                "channelHealthProblemResolved", "domain.channel.health.problem.resolved");
    }

    // ---- shared shapes -------------------------------------------------------------------------------

    private static SubscriptionImport messageEvent(String url, String name, String description, String eventName,
            List<ScenarioComponent> conditions) {
        Map<String, Object> eventData = new LinkedHashMap<>();
        eventData.put("message", provide("message", "message"));
        eventData.put("chat", provide("chat", "chat"));
        return subscription(url, name, description, eventName, eventData, s -> {
            s.trigger(MESSAGE_CREATED)
                    .beforeConditions()
                    .afterConditions(loader("chat", "chat", Map.of("id", provide("message", "parent_chat"))));
            if (!conditions.isEmpty()) {
                s.allOf(conditions.toArray(new ScenarioComponent[0]));
            }
        });
    }

    private static SubscriptionImport chatEvent(String url, String name, String description, String eventName,
            String trigger) {
        return subscription(url, name, description, eventName, chatEventData(), s -> s.trigger(trigger));
    }

    private static SubscriptionImport externalBot(String url, boolean enabled, String name, String description,
            String eventName) {
        return subscription(url, name, description, eventName, chatEventData(),
                s -> s.trigger("domain.chat.updated.externalBot", "app.bot.chat.setExternal")
                        .allOf(compare(Comparison.EQUAL, enabled, provide("chat", "externalBot"))));
    }

    private static SubscriptionImport problemEvent(String url, String name, String description, String eventName,
            String trigger) {
        return subscription(url, name, description, eventName, Map.of("problem", provide("problem", "problem")),
                s -> s.trigger(trigger));
    }

    private static Map<String, Object> chatEventData() {
        Map<String, Object> eventData = new LinkedHashMap<>();
        eventData.put("chat", provide("chat", "chat"));
        return eventData;
    }

    private static Map<String, Object> labelEventData() {
        Map<String, Object> eventData = chatEventData();
        eventData.put("oldLabels", provide("oldLabels", "labels"));
        eventData.put("addedLabels", provide("addedLabels", "labels"));
        eventData.put("removedLabels", provide("removedLabels", "labels"));
        return eventData;
    }

    /** The chat a message status belongs to, looked up by channel, account and the contact's ID on it. */
    private static ScenarioLoader chatOfStatusRequest() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", provide("messageStatusRequest", "chat.name"));
        params.put("accountId", provide("messageStatusRequest", "chat.accountId"));
        params.put("idByChannel", provide("messageStatusRequest", "chat.id"));
        return loader("chat", "chat", params);
    }

    private static SubscriptionImport subscription(String url, String name, String description, String eventName,
            Map<String, Object> eventData, Consumer<ScenarioBuilder> shape) {
        Check.httpUrl("url", url);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventName", eventName);
        data.put("eventData", eventData);
        ScenarioBuilder builder = Scenarios.scenario(name).description(description);
        shape.accept(builder);
        builder.action(ScenarioComponents.request(url, data));
        return new SubscriptionImport(builder.build());
    }
}
