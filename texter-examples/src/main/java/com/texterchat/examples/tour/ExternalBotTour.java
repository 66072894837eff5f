package com.texterchat.examples.tour;

import com.texterchat.Texter;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.examples.TexterTour;
import com.texterchat.examples.bot.SupportBot;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.examples.webhook.WebhookReceiver;
import com.texterchat.model.Chat;
import com.texterchat.model.Message;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.Scenario;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The tour's stop at the {@link SupportBot}: a receiver gets Texter's webhooks, the bot decides what to do about each
 * ({@link SupportBot#react}) and the tour carries the decision out step by step with the bot's own methods, so it can
 * print each call and hold writes back in a read-only run. The contact writes, gets the menu, picks "Talk to an agent",
 * and the bot reads the conversation and hands the chat back to Texter. On the simulator the bot subscribes its
 * receiver first (Import Subscription) and the contact's messages are simulated, so the webhooks the bot gets are the
 * ones its subscription produced; against a real project the tour posts the test kit's samples to the receiver.
 *
 * <p>Run it alone with {@code --only bot}, or through {@link #main}.
 */
public final class ExternalBotTour implements Example {

    /** What the contact writes first. */
    static final String FIRST_MESSAGE = "Hi, I need help with my order";

    @Override
    public Info info() {
        return new Info("bot", "External bot", "Java",
                "webhook in, list menu out, handle the choice, read the conversation, hand the chat back");
    }

    @Override
    public void run(TourContext context) {
        Steps steps = context.steps();
        Texter texter = context.texter();
        String phone = context.targets().contactPhone();
        if (phone == null) {
            steps.skip("Run the bot on a chat", "the project has no chat to work on");
            return;
        }
        Chat chat = steps.step("Find the chat of +" + CustomerChats.digits(phone) + " (Search Chats)",
                () -> CustomerChats.findByPhone(texter, phone).orElse(null),
                found -> found == null ? "none" : CustomerChats.describe(found));
        if (chat == null) {
            steps.skip("Run the bot on the chat", "Texter has no chat with +" + CustomerChats.digits(phone));
            return;
        }
        try (WebhookReceiver receiver = steps.step("Start the bot's webhook receiver",
                () -> WebhookReceiver.start(context.receiverPort()), started -> "listening on " + started.url())) {
            SupportBot bot = new SupportBot(texter, context.clock());
            TexterEvents events = context.events();
            // On the simulator the bot subscribes as in production, and Texter delivers what the contact writes.
            Optional<Scenario> subscription = events.fromSubscriptions()
                    ? steps.write("Subscribe the receiver to newIncomingMessage (SupportBot.subscribe: Import"
                            + " Subscription)", () -> bot.subscribe(receiver.url().toString()),
                            imported -> "subscription " + imported.getId() + " POSTs to " + receiver.url())
                    : Optional.empty();
            try {
                WebhookEvent hello = steps.step("The contact writes \"" + FIRST_MESSAGE + "\": Texter POSTs"
                                + " newIncomingMessage (" + events.how() + ")",
                        () -> {
                            events.contactWrites(receiver.url(), chat, FIRST_MESSAGE);
                            return receiver.take(context.webhookTimeout());
                        }, ExternalBotTour::describe);
                carryOut(bot, bot.react(hello), context);

                WebhookEvent choice = steps.step("The contact picks \"Talk to an agent\": Texter POSTs the postback ("
                                + events.how() + ")",
                        () -> {
                            events.contactPicks(receiver.url(), chat, SupportBot.AGENT, "Talk to an agent");
                            return receiver.take(context.webhookTimeout());
                        }, ExternalBotTour::describe);
                carryOut(bot, bot.react(choice), context);
            } finally {
                subscription.ifPresent(imported -> steps.write("Delete the bot's subscription again (Delete"
                        + " Subscription)", () -> texter.eventSubscriptions().deleteSubscription(imported.getId()),
                        deleted -> "deleted " + imported.getId()));
            }
        }
    }

    /** What {@link SupportBot#onEvent} does, one printed step per call. */
    private static void carryOut(SupportBot bot, SupportBot.Reaction reaction, TourContext context) {
        Steps steps = context.steps();
        String chatBlocked = context.targets().contactWritesBlocked();
        if (reaction instanceof SupportBot.Ignore ignore) {
            steps.note(ignore.reason());
        } else if (reaction instanceof SupportBot.OfferMenu offer) {
            SessionMessage menu = SupportBot.menu(null);
            steps.write("Answer with a list menu (Send a Message to Chat)",
                    messageBlocked(bot, offer.contactWrote(), chatBlocked), () -> bot.sendMenu(offer.chat()),
                    sent -> "\"" + menu.getList().getButton() + "\" menu with " + menu.getList().getSections().stream()
                            .mapToInt(section -> section.getRows().size()).sum() + " rows sent" + messageIds(sent));
        } else if (reaction instanceof SupportBot.Answer answer) {
            reply(bot, answer.chat(), answer.text(), answer.contactWrote(), context);
        } else if (reaction instanceof SupportBot.HandToAgent handOver) {
            Chat chat = handOver.chat();
            String session = handOver.botSessionId();
            if (session != null) {
                steps.step("Read this bot session's messages (Get Messages of a Chat, botSessionId "
                                + SupportBot.shortId(session) + ")",
                        () -> bot.sessionMessages(chat, session), messages -> messages.size() + " messages"
                                + lastText(messages));
            }
            steps.step("Read the chat's earlier messages by bot session (client paging, newest first, up to "
                    + SupportBot.HISTORY_LIMIT + ")", () -> bot.historyBySession(chat), ExternalBotTour::describeSessions);
            reply(bot, chat, SupportBot.AGENT_TAKES_OVER, handOver.contactWrote(), context);
            steps.write("Hand the chat back to Texter (Update Chat Properties: externalBot=false)", chatBlocked,
                    () -> bot.handBack(chat), updated -> "externalBot is now " + updated.getExternalBot()
                            + "; Texter routes the chat to its agents again");
        } else if (reaction instanceof SupportBot.Resolve resolve) {
            reply(bot, resolve.chat(), SupportBot.GOODBYE, resolve.contactWrote(), context);
            steps.write("Resolve the chat (Resolve Chat)", chatBlocked, () -> bot.resolve(resolve.chat()),
                    done -> "resolved");
        }
    }

    private static void reply(SupportBot bot, Chat chat, String text, Instant contactWrote, TourContext context) {
        context.steps().write("Reply \"" + text + "\" (Send a Message to Chat)",
                messageBlocked(bot, contactWrote, context.targets().contactWritesBlocked()),
                () -> bot.sendText(chat, text), sent -> "sent" + messageIds(sent));
    }

    /** Why no session message may go to the chat now, or {@code null}. */
    private static @Nullable String messageBlocked(SupportBot bot, Instant contactWrote, @Nullable String chatBlocked) {
        if (chatBlocked != null) {
            return chatBlocked;
        }
        if (!bot.windowOpen(contactWrote)) {
            return "WhatsApp's 24-hour window is closed (the contact last wrote "
                    + (contactWrote.equals(Instant.EPOCH) ? "never" : "at " + contactWrote)
                    + "); only a template can reach them now";
        }
        return null;
    }

    private static String describe(WebhookEvent event) {
        String parsed = "parsed as " + event.eventName();
        if (event instanceof KnownWebhookEvent<?> known) {
            parsed += " -> " + known.dataType().getSimpleName();
        }
        return parsed + event.dataAs(NewIncomingMessageEventData.class)
                .map(data -> (data.getMessage().getPostback() != null
                        ? ", postback payload '" + data.getMessage().getPostback().getPayload() + "'"
                        : ", text \"" + data.getMessage().getText() + "\"")
                        + (data.getMessage().getId() == null ? "" : " (message " + data.getMessage().getId() + ")"))
                .orElse("");
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
        List<String> ids = SupportBot.messageIds(sent);
        return ids.isEmpty() ? "" : " (message " + String.join(", ", ids) + ")";
    }

    /**
     * Runs this example alone, like {@code TexterTour --only bot}.
     *
     * @param args further tour arguments, e.g. {@code --allow-sends}
     */
    public static void main(String[] args) {
        TexterTour.main(TexterTour.only("bot", args));
    }
}
