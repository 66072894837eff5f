package com.texterchat.dsl.scenario;

import static com.texterchat.dsl.scenario.ScenarioComponents.compare;
import static com.texterchat.dsl.scenario.ScenarioComponents.filtrex;
import static com.texterchat.dsl.scenario.ScenarioComponents.loader;
import static com.texterchat.dsl.scenario.ScenarioValues.interpolate;
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
 * subscription needs them, the words or the label to watch. The result is saved {@code active} unless
 * {@link SubscriptionImport#asStatus} says otherwise.
 *
 * <p>Each method produces Texter's official "(SUB)" subscription document of its event, as Texter's documentation
 * publishes it for import, exactly: the trigger events, the loaders and whether they run before or after the
 * conditions, the conditions, the request action with its {@code ##provide} injections and {@code %provider:key%}
 * interpolations, the options and the {@code name}; only the {@code description} is this SDK's wording. A method
 * is named after its document ({@code (SUB) Chat Assigned} is {@link #chatAssigned}); its javadoc names the
 * {@code eventName} the deliveries carry.
 *
 * <p>Two subscriptions (Message Status Changed, Messages Failed to Deliver) fill {@code messageStatus},
 * {@code error}, {@code timestamp} and {@code externalId} by interpolation, so those arrive as strings;
 * {@code TexterWebhooks.parse} reads them into their typed fields either way.
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
     * (SUB) All Messages: every new message, incoming and outgoing. Event {@code newMessage} with {@code message}
     * and {@code chat}; the chat is loaded before the (empty) conditions.
     */
    public static SubscriptionImport allMessages(String url) {
        return messageEvent(url, "(SUB) All Messages", "Posts every new message, whichever its direction, with its chat.",
                "newMessage", s -> s.beforeConditions(chatOfMessage()));
    }

    /** (SUB) New Incoming Messages: every message a contact sends. Event {@code newIncomingMessage} with {@code message} and {@code chat}. */
    public static SubscriptionImport newIncomingMessages(String url) {
        return messageEvent(url, "(SUB) New Incoming Messages", "Posts each message a contact sends, with its chat.",
                "newIncomingMessage", s -> s.afterConditions(chatOfMessage())
                        .allOf(filtrex(INCOMING, provide("message", "message"))));
    }

    /**
     * (SUB) Messages with Specific Text: incoming messages whose text is one of {@code words} (exact match, any of
     * them). Event {@code newMatchedMessage} with {@code message} and {@code chat}. Builds the expression
     * {@code text == "w1" or text == "w2"}, quoting each word; Texter's document is this with two words.
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
                "Posts incoming messages whose text matches the chosen words, with their chat.", "newMatchedMessage",
                s -> s.afterConditions(chatOfMessage())
                        .allOf(filtrex(INCOMING, provide("message", "message")),
                                filtrex(expression, provide("message", "message"))));
    }

    /**
     * (SUB) Messages with Attachments: incoming messages with a media item (image, video, document, audio,
     * sticker). Event {@code newMediaMessage} with {@code message} and {@code chat}.
     */
    public static SubscriptionImport messagesWithAttachments(String url) {
        return messageEvent(url, "(SUB) Messages with Attachments",
                "Posts incoming messages that carry a media item, with their chat.", "newMediaMessage",
                s -> s.afterConditions(chatOfMessage())
                        .allOf(filtrex(INCOMING, provide("message", "message")),
                                filtrex("type == \"media\"", provide("message", "message"))));
    }

    /**
     * (SUB) Messages Status Changed: every status change of an outgoing message. Event
     * {@code messageStatusChanged} with {@code chat} and, interpolated into strings, {@code messageStatus},
     * {@code error}, {@code timestamp} and {@code externalId}. The chat is loaded before the (empty) conditions.
     */
    public static SubscriptionImport messageStatusChanged(String url) {
        Map<String, Object> eventData = chatEventData();
        eventData.put("messageStatus", interpolate("messageStatusRequest", "status"));
        eventData.put("error", interpolate("messageStatusRequest", "error"));
        eventData.put("timestamp", interpolate("messageStatusRequest", "timestamp"));
        eventData.put("externalId", interpolate("messageStatusRequest", "ids"));
        return subscription(url, "(SUB) Messages Status Changed",
                "Posts each status change of an outgoing message (sent, delivered, seen, failed, ...), with its chat.",
                "messageStatusChanged", eventData, s -> s.trigger(STATUS_REQUEST).beforeConditions(chatOfStatusRequest()));
    }

    /**
     * (SUB) Messages Failed to Deliver: outgoing messages that failed (status 4 or 5). Event {@code messageFailed}
     * with {@code chat} and, interpolated into strings, {@code error}, {@code timestamp} and {@code externalId}.
     */
    public static SubscriptionImport messagesFailedToDeliver(String url) {
        Map<String, Object> eventData = chatEventData();
        eventData.put("error", interpolate("messageStatusRequest", "error"));
        eventData.put("timestamp", interpolate("messageStatusRequest", "timestamp"));
        eventData.put("externalId", interpolate("messageStatusRequest", "ids"));
        return subscription(url, "(SUB) Messages Failed to Deliver",
                "Posts outgoing messages that could not be delivered (status 4 or 5), with their chat.", "messageFailed",
                eventData, s -> s.trigger(STATUS_REQUEST)
                        .afterConditions(chatOfStatusRequest())
                        .allOf(compare(Comparison.EQUAL, 4, provide("messageStatusRequest", "status")))
                        .allOf(compare(Comparison.EQUAL, 5, provide("messageStatusRequest", "status"))));
    }

    // ---- chat events ---------------------------------------------------------------------------------

    /** (SUB) Chat Pending: a chat started waiting for a human agent. Event {@code chatPending} with {@code chat}. */
    public static SubscriptionImport chatPending(String url) {
        return chatEvent(url, "(SUB) Chat Pending", "Posts chats that start waiting for a human agent.",
                "chatPending", "domain.chat.pending");
    }

    /**
     * (SUB) Chat Assigned: a chat given to an agent. Event {@code chatAssigned} with {@code chat} and a narrowed
     * {@code agent} ({@code id}, {@code crmId}, {@code email}, {@code displayName}, {@code roles}).
     */
    public static SubscriptionImport chatAssigned(String url) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("id", provide("agent", "_id"));
        agent.put("crmId", provide("agent", "crmId"));
        agent.put("email", provide("agent", "email"));
        agent.put("displayName", provide("agent", "displayName"));
        agent.put("roles", provide("agent", "roles"));
        Map<String, Object> eventData = chatEventData();
        eventData.put("agent", agent);
        return subscription(url, "(SUB) Chat Assigned", "Posts chats given to an agent, with the agent's main details.",
                "chatAssigned", eventData, s -> s.trigger("domain.chat.assigned"));
    }

    /** (SUB) Chat Resolved: any resolved chat. Event {@code chatResolved} with {@code chat}. */
    public static SubscriptionImport chatResolved(String url) {
        return chatEvent(url, "(SUB) Chat Resolved", "Posts every chat that gets resolved.", "chatResolved",
                CHAT_RESOLVED);
    }

    /** (SUB) Chat Resolved by Agent: a chat resolved by a human agent. Event {@code chatResolvedByAgent} with {@code chat}. */
    public static SubscriptionImport chatResolvedByAgent(String url) {
        return subscription(url, "(SUB) Chat Resolved by Agent", "Posts chats that a human agent resolved.",
                "chatResolvedByAgent", chatEventData(),
                s -> s.trigger(CHAT_RESOLVED).allOf(filtrex("exists(agent.uid)", interpolate("chat", "chat"))));
    }

    /**
     * (SUB) Chat Resolved by Bot: a chat resolved by the bot, with no agent on it. Event {@code chatResolvedByBot}
     * with {@code chat}.
     */
    public static SubscriptionImport chatResolvedByBot(String url) {
        return subscription(url, "(SUB) Chat Resolved by Bot", "Posts chats that the bot resolved without an agent.",
                "chatResolvedByBot", chatEventData(),
                s -> s.trigger(CHAT_RESOLVED).allOf(filtrex("not exists(agent.uid)", interpolate("chat", "chat"))));
    }

    /**
     * (SUB) Chat Labels Updated: any label change on a chat. Event {@code chatLabelsUpdated} with {@code chat},
     * {@code oldLabels}, {@code addedLabels}, {@code removedLabels}.
     */
    public static SubscriptionImport chatLabelsUpdated(String url) {
        return subscription(url, "(SUB) Chat Labels Updated",
                "Posts label changes of a chat: the labels before, and those added and removed.",
                "chatLabelsUpdated", labelEventData(), s -> s.trigger(CHAT_LABELS));
    }

    /**
     * (SUB) Specific Label Added: the label {@code labelId} added to a chat. Event {@code chatSpecificLabelAdded}
     * with {@code chat}, {@code oldLabels}, {@code addedLabels}, {@code removedLabels}.
     *
     * @param labelId the label's ID (1-100 characters), e.g. {@code vip}
     */
    public static SubscriptionImport specificLabelAdded(String url, String labelId) {
        Check.length("labelId", labelId, 1, 100);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("addedLabels", provide("addedLabels", "labels"));
        String expression = "inArray(addedLabels, " + ScenarioValues.filtrexString(labelId) + ")";
        return subscription(url, "(SUB) Specific Label Added", "Posts chats that receive one chosen label.",
                "chatSpecificLabelAdded", labelEventData(), s -> s.trigger(CHAT_LABELS).allOf(filtrex(expression, value)));
    }

    /** (SUB) Chat Subscribed: a chat opted (back) in to template messages. Event {@code chatSubscribed} with {@code chat}. */
    public static SubscriptionImport chatSubscribed(String url) {
        return chatEvent(url, "(SUB) Chat Subscribed", "Posts chats that opt in (again) to template messages.",
                "chatSubscribed", "domain.chat.subscribed");
    }

    /** (SUB) Chat Unsubscribed: a chat opted out of template messages. Event {@code chatUnsubscribed} with {@code chat}. */
    public static SubscriptionImport chatUnsubscribed(String url) {
        return chatEvent(url, "(SUB) Chat Unsubscribed", "Posts chats that opt out of template messages.",
                "chatUnsubscribed", "domain.chat.unsubscribed");
    }

    /**
     * (SUB) External Bot Enabled: {@code externalBot} turned on for a chat (your bot takes over). Event
     * {@code externalBotEnabled} with {@code chat}; a filtrex condition over the chat,
     * {@code exists(externalBot) and externalBot}.
     */
    public static SubscriptionImport externalBotEnabled(String url) {
        return externalBot(url, "(SUB) External Bot Enabled",
                "Posts chats handed to an external bot (externalBot turned on).", "externalBotEnabled",
                filtrex("exists(externalBot) and externalBot", provide("chat", "chat")));
    }

    /**
     * (SUB) External Bot Disabled: {@code externalBot} turned off for a chat (your bot stops). Event
     * {@code externalBotDisabled} with {@code chat}; a compare condition, the chat's {@code externalBot} equal to
     * {@code false}.
     */
    public static SubscriptionImport externalBotDisabled(String url) {
        return externalBot(url, "(SUB) External Bot Disabled",
                "Posts chats taken back from the external bot (externalBot turned off).", "externalBotDisabled",
                compare(Comparison.EQUAL, false, provide("chat", "externalBot")));
    }

    // ---- channel health events -----------------------------------------------------------------------

    /**
     * (SUB) Channel Health Problem Created: a new health problem on a channel account. Event
     * {@code channelHealthProblemCreated} with {@code problem}.
     */
    public static SubscriptionImport channelHealthProblemCreated(String url) {
        return problemEvent(url, "(SUB) Channel Health Problem Created",
                "Posts new health problems of a channel account.", "channelHealthProblemCreated",
                "domain.channel.health.problem.created");
    }

    /**
     * (SUB) Channel Health Problem Resolved: a channel health problem resolved. Event
     * {@code channelHealthProblemResolved} with {@code problem}.
     */
    public static SubscriptionImport channelHealthProblemResolved(String url) {
        return problemEvent(url, "(SUB) Channel Health Problem Resolved",
                "Posts channel health problems once they are resolved.", "channelHealthProblemResolved",
                "domain.channel.health.problem.resolved");
    }

    // ---- shared shapes -------------------------------------------------------------------------------

    /** A {@code domain.message.created} subscription posting the message and its chat; {@code shape} adds the rest. */
    private static SubscriptionImport messageEvent(String url, String name, String description, String eventName,
            Consumer<ScenarioBuilder> shape) {
        Map<String, Object> eventData = new LinkedHashMap<>();
        eventData.put("message", provide("message", "message"));
        eventData.put("chat", provide("chat", "chat"));
        return subscription(url, name, description, eventName, eventData, s -> shape.accept(s.trigger(MESSAGE_CREATED)));
    }

    private static SubscriptionImport chatEvent(String url, String name, String description, String eventName,
            String trigger) {
        return subscription(url, name, description, eventName, chatEventData(), s -> s.trigger(trigger));
    }

    /** Both external-bot subscriptions listen to the chat update and to the bot setting the flag. */
    private static SubscriptionImport externalBot(String url, String name, String description, String eventName,
            ScenarioComponent condition) {
        return subscription(url, name, description, eventName, chatEventData(),
                s -> s.trigger("domain.chat.updated.externalBot", "app.bot.chat.setExternal").allOf(condition));
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

    /** The chat a new message belongs to. */
    private static ScenarioLoader chatOfMessage() {
        return loader("chat", "chat", Map.of("id", provide("message", "parent_chat")));
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
