package com.texterchat.testkit.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.MediaItem;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.Problem;
import com.texterchat.model.WebhookAgent;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.Phones;
import com.texterchat.testkit.internal.SpecWebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A webhook event being built: starts as the spec's realistic example of the event and takes fluent
 * overrides, then {@link #build()} produces the {@link WebhookPayload}. Create one with {@link WebhookPayloads}.
 *
 * <pre>{@code
 * WebhookPayload<NewIncomingMessageEventData> hello = WebhookPayloads.newIncomingMessage()
 *         .phone("972521234567").text("Hello").build();
 * WebhookPayload<MessageStatusChangedEventData> seen = WebhookPayloads.messageStatusChanged()
 *         .messageStatus(MessageStatus.SEEN).build();
 * }</pre>
 *
 * <p>Overrides keep the payload consistent: {@link #phone} sets the customer's number on the chat and on the
 * message, {@link #chatId} sets the chat id and the message's {@code parent_chat}, {@link #labelsAdded}
 * updates {@code oldLabels}, {@code addedLabels}, {@code removedLabels} and the chat's labels. An override
 * for a part the event does not carry (a message on {@code chatResolved}, labels on {@code newMessage}) is
 * rejected with an {@link IllegalStateException} naming the event's keys. For anything else use the typed
 * {@link #chat}, {@link #message}, {@link #problem} and {@link #eventData} editors, or {@link #set} for raw JSON.
 *
 * <p>Not thread-safe; build one payload per thread.
 *
 * @param <T> the generated {@code *EventData} model of the event
 */
public final class WebhookPayloadBuilder<T> {

    private static final String CHAT = "chat";
    private static final String MESSAGE = "message";
    private static final String PROBLEM = "problem";

    private final SpecWebhookEvent spec;
    private final Class<T> type;
    private final ObjectNode data;
    private final ObjectNode extraEnvelopeFields = Json.mapper().createObjectNode();

    WebhookPayloadBuilder(SpecWebhookEvent spec, Class<T> type) {
        this.spec = spec;
        this.type = type;
        this.data = (ObjectNode) Json.tree(spec.exampleJson(), spec.eventName() + " example");
    }

    /** The event's name, e.g. {@code chatLabelsUpdated}. */
    public String eventName() {
        return spec.eventName();
    }

    /**
     * The customer's phone number: the chat's {@code channelInfo.id} (and {@code clientPhone} /
     * {@code clientPhoneE164} / {@code personChats} where present) and the message's
     * {@code chatChannelInfo.id}. Stored the way Texter's webhooks carry it: E.164 digits without {@code +}
     * ({@code 972521234567}), and {@code +972521234567} in {@code clientPhone} / {@code clientPhoneE164}. A
     * national form is read in {@code IL}; {@link #phone(String, String)} takes another
     * default country.
     *
     * @param phone a phone number in a form Texter accepts: international (with or without {@code +}) or national
     *              in {@code IL}, with any spaces, dashes or parentheses
     * @throws IllegalArgumentException when {@code phone} is no phone number, naming the parameter
     */
    public WebhookPayloadBuilder<T> phone(String phone) {
        return phone(phone, Phones.DEFAULT_COUNTRY);
    }

    /**
     * The customer's phone number, as {@link #phone(String)}, with a national form read in the project's
     * {@code defaultCountry}: {@code phone("2025550123", "US")} stores {@code 12025550123}.
     *
     * @param defaultCountry an ISO 3166-1 alpha-2 code such as {@code IL} or {@code US}
     * @throws IllegalArgumentException when {@code phone} is no phone number or {@code defaultCountry} no country
     *                                  code, naming the parameter
     */
    public WebhookPayloadBuilder<T> phone(String phone, String defaultCountry) {
        String digits = Phones.digits(Phones.parse(phone, "phone", Phones.country(defaultCountry, "defaultCountry")));
        ObjectNode chat = part(CHAT);
        String previous = chat.path("channelInfo").path("id").asText(null);
        object(chat, "channelInfo").put("id", digits);
        for (String field : List.of("clientPhone", "clientPhoneE164")) {
            if (chat.has(field)) {
                chat.put(field, "+" + digits);
            }
        }
        for (JsonNode personChat : chat.path("personChats")) {
            if (personChat instanceof ObjectNode node && Objects.equals(previous, node.path("id").asText(null))) {
                node.put("id", digits);
            }
        }
        if (data.get(MESSAGE) instanceof ObjectNode message) {
            object(message, "chatChannelInfo").put("id", digits);
        }
        return this;
    }

    /** The chat's {@code _id}, and the message's {@code parent_chat} where the event has a message. */
    public WebhookPayloadBuilder<T> chatId(String chatId) {
        requireText(chatId, "chatId");
        part(CHAT).put("_id", chatId);
        if (data.get(MESSAGE) instanceof ObjectNode message) {
            message.put("parent_chat", chatId);
        }
        return this;
    }

    /** The WhatsApp account (business number) the chat belongs to, or the problem's account. */
    public WebhookPayloadBuilder<T> accountId(String accountId) {
        requireText(accountId, "accountId");
        if (data.get(PROBLEM) instanceof ObjectNode problem) {
            problem.put("accountId", accountId);
            return this;
        }
        ObjectNode chat = part(CHAT);
        object(chat, "channelInfo").put("accountId", accountId);
        for (JsonNode personChat : chat.path("personChats")) {
            if (personChat instanceof ObjectNode node) {
                node.put("accountId", accountId);
            }
        }
        if (data.get(MESSAGE) instanceof ObjectNode message) {
            object(message, "chatChannelInfo").put("accountId", accountId);
        }
        return this;
    }

    /** The chat's status (BOT, PENDING, ASSIGNED, RESOLVED, BULK). */
    public WebhookPayloadBuilder<T> chatStatus(ChatStatus status) {
        Objects.requireNonNull(status, "status");
        part(CHAT).set("status", Json.mapper().valueToTree(status));
        return this;
    }

    /** The chat's current labels. */
    public WebhookPayloadBuilder<T> labels(String... labels) {
        part(CHAT).set("labels", array(Arrays.asList(labels)));
        return this;
    }

    /**
     * The labels just added to the chat: {@code addedLabels} becomes these, {@code removedLabels} empty,
     * {@code oldLabels} the previous labels without these, and the chat's labels the old ones plus these.
     * Only for the label events.
     */
    public WebhookPayloadBuilder<T> labelsAdded(String... labels) {
        List<String> added = Arrays.asList(labels);
        Set<String> before = new LinkedHashSet<>(oldLabels());
        added.forEach(before::remove);
        Set<String> after = new LinkedHashSet<>(before);
        after.addAll(added);
        return labelChange(before, added, List.of(), after);
    }

    /**
     * The labels just removed from the chat: {@code removedLabels} becomes these, {@code addedLabels} empty,
     * {@code oldLabels} the previous labels including these, and the chat's labels the old ones without them.
     * Only for the label events.
     */
    public WebhookPayloadBuilder<T> labelsRemoved(String... labels) {
        List<String> removed = Arrays.asList(labels);
        Set<String> before = new LinkedHashSet<>(oldLabels());
        before.addAll(removed);
        Set<String> after = new LinkedHashSet<>(before);
        removed.forEach(after::remove);
        return labelChange(before, List.of(), removed, after);
    }

    /** The agent a chat was assigned to (chatAssigned): the event's {@code agent} and the chat's {@code agent}. */
    public WebhookPayloadBuilder<T> agent(WebhookAgent agent) {
        Objects.requireNonNull(agent, "agent");
        requireKey("agent");
        data.set("agent", Json.mapper().valueToTree(agent));
        ObjectNode chatAgent = object(part(CHAT), "agent");
        chatAgent.put("uid", agent.getId());
        chatAgent.put("displayName", agent.getDisplayName());
        return this;
    }

    /** Makes the message a text message with this text (and the chat's last message preview too). */
    public WebhookPayloadBuilder<T> text(String text) {
        Objects.requireNonNull(text, "text");
        ObjectNode message = clearContent(part(MESSAGE));
        message.put("type", "text");
        message.put("text", text);
        if (data.path(CHAT).get("lastMessage") instanceof ObjectNode preview) {
            preview.removeAll().put("type", "text").put("text", text);
        }
        return this;
    }

    /**
     * Makes the message the customer's answer to buttons or a list: type {@code postback}, with the
     * {@code payload} and {@code title} of the chosen button or row (and the chat's last message preview too).
     * A row's {@code description} can be added with {@link #message}.
     *
     * @param payload the payload of the chosen button or row, as the bot defined it
     * @param title   the title the customer saw and tapped
     */
    public WebhookPayloadBuilder<T> postback(String payload, String title) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(title, "title");
        ObjectNode message = clearContent(part(MESSAGE));
        message.put("type", "postback");
        message.putObject("postback").put("payload", payload).put("title", title);
        if (data.path(CHAT).get("lastMessage") instanceof ObjectNode preview) {
            preview.removeAll().put("type", "postback").putObject("postback").put("payload", payload)
                    .put("title", title);
        }
        return this;
    }

    /** Makes the message a media message with these attachments (at least one). */
    public WebhookPayloadBuilder<T> media(MediaItem... items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("media needs at least one item");
        }
        ObjectNode message = clearContent(part(MESSAGE));
        message.put("type", "media");
        message.set("media", Json.mapper().valueToTree(List.of(items)));
        return this;
    }

    /** The message's {@code _id}. */
    public WebhookPayloadBuilder<T> messageId(String messageId) {
        requireText(messageId, "messageId");
        part(MESSAGE).put("_id", messageId);
        return this;
    }

    /** Whether the message came from the customer (incoming) or was sent to them (outgoing). */
    public WebhookPayloadBuilder<T> direction(MessageDirection direction) {
        Objects.requireNonNull(direction, "direction");
        part(MESSAGE).set("direction", Json.mapper().valueToTree(direction));
        return this;
    }

    /** The new delivery status of a message (messageStatusChanged), e.g. {@link MessageStatus#SEEN}. */
    public WebhookPayloadBuilder<T> messageStatus(MessageStatus status) {
        Objects.requireNonNull(status, "status");
        requireKey("messageStatus");
        data.set("messageStatus", Json.mapper().valueToTree(status));
        return this;
    }

    /** The failure reason of the status events (null for none). */
    public WebhookPayloadBuilder<T> error(@Nullable String error) {
        requireKey("error");
        data.put("error", error);
        return this;
    }

    /** The provider message ids (WhatsApp {@code wamid...}) a status event is about. */
    public WebhookPayloadBuilder<T> externalId(String... externalIds) {
        requireKey("externalId");
        data.set("externalId", array(Arrays.asList(externalIds)));
        return this;
    }

    /** When it happened: the message's timestamp and/or the event's {@code timestamp}, in epoch milliseconds. */
    public WebhookPayloadBuilder<T> timestamp(Instant at) {
        Objects.requireNonNull(at, "at");
        boolean set = false;
        if (data.get(MESSAGE) instanceof ObjectNode message) {
            message.put("timestamp", at.toEpochMilli());
            set = true;
        }
        if (spec.declares("timestamp")) {
            data.put("timestamp", at.toEpochMilli());
            set = true;
        }
        if (!set) {
            throw notCarried("a timestamp");
        }
        return this;
    }

    /** Edits the chat as the generated {@link Chat} model. */
    public WebhookPayloadBuilder<T> chat(Consumer<Chat> editor) {
        return edit(CHAT, Chat.class, editor);
    }

    /** Edits the message as the generated {@link Message} model. */
    public WebhookPayloadBuilder<T> message(Consumer<Message> editor) {
        return edit(MESSAGE, Message.class, editor);
    }

    /** Edits the channel health problem as the generated {@link Problem} model. */
    public WebhookPayloadBuilder<T> problem(Consumer<Problem> editor) {
        return edit(PROBLEM, Problem.class, editor);
    }

    /** Edits the whole eventData as its generated model. */
    public WebhookPayloadBuilder<T> eventData(Consumer<T> editor) {
        Objects.requireNonNull(editor, "editor");
        T model = Json.convert(data, type);
        editor.accept(model);
        replaceAll(data, Json.mapper().valueToTree(model));
        return this;
    }

    /**
     * Sets any value inside eventData by JSON pointer, e.g. {@code set("/chat/crmData/plan", "gold")}, creating
     * missing objects on the way: for fields the models do not know (yet).
     *
     * @param value a model, collection, string, number, boolean or null
     */
    public WebhookPayloadBuilder<T> set(String jsonPointer, @Nullable Object value) {
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        if (!jsonPointer.startsWith("/") || jsonPointer.length() < 2) {
            throw new IllegalArgumentException("jsonPointer must look like /chat/crmData/plan, got '" + jsonPointer + "'");
        }
        String[] tokens = jsonPointer.substring(1).split("/", -1);
        ObjectNode parent = data;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = object(parent, unescape(tokens[i]));
        }
        parent.set(unescape(tokens[tokens.length - 1]), Json.mapper().valueToTree(value));
        return this;
    }

    /** Adds the top-level {@code projectId} some of Texter's subscription templates send next to eventData. */
    public WebhookPayloadBuilder<T> projectId(String projectId) {
        requireText(projectId, "projectId");
        extraEnvelopeFields.put("projectId", projectId);
        return this;
    }

    /** The payload as it stands; the builder can be changed further and built again. */
    public WebhookPayload<T> build() {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("eventName", spec.eventName());
        envelope.set("eventData", data.deepCopy());
        envelope.setAll(extraEnvelopeFields.deepCopy());
        return new WebhookPayload<>(spec.eventName(), Json.write(envelope), type);
    }

    @Override
    public String toString() {
        return "WebhookPayloadBuilder[" + spec.eventName() + "]";
    }

    private WebhookPayloadBuilder<T> labelChange(Set<String> before, List<String> added, List<String> removed, Set<String> after) {
        data.set("oldLabels", array(before));
        data.set("addedLabels", array(added));
        requireKey("removedLabels");
        data.set("removedLabels", array(removed));
        part(CHAT).set("labels", array(after));
        return this;
    }

    private <M> WebhookPayloadBuilder<T> edit(String key, Class<M> modelType, Consumer<M> editor) {
        Objects.requireNonNull(editor, "editor");
        ObjectNode node = part(key);
        M model = Json.convert(node, modelType);
        editor.accept(model);
        replaceAll(node, Json.mapper().valueToTree(model));
        return this;
    }

    private static void replaceAll(ObjectNode target, JsonNode source) {
        target.removeAll();
        target.setAll((ObjectNode) source);
    }

    /** The eventData object the override needs (chat, message, problem); rejects parts the event lacks. */
    private ObjectNode part(String key) {
        requireKey(key);
        return object(data, key);
    }

    private void requireKey(String key) {
        if (!spec.declares(key)) {
            throw notCarried("'" + key + "'");
        }
    }

    private List<String> oldLabels() {
        requireKey("oldLabels");
        List<String> values = new ArrayList<>();
        for (JsonNode element : data.path("oldLabels")) {
            values.add(element.asText());
        }
        return values;
    }

    private IllegalStateException notCarried(String what) {
        return new IllegalStateException(spec.eventName() + " carries no " + what + "; its eventData has "
                + spec.keys());
    }

    private static ObjectNode clearContent(ObjectNode message) {
        message.remove(List.of("text", "media", "buttons", "list", "postback", "contacts", "location", "special"));
        return message;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        return child instanceof ObjectNode object ? object : parent.putObject(field);
    }

    private static ArrayNode array(Iterable<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (String value : values) {
            array.add(Objects.requireNonNull(value, "label"));
        }
        return array;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
