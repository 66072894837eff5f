package com.texterchat.examples.bot;

import com.texterchat.client.TexterClient;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.Texter;
import com.texterchat.dsl.message.Messages;
import com.texterchat.examples.tour.Steps;
import com.texterchat.api.MessagesApi;
import com.texterchat.model.Chat;
import com.texterchat.model.ExternalBotEnabledEventData;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.Postback;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.UpdateChatPropertiesRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An external bot for a shop's WhatsApp number. Texter hands it a chat (the chat's {@code externalBot} is on) and
 * forwards what the contact writes as webhooks; the bot
 * <ol>
 *   <li>answers a message with a list menu,</li>
 *   <li>handles the row the contact picks (a {@code postback} message): the order status, or</li>
 *   <li>for "Talk to an agent", reads the conversation (this bot session, then the earlier history by bot session)
 *       and hands the chat back to Texter's routing ({@code externalBot=false}), or</li>
 *   <li>for "All good", resolves the chat.</li>
 * </ol>
 *
 * <p>Session messages can only be sent within WhatsApp's 24-hour window after the contact's last message; the bot
 * checks it before answering. Every call goes through {@link Steps}, so the tour prints it and can hold writes back.
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

    /** How long after the contact's last message WhatsApp accepts session messages. */
    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    /** How far back the bot reads a chat's history for the agent's summary. */
    static final int HISTORY_LIMIT = 50;

    private static final String NO_SESSION = "(outside bot sessions)";

    private final Texter texter;
    private final Steps steps;
    private final Clock clock;
    private final @Nullable String chatWritesBlocked;

    /**
     * Creates the bot.
     *
     * @param texter the Texter to answer through
     * @param steps runs and prints the bot's calls
     * @param clock the current time, for WhatsApp's 24-hour window
     * @param chatWritesBlocked why the bot must not write to the chat at all, or {@code null}
     */
    public SupportBot(Texter texter, Steps steps, Clock clock, @Nullable String chatWritesBlocked) {
        this.texter = Objects.requireNonNull(texter, "texter");
        this.steps = Objects.requireNonNull(steps, "steps");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chatWritesBlocked = chatWritesBlocked;
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
     * Reacts to one webhook delivery: {@code newIncomingMessage} (a message or a menu choice) and
     * {@code externalBotEnabled} (a chat was just handed to the bot); other events are ignored.
     *
     * @param event the parsed delivery
     */
    public void onEvent(WebhookEvent event) {
        var incoming = event.dataAs(NewIncomingMessageEventData.class);
        if (incoming.isPresent()) {
            onMessage(incoming.get().getChat(), incoming.get().getMessage());
            return;
        }
        var handedOver = event.dataAs(ExternalBotEnabledEventData.class);
        if (handedOver.isPresent()) {
            Chat chat = handedOver.get().getChat();
            Long lastWrote = chat.getLastIncomingMessageTimestamp();
            offerMenu(chat, lastWrote == null ? Instant.EPOCH : Instant.ofEpochMilli(lastWrote));
            return;
        }
        steps.note("the bot ignores " + event.eventName());
    }

    private void onMessage(Chat chat, Message message) {
        if (!Boolean.TRUE.equals(chat.getExternalBot())) {
            steps.note("chat " + chat.getId() + " is not handed to an external bot: Texter's own routing answers it");
            return;
        }
        if (message.getDirection() == MessageDirection.OUTGOING) {
            return;
        }
        Instant wrote = message.getTimestamp() == null ? clock.instant() : Instant.ofEpochMilli(message.getTimestamp());
        Postback choice = message.getPostback();
        if (choice == null) {
            offerMenu(chat, wrote);
            return;
        }
        switch (choice.getPayload() == null ? "" : choice.getPayload()) {
            case ORDER_STATUS -> reply(chat, wrote, "Your order A-1001 left our warehouse today; it arrives tomorrow.");
            case RETURN -> reply(chat, wrote, "Sure: reply with the order number and we'll send a return label.");
            case AGENT -> handToAgent(chat, message, wrote);
            case DONE -> {
                reply(chat, wrote, "Glad we could help. Have a great day!");
                steps.write("Resolve the chat (Resolve Chat)", chatWritesBlocked,
                        () -> client().chats().resolveChat(chat.getId(), new ResolveChatRequest().notifyClient(false)),
                        done -> "resolved");
            }
            default -> {
                steps.note("unknown choice '" + choice.getPayload() + "': showing the menu again");
                offerMenu(chat, wrote);
            }
        }
    }

    private void offerMenu(Chat chat, Instant contactWrote) {
        String name = chat.getDisplayName() != null ? chat.getDisplayName() : chat.getTitle();
        SessionMessage menu = menu(name);
        steps.write("Answer with a list menu (Send a Message to Chat)", blocked(contactWrote),
                () -> texter.sendMessage(chat.getId(), menu),
                sent -> "\"" + menu.getList().getButton() + "\" menu with " + menu.getList().getSections().stream()
                        .mapToInt(section -> section.getRows().size()).sum() + " rows sent" + messageIds(sent));
    }

    private void reply(Chat chat, Instant contactWrote, String text) {
        steps.write("Reply \"" + text + "\" (Send a Message to Chat)", blocked(contactWrote),
                () -> texter.sendText(chat.getId(), text), sent -> "sent" + messageIds(sent));
    }

    private void handToAgent(Chat chat, Message choice, Instant contactWrote) {
        readConversation(chat, choice);
        reply(chat, contactWrote, "Thanks! An agent will take it from here.");
        steps.write("Hand the chat back to Texter (Update Chat Properties: externalBot=false)", chatWritesBlocked,
                () -> client().chats().updateChatProperties(chat.getId(),
                        new UpdateChatPropertiesRequest().externalBot(false)),
                updated -> "externalBot is now " + updated.getExternalBot()
                        + "; Texter routes the chat to its agents again");
    }

    /** What an agent taking over wants to see: this bot session, and earlier history grouped by bot session. */
    private void readConversation(Chat chat, Message choice) {
        String session = choice.getBotSessionId() != null ? choice.getBotSessionId()
                : chat.getBotState() == null ? null : chat.getBotState().getId();
        if (session != null) {
            // A bot session's messages come in one answer (no paging).
            steps.step("Read this bot session's messages (Get Messages of a Chat, botSessionId " + shortId(session)
                            + ")",
                    () -> client().messages().getChatMessages(chat.getId(),
                            new MessagesApi.GetChatMessagesQueryParams().botSessionId(session)).getMessages(),
                    messages -> messages.size() + " messages" + lastText(messages));
        }
        steps.step("Read the chat's earlier messages by bot session (client paging, newest first, up to "
                        + HISTORY_LIMIT + ")",
                () -> client().paging().chatMessages(chat.getId()).stream().limit(HISTORY_LIMIT)
                        .collect(Collectors.groupingBy(m -> m.getBotSessionId() == null ? NO_SESSION
                                : shortId(m.getBotSessionId()), LinkedHashMap::new, Collectors.counting())),
                SupportBot::describeSessions);
    }

    private @Nullable String blocked(Instant contactWrote) {
        if (chatWritesBlocked != null) {
            return chatWritesBlocked;
        }
        if (contactWrote.plus(WHATSAPP_WINDOW).isBefore(clock.instant())) {
            return "WhatsApp's 24-hour window is closed (the contact last wrote "
                    + (contactWrote.equals(Instant.EPOCH) ? "never" : "at " + contactWrote)
                    + "); only a template can reach them now";
        }
        return null;
    }

    private TexterClient client() {
        return texter.client();
    }

    private static String describeSessions(Map<String, Long> sessions) {
        long total = sessions.values().stream().mapToLong(Long::longValue).sum();
        return total + " messages in " + sessions.size() + " group(s): " + sessions.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String lastText(List<Message> messages) {
        return messages.stream().filter(m -> m.getText() != null).reduce((first, second) -> second)
                .map(m -> ", the last with text: \"" + m.getText() + "\"").orElse("");
    }

    private static String messageIds(SendMessageResponse sent) {
        if (sent.getMessages() == null || sent.getMessages().isEmpty()) {
            return "";
        }
        return " (message " + sent.getMessages().stream().map(Message::getId).map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 8) + "...";
    }
}
