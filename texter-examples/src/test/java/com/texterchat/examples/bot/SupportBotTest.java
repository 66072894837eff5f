package com.texterchat.examples.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.texterchat.Texter;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.ListRow;
import com.texterchat.model.ListSection;
import com.texterchat.model.Message;
import com.texterchat.model.MessageList;
import com.texterchat.model.MessageType;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.Postback;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayloadBuilder;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's decisions, each fed the webhook Texter would send and checked by what reached Texter and what it returned. */
@TexterTest
class SupportBotTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String CHAT = "67bf11038b24880cc966f799";
    private static final String SESSION = "5f1c2a9e0b7d4c3f8e6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6";
    private static final String EARLIER = "0a4d9e21c7b3f58e6d2a1c0b9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c";

    private SupportBot bot;

    @BeforeEach
    void bot(Texter texter) {
        bot = new SupportBot(texter, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static WebhookPayloadBuilder<?> message(Instant at, boolean externalBot) {
        return WebhookPayloads.newIncomingMessage().chatId(CHAT).text("Hi").timestamp(at)
                .chat(chat -> chat.setExternalBot(externalBot))
                .message(m -> m.setBotSessionId(SESSION));
    }

    private static WebhookEvent text(Instant at, boolean externalBot) {
        return TexterWebhooks.parse(message(at, externalBot).build().json());
    }

    private static WebhookEvent choice(String payload, Instant at) {
        return TexterWebhooks.parse(message(at, true).message(m -> {
            m.setType(MessageType.POSTBACK);
            m.setText(null);
            m.setPostback(new Postback().payload(payload).title(payload));
        }).build().json());
    }

    private static WebhookEvent choice(String payload) {
        return choice(payload, NOW.minusSeconds(5));
    }

    @Test
    void theMenuPassesTheDslRules() {
        SessionMessage menu = SupportBot.menu("Roy");

        assertThat(menu.getType()).isEqualTo(OutgoingMessageType.LIST);
        assertThat(menu.getText()).isEqualTo("Hi Roy! How can we help?");
        assertThat(menu.getList().getSections()).flatExtracting(ListSection::getRows).extracting(ListRow::getPayload)
                .containsExactly(SupportBot.ORDER_STATUS, SupportBot.RETURN, SupportBot.AGENT, SupportBot.DONE);
    }

    @Test
    void aMessageGetsTheMenu(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(text(NOW.minusSeconds(5), true));

        assertThat(turn.reaction()).isInstanceOfSatisfying(SupportBot.OfferMenu.class,
                offer -> assertThat(offer.chat().getId()).isEqualTo(CHAT));
        SessionMessage sent = texter.verify().messageSentToChat(CHAT);
        assertThat(sent.getType()).isEqualTo(OutgoingMessageType.LIST);
        assertThat(sent.getList().getSections()).flatExtracting(ListSection::getRows).hasSize(4);
        assertThat(turn.sentMessageIds()).singleElement().asString().isNotBlank();
        assertThat(turn.conversation()).isNull();
    }

    @Test
    void reactDecidesWithoutCallingTexter(TexterMockServer texter) {
        assertThat(bot.react(choice(SupportBot.DONE))).isInstanceOf(SupportBot.Resolve.class);
        assertThat(bot.react(choice(SupportBot.AGENT))).isInstanceOfSatisfying(SupportBot.HandToAgent.class,
                handOver -> assertThat(handOver.botSessionId()).isEqualTo(SESSION));

        assertThat(texter.verify().all()).isEmpty();
    }

    @Test
    void aChatJustHandedToTheBotGetsTheMenu(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(TexterWebhooks.parse(WebhookPayloads.externalBotEnabled().chatId(CHAT)
                .chat(chat -> chat.setLastIncomingMessageTimestamp(NOW.minusSeconds(60).toEpochMilli())).build()
                .json()));

        assertThat(turn.reaction()).isInstanceOf(SupportBot.OfferMenu.class);
        assertThat(texter.verify().messageSentToChat(CHAT).getList()).isNotNull();
    }

    @Test
    void noSessionMessageOnceTheTwentyFourHourWindowClosed(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(text(NOW.minus(Duration.ofHours(25)), true));

        assertThat(turn.reaction()).isInstanceOf(SupportBot.OfferMenu.class);
        assertThat(turn.sentMessageIds()).isEmpty();
        texter.verify().noMessageSentToChat(CHAT);
    }

    @Test
    void theWindowIsOpenForTwentyFourHours() {
        assertThat(bot.windowOpen(NOW.minus(SupportBot.WHATSAPP_WINDOW))).isTrue();
        assertThat(bot.windowOpen(NOW.minus(SupportBot.WHATSAPP_WINDOW).minusMillis(1))).isFalse();
    }

    @Test
    void chatsNotHandedToAnExternalBotAreLeftToTexter(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(text(NOW.minusSeconds(5), false));

        assertThat(turn.reaction()).isInstanceOfSatisfying(SupportBot.Ignore.class,
                ignore -> assertThat(ignore.reason()).contains("not handed to an external bot"));
        assertThat(texter.verify().all()).isEmpty();
    }

    @Test
    void allGoodResolvesTheChat(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(choice(SupportBot.DONE));

        assertThat(turn.reaction()).isInstanceOf(SupportBot.Resolve.class);
        assertThat(texter.verify().messageSentToChat(CHAT).getText()).isEqualTo(SupportBot.GOODBYE);
        assertThat(texter.verify().requests("resolveChat")).singleElement().satisfies(request -> {
            assertThat(request.pathParameter("chatId")).isEqualTo(CHAT);
            assertThat(request.body(ResolveChatRequest.class).getNotifyClient()).isFalse();
        });
        assertThat(texter.verify().count("updateChatProperties")).isZero();
    }

    @Test
    void theOrderStatusIsAnsweredAndTheBotKeepsTheChat(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(choice(SupportBot.ORDER_STATUS));

        assertThat(turn.reaction()).isInstanceOf(SupportBot.Answer.class);
        assertThat(texter.verify().messageSentToChat(CHAT).getText()).startsWith("Your order A-1001");
        assertThat(texter.verify().count("resolveChat")).isZero();
        assertThat(texter.verify().count("updateChatProperties")).isZero();
    }

    @Test
    void anUnknownChoiceShowsTheMenuAgain(TexterMockServer texter) {
        bot.onEvent(choice("something-old"));

        assertThat(texter.verify().messageSentToChat(CHAT).getType()).isEqualTo(OutgoingMessageType.LIST);
    }

    @Test
    void talkToAnAgentReadsTheConversationAndHandsTheChatBack(TexterMockServer texter) {
        List<Message> thisSession = conversationOnServer(texter);

        SupportBot.Turn turn = bot.onEvent(choice(SupportBot.AGENT));

        assertThat(turn.reaction()).isInstanceOf(SupportBot.HandToAgent.class);
        assertThat(turn.conversation()).isNotNull();
        assertThat(turn.conversation().thisSession()).extracting(Message::getId)
                .containsExactlyElementsOf(thisSession.stream().map(Message::getId).toList());
        assertThat(turn.conversation().historyBySession())
                .containsEntry(SupportBot.shortId(SESSION), 2L)
                .containsEntry(SupportBot.shortId(EARLIER), 3L)
                .containsEntry(SupportBot.NO_SESSION, 1L);
        assertThat(texter.verify().requests("getChatMessages")).anySatisfy(request ->
                assertThat(request.queryParameter("botSessionId")).contains(SESSION));
        assertThat(texter.verify().messageSentToChat(CHAT).getText()).isEqualTo(SupportBot.AGENT_TAKES_OVER);
        assertThat(texter.verify().bodies("updateChatProperties", UpdateChatPropertiesRequest.class))
                .singleElement().satisfies(update -> assertThat(update.getExternalBot()).isFalse());
        assertThat(texter.verify().requests("updateChatProperties")).extracting(r -> r.pathParameter("chatId"))
                .containsExactly(CHAT);
    }

    @Test
    void outsideTheWindowTheChatIsStillHandedBackButNothingIsSent(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(choice(SupportBot.AGENT, NOW.minus(Duration.ofDays(2))));

        assertThat(turn.sentMessageIds()).isEmpty();
        texter.verify().noMessageSentToChat(CHAT);
        assertThat(texter.verify().count("updateChatProperties")).isOne();
        assertThat(texter.verify().requests("getChatMessages")).extracting(ReceivedRequest::method)
                .isNotEmpty().containsOnly("GET");
    }

    @Test
    void otherEventsAreIgnored(TexterMockServer texter) {
        SupportBot.Turn turn = bot.onEvent(TexterWebhooks.parse(WebhookPayloads.chatResolved().build().json()));

        assertThat(turn.reaction()).isEqualTo(new SupportBot.Ignore("the bot ignores chatResolved"));
        assertThat(turn.sentMessageIds()).isEmpty();
        assertThat(texter.verify().all()).isEmpty();
    }

    /** Six messages: three of an earlier session, one outside sessions, two of this one (newest first, as Texter). */
    private static List<Message> conversationOnServer(TexterMockServer texter) {
        long now = NOW.toEpochMilli();
        List<Message> thisSession = List.of(message(6, now - 60_000, SESSION), message(5, now - 120_000, SESSION));
        List<Message> all = new ArrayList<>(thisSession);
        all.add(message(4, now - 86_400_000L, null));
        all.add(message(3, now - 2 * 86_400_000L, EARLIER));
        all.add(message(2, now - 2 * 86_400_000L - 1_000, EARLIER));
        all.add(message(1, now - 2 * 86_400_000L - 2_000, EARLIER));
        texter.stubs().answer("getChatMessages", new MessageList().messages(all));
        texter.wireMock().stubFor(texter.stubs().route("getChatMessages")
                .withQueryParam("botSessionId", WireMock.equalTo(SESSION))
                .willReturn(WireMock.okJson(TexterJson.mapper().valueToTree(new MessageList().messages(thisSession))
                        .toString())));
        return thisSession;
    }

    private static Message message(int n, long timestamp, String session) {
        return new Message().id(String.format("6a0000000000000000000%03d", n)).parentChat(CHAT)
                .type(MessageType.TEXT).text("message " + n).timestamp(timestamp).botSessionId(session);
    }
}
