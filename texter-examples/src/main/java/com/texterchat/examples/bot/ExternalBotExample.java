package com.texterchat.examples.bot;

import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.examples.TexterTour;
import com.texterchat.examples.chats.CustomerChats;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.texterchat.client.json.TexterJson;
import com.texterchat.examples.tour.EmbeddedTexter;
import com.texterchat.examples.tour.Example;
import com.texterchat.examples.tour.Steps;
import com.texterchat.examples.tour.TourContext;
import com.texterchat.examples.webhook.WebhookReceiver;
import com.texterchat.model.Chat;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageList;
import com.texterchat.model.MessageType;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.testkit.TexterMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The external bot at work: a receiver gets Texter's webhooks, the {@link SupportBot} answers the contact with a list
 * menu, the contact picks "Talk to an agent", and the bot reads the conversation and hands the chat back to Texter.
 *
 * <p>Run it alone with {@code --only bot}, or through {@link #main}.
 */
public final class ExternalBotExample implements Example {

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
        String phone = context.targets().contactPhone();
        if (phone == null) {
            steps.skip("Run the bot on a chat", "the project has no chat to work on");
            return;
        }
        Chat chat = steps.step("Find the chat of +" + CustomerChats.digits(phone) + " (Search Chats)",
                () -> CustomerChats.findByPhone(context.client(), phone).orElse(null),
                found -> found == null ? "none" : CustomerChats.describe(found));
        if (chat == null) {
            steps.skip("Run the bot on the chat", "Texter has no chat with +" + CustomerChats.digits(phone));
            return;
        }
        try (WebhookReceiver receiver = steps.step("Start the bot's webhook receiver",
                () -> WebhookReceiver.start(context.receiverPort()), started -> "listening on " + started.url())) {
            SupportBot bot = new SupportBot(context.texter(), steps, context.clock(),
                    context.targets().contactWritesBlocked());

            WebhookEvent hello = steps.step("Texter POSTs newIncomingMessage \"" + FIRST_MESSAGE
                            + "\" (test kit sample)",
                    () -> {
                        context.webhooks().incomingMessage(receiver.url(), chat, FIRST_MESSAGE);
                        return receiver.take(context.webhookTimeout());
                    }, ExternalBotExample::describe);
            bot.onEvent(hello);

            WebhookEvent choice = steps.step("The contact picks \"Talk to an agent\": Texter POSTs the postback",
                    () -> {
                        context.webhooks().listReply(receiver.url(), chat, SupportBot.AGENT, "Talk to an agent");
                        return receiver.take(context.webhookTimeout());
                    }, ExternalBotExample::describe);
            bot.onEvent(choice);
        }
    }

    /** A conversation history with an earlier bot session and the current one, oldest first. */
    @Override
    public String prepareEmbedded(EmbeddedTexter texter) {
        Chat chat = texter.contactChat();
        String current = EmbeddedTexter.BOT_SESSION;
        String earlier = "0a4d9e21c7b3f58e6d2a1c0b9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c";
        long now = texter.clock().millis();
        long day = Duration.ofDays(1).toMillis();
        List<Message> earlierSession = List.of(
                message(chat, 1, now - 3 * day, MessageDirection.INCOMING, "Hi", earlier),
                message(chat, 2, now - 3 * day + 1_000, MessageDirection.OUTGOING, "Hi John! How can we help?",
                        earlier),
                message(chat, 3, now - 3 * day + 60_000, MessageDirection.INCOMING, "Where is my order A-1001?",
                        earlier),
                message(chat, 4, now - 3 * day + 61_000, MessageDirection.OUTGOING, "It arrives tomorrow.", earlier));
        List<Message> currentSession = List.of(
                message(chat, 5, now - 120_000, MessageDirection.INCOMING, "Hello again", current),
                message(chat, 6, now - 119_000, MessageDirection.OUTGOING, "Hi John! How can we help?", current));
        List<Message> all = new ArrayList<>(earlierSession);
        all.addAll(currentSession);
        TexterMockServer server = texter.server();
        server.stubs().answer("getChatMessages", new MessageList().messages(all));
        server.wireMock().stubFor(server.stubs().route("getChatMessages")
                .withQueryParam("botSessionId", WireMock.equalTo(current))
                .willReturn(WireMock.okJson(TexterJson.mapper().valueToTree(new MessageList().messages(currentSession))
                        .toString())));
        return "the contact's chat has 6 messages in two bot sessions";
    }

    private static Message message(Chat chat, int n, long timestamp, MessageDirection direction, String text,
            String session) {
        return new Message().id(String.format("6a0000000000000000000%03d", n)).parentChat(chat.getId())
                .chatChannelInfo(chat.getChannelInfo()).direction(direction).type(MessageType.TEXT).text(text)
                .timestamp(timestamp).botSessionId(session)
                .agent(direction == MessageDirection.OUTGOING ? "Bot" : null);
    }

    private static String describe(WebhookEvent event) {
        String parsed = "parsed as " + event.eventName();
        if (event instanceof KnownWebhookEvent<?> known) {
            parsed += " -> " + known.dataType().getSimpleName();
        }
        return parsed + event.dataAs(NewIncomingMessageEventData.class)
                .map(data -> data.getMessage().getPostback() != null
                        ? ", postback payload '" + data.getMessage().getPostback().getPayload() + "'"
                        : ", text \"" + data.getMessage().getText() + "\"")
                .orElse("");
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
