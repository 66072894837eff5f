package com.texterchat.examples.bot;

import com.texterchat.Texter;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.dsl.message.Messages;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.Chat;
import com.texterchat.model.ExternalBotEnabledEventData;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.Postback;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.Scenario;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.SuccessResponse;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdatedChat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An external bot for a shop's WhatsApp number. Texter hands it a chat (the chat's {@code externalBot} is on) and
 * forwards what the contact writes as webhooks (parse them with {@code TexterWebhooks.parse}); for each one the bot
 * <ol>
 *   <li>answers a message with a list menu (Send a Message to Chat),</li>
 *   <li>answers the row the contact picks (a {@code postback} message): the order status or how to return an item,</li>
 *   <li>for "Talk to an agent", reads the conversation (this bot session, then the earlier history grouped by bot
 *       session), says goodbye and hands the chat back to Texter's routing (Update Chat Properties:
 *       {@code externalBot=false}), or</li>
 *   <li>for "All good", says goodbye and resolves the chat (Resolve Chat).</li>
 * </ol>
 *
 * <p>Session messages reach the contact only within WhatsApp's 24-hour window after their last message; outside it
 * the bot sends nothing but still hands the chat back or resolves it.
 *
 * <pre>{@code
 * SupportBot bot = new SupportBot(texter, Clock.systemUTC());
 * bot.subscribe("https://bot.example.com/texter/webhook");   // once: Texter POSTs new incoming messages there
 * // in the webhook endpoint:
 * SupportBot.Turn turn = bot.onEvent(TexterWebhooks.parse(body));
 * }</pre>
 *
 * <p>{@link #onEvent} decides ({@link #react}) and then acts; the actions are public too ({@link #sendMenu},
 * {@link #sendText}, {@link #sessionMessages}, {@link #historyBySession}, {@link #handBack}, {@link #resolve}), so
 * a caller can carry out a {@link Reaction} step by step.
 */
public final class SupportBot {

    /** Payload of the "Where is my order?" row. */
    public static final String ORDER_STATUS = "order_status";
    /** Payload of the "Return an item" row. */
    public static final String RETURN = "return";
    /** Payload of the "Talk to an agent" row. */
    public static final String AGENT = "agent";
    /** Payload of the "All good, thanks" row. */
    public static final String DONE = "done";

    /** What the bot says before handing the chat to an agent. */
    public static final String AGENT_TAKES_OVER = "Thanks! An agent will take it from here.";
    /** What the bot says before resolving the chat. */
    public static final String GOODBYE = "Glad we could help. Have a great day!";

    /** How long after the contact's last message WhatsApp accepts session messages. */
    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    /** How many of a chat's messages the bot reads for the agent's summary. */
    public static final int HISTORY_LIMIT = 50;

    /** The group of {@link #historyBySession} for messages outside any bot session. */
    public static final String NO_SESSION = "(outside bot sessions)";

    private final Texter texter;
    private final Clock clock;

    /**
     * Creates the bot.
     *
     * @param texter the Texter to answer through
     * @param clock the current time, for WhatsApp's 24-hour window ({@code Clock.systemUTC()})
     */
    public SupportBot(Texter texter, Clock clock) {
        this.texter = Objects.requireNonNull(texter, "texter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What the bot does about one webhook delivery. Decides only: nothing is sent.
     */
    public sealed interface Reaction {
    }

    /**
     * Nothing to do.
     *
     * @param reason why, e.g. {@code the bot ignores chatResolved}
     */
    public record Ignore(String reason) implements Reaction {
    }

    /**
     * Answer with the menu.
     *
     * @param chat the chat
     * @param contactWrote when the contact last wrote (WhatsApp's window)
     */
    public record OfferMenu(Chat chat, Instant contactWrote) implements Reaction {
    }

    /**
     * Answer a menu choice with a text; the bot keeps the chat.
     *
     * @param chat the chat
     * @param text the answer
     * @param contactWrote when the contact last wrote (WhatsApp's window)
     */
    public record Answer(Chat chat, String text, Instant contactWrote) implements Reaction {
    }

    /**
     * Read the conversation for the agent, say {@link #AGENT_TAKES_OVER} and hand the chat back to Texter.
     *
     * @param chat the chat
     * @param botSessionId the current bot session, or {@code null} when Texter gave none
     * @param contactWrote when the contact last wrote (WhatsApp's window)
     */
    public record HandToAgent(Chat chat, @Nullable String botSessionId, Instant contactWrote) implements Reaction {
    }

    /**
     * Say {@link #GOODBYE} and resolve the chat.
     *
     * @param chat the chat
     * @param contactWrote when the contact last wrote (WhatsApp's window)
     */
    public record Resolve(Chat chat, Instant contactWrote) implements Reaction {
    }

    /**
     * What an agent taking over sees first.
     *
     * @param thisSession the messages of the current bot session, oldest first (empty without a session)
     * @param historyBySession the chat's last {@link #HISTORY_LIMIT} messages counted by bot session, newest first
     */
    public record Conversation(List<Message> thisSession, Map<String, Long> historyBySession) {

        /** Copies the collections. */
        public Conversation {
            thisSession = List.copyOf(thisSession);
            historyBySession = Collections.unmodifiableMap(new LinkedHashMap<>(historyBySession));
        }
    }

    /**
     * What {@link #onEvent} did.
     *
     * @param reaction what the bot decided
     * @param sentMessageIds the IDs of the messages it sent (none outside WhatsApp's window)
     * @param conversation the conversation it read for the agent, or {@code null} when it read none
     */
    public record Turn(Reaction reaction, List<String> sentMessageIds, @Nullable Conversation conversation) {

        /** Copies the list. */
        public Turn {
            sentMessageIds = List.copyOf(sentMessageIds);
        }
    }

    /**
     * The menu the bot answers with, built and checked by the DSL (at most 10 rows, titles of 24 characters...).
     *
     * @param name the contact's name for the greeting, or {@code null}
     * @return the list message
     */
    public static SessionMessage menu(@Nullable String name) {
        return Messages.list("Hi" + (name == null ? "" : " " + name) + "! How can we help?", "Choose")
                .section("Your order", s -> s
                        .row("Where is my order?", ORDER_STATUS, "Track your latest order")
                        .row("Return an item", RETURN, "Start a return within 30 days"))
                .section("Anything else", s -> s
                        .row("Talk to an agent", AGENT)
                        .row("All good, thanks", DONE))
                .build();
    }

    /**
     * Subscribes the bot's webhook URL to what it reacts to: Texter's ready-made {@code newIncomingMessage}
     * subscription (Import Subscription), which POSTs every message a contact writes.
     *
     * @param webhookUrl where Texter POSTs, the bot's endpoint (a public https URL)
     * @return the subscription; delete it (Delete Subscription) when the bot goes away
     */
    public Scenario subscribe(String webhookUrl) {
        return texter.importSubscription(WebhookSubscriptions.newIncomingMessages(webhookUrl));
    }

    /**
     * Reacts to one webhook delivery: decides ({@link #react}), then sends and changes what it decided.
     *
     * @param event the parsed delivery
     * @return what the bot did
     */
    public Turn onEvent(WebhookEvent event) {
        Reaction reaction = react(event);
        List<String> sent = new ArrayList<>();
        Conversation conversation = null;
        if (reaction instanceof OfferMenu menu) {
            sendIfOpen(menu.contactWrote(), () -> sendMenu(menu.chat()), sent);
        } else if (reaction instanceof Answer answer) {
            sendIfOpen(answer.contactWrote(), () -> sendText(answer.chat(), answer.text()), sent);
        } else if (reaction instanceof HandToAgent handOver) {
            conversation = readConversation(handOver.chat(), handOver.botSessionId());
            sendIfOpen(handOver.contactWrote(), () -> sendText(handOver.chat(), AGENT_TAKES_OVER), sent);
            handBack(handOver.chat());
        } else if (reaction instanceof Resolve resolve) {
            sendIfOpen(resolve.contactWrote(), () -> sendText(resolve.chat(), GOODBYE), sent);
            resolve(resolve.chat());
        }
        return new Turn(reaction, sent, conversation);
    }

    /**
     * What the bot does about a delivery: {@code newIncomingMessage} (a message, or a menu choice) in a chat handed to
     * the bot, and {@code externalBotEnabled} (a chat was just handed to it); anything else is ignored.
     *
     * @param event the parsed delivery
     * @return the decision
     */
    public Reaction react(WebhookEvent event) {
        Optional<NewIncomingMessageEventData> incoming = event.dataAs(NewIncomingMessageEventData.class);
        if (incoming.isPresent()) {
            return react(incoming.get().getChat(), incoming.get().getMessage());
        }
        Optional<ExternalBotEnabledEventData> handedOver = event.dataAs(ExternalBotEnabledEventData.class);
        if (handedOver.isPresent()) {
            Chat chat = handedOver.get().getChat();
            Long lastWrote = chat.getLastIncomingMessageTimestamp();
            return new OfferMenu(chat, lastWrote == null ? Instant.EPOCH : Instant.ofEpochMilli(lastWrote));
        }
        return new Ignore("the bot ignores " + event.eventName());
    }

    private Reaction react(Chat chat, Message message) {
        if (!Boolean.TRUE.equals(chat.getExternalBot())) {
            return new Ignore("chat " + chat.getId() + " is not handed to an external bot: Texter's own routing"
                    + " answers it");
        }
        if (message.getDirection() == MessageDirection.OUTGOING) {
            return new Ignore("message " + message.getId() + " was sent from the chat, not by the contact");
        }
        Instant wrote = message.getTimestamp() == null ? clock.instant() : Instant.ofEpochMilli(message.getTimestamp());
        Postback choice = message.getPostback();
        String payload = choice == null || choice.getPayload() == null ? "" : choice.getPayload();
        switch (payload) {
            case ORDER_STATUS:
                return new Answer(chat, "Your order A-1001 left our warehouse today; it arrives tomorrow.", wrote);
            case RETURN:
                return new Answer(chat, "Sure: reply with the order number and we'll send a return label.", wrote);
            case AGENT:
                String session = message.getBotSessionId() != null ? message.getBotSessionId()
                        : chat.getBotState() == null ? null : chat.getBotState().getId();
                return new HandToAgent(chat, session, wrote);
            case DONE:
                return new Resolve(chat, wrote);
            default:
                return new OfferMenu(chat, wrote); // a text, or a choice from an older menu
        }
    }

    /**
     * Whether WhatsApp still accepts session messages to a contact who last wrote at {@code contactWrote}.
     *
     * @param contactWrote when the contact last wrote
     * @return {@code true} within {@link #WHATSAPP_WINDOW}
     */
    public boolean windowOpen(Instant contactWrote) {
        return !contactWrote.plus(WHATSAPP_WINDOW).isBefore(clock.instant());
    }

    /**
     * Sends the {@link #menu} to the chat, greeting the contact by name (Send a Message to Chat).
     *
     * @param chat the chat
     * @return Texter's answer, with the message's ID
     */
    public SendMessageResponse sendMenu(Chat chat) {
        return texter.sendMessage(chat.getId(), menu(chat.getDisplayName() != null ? chat.getDisplayName()
                : chat.getTitle()));
    }

    /**
     * Sends a text to the chat (Send a Message to Chat).
     *
     * @param chat the chat
     * @param text 1-4096 characters
     * @return Texter's answer, with the message's ID
     */
    public SendMessageResponse sendText(Chat chat, String text) {
        return texter.sendText(chat.getId(), text);
    }

    /**
     * The messages of one bot session, oldest first: Get Messages of a Chat with {@code botSessionId}, page by page
     * ({@code texter.paging().getBotSessionMessages}, which walks newest first).
     *
     * @param chat the chat
     * @param botSessionId the session
     * @return the messages
     */
    public List<Message> sessionMessages(Chat chat, String botSessionId) {
        List<Message> messages = new ArrayList<>();
        texter.paging().getBotSessionMessages(chat.getId(), botSessionId).forEach(messages::add);
        Collections.reverse(messages);
        return messages;
    }

    /**
     * The chat's last {@link #HISTORY_LIMIT} messages counted by bot session (session IDs shortened), newest session
     * first; read page by page with {@code texter.paging().getChatMessages(chatId)}.
     *
     * @param chat the chat
     * @return message counts by session; messages outside sessions under {@link #NO_SESSION}
     */
    public Map<String, Long> historyBySession(Chat chat) {
        return texter.paging().getChatMessages(chat.getId()).stream().limit(HISTORY_LIMIT)
                .collect(Collectors.groupingBy(m -> m.getBotSessionId() == null ? NO_SESSION
                        : shortId(m.getBotSessionId()), LinkedHashMap::new, Collectors.counting()));
    }

    /**
     * Reads what an agent taking over wants to see: this bot session, and the history by bot session.
     *
     * @param chat the chat
     * @param botSessionId the current bot session, or {@code null}
     * @return the conversation
     */
    public Conversation readConversation(Chat chat, @Nullable String botSessionId) {
        List<Message> thisSession = botSessionId == null ? List.of() : sessionMessages(chat, botSessionId);
        return new Conversation(thisSession, historyBySession(chat));
    }

    /**
     * Hands the chat back to Texter's routing, which gives it to an agent (Update Chat Properties:
     * {@code externalBot=false}).
     *
     * @param chat the chat
     * @return the chat as Texter updated it
     */
    public UpdatedChat handBack(Chat chat) {
        return texter.chats().updateChatProperties(chat.getId(), new UpdateChatPropertiesRequest().externalBot(false));
    }

    /**
     * Resolves the chat without a closing message from Texter (Resolve Chat, {@code notifyClient=false}).
     *
     * @param chat the chat
     * @return Texter's answer
     */
    public SuccessResponse resolve(Chat chat) {
        return texter.chats().resolveChat(chat.getId(), new ResolveChatRequest().notifyClient(false));
    }

    /**
     * A bot session ID short enough to read: its first 8 characters.
     *
     * @param id the session ID
     * @return e.g. {@code 5f1c2a9e...}
     */
    public static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 8) + "...";
    }

    /**
     * The IDs of the messages Texter accepted.
     *
     * @param sent Texter's answer to a send
     * @return the IDs, possibly none
     */
    public static List<String> messageIds(SendMessageResponse sent) {
        return sent.getMessages() == null ? List.of() : sent.getMessages().stream().map(Message::getId)
                .filter(Objects::nonNull).toList();
    }

    private void sendIfOpen(Instant contactWrote, Supplier<SendMessageResponse> send,
            List<String> sent) {
        if (windowOpen(contactWrote)) {
            sent.addAll(messageIds(send.get()));
        }
    }

    @Override
    public String toString() {
        return "SupportBot[" + texter + "]";
    }
}
