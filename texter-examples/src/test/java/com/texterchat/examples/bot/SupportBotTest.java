package com.texterchat.examples.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.Texter;
import com.texterchat.examples.tour.Steps;
import com.texterchat.model.MessageType;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.Postback;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayloadBuilder;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's decisions, each fed the webhook Texter would send and checked by what reached Texter. */
@TexterTest
class SupportBotTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String CHAT = "67bf11038b24880cc966f799";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private SupportBot bot;

    @BeforeEach
    void bot(TexterMockServer texter) {
        bot = botWith(texter, null);
    }

    private SupportBot botWith(TexterMockServer texter, String chatWritesBlocked) {
        return new SupportBot(Texter.of(texter.client()), Steps.printingTo(
                new PrintStream(printed, true, StandardCharsets.UTF_8), null), Clock.fixed(NOW, ZoneOffset.UTC),
                chatWritesBlocked);
    }

    private static WebhookPayloadBuilder<?> message(Instant at, boolean externalBot) {
        return WebhookPayloads.newIncomingMessage().chatId(CHAT).text("Hi").timestamp(at)
                .chat(chat -> chat.setExternalBot(externalBot));
    }

    private static WebhookEvent choice(String payload) {
        return TexterWebhooks.parse(message(NOW.minusSeconds(5), true).message(m -> {
            m.setType(MessageType.POSTBACK);
            m.setText(null);
            m.setPostback(new Postback().payload(payload).title(payload));
        }).build().json());
    }

    @Test
    void theMenuPassesTheDslRules() {
        SessionMessage menu = SupportBot.menu("Roy");

        assertThat(menu.getType()).isEqualTo(OutgoingMessageType.LIST);
        assertThat(menu.getText()).isEqualTo("Hi Roy! How can we help?");
        assertThat(menu.getList().getSections()).hasSize(2);
    }

    @Test
    void aMessageGetsTheMenu(TexterMockServer texter) {
        bot.onEvent(TexterWebhooks.parse(message(NOW.minusSeconds(5), true).build().json()));

        assertThat(texter.verify().messageSentToChat(CHAT).getType()).isEqualTo(OutgoingMessageType.LIST);
    }

    @Test
    void aChatJustHandedToTheBotGetsTheMenu(TexterMockServer texter) {
        bot.onEvent(TexterWebhooks.parse(WebhookPayloads.externalBotEnabled().chatId(CHAT)
                .chat(chat -> chat.setLastIncomingMessageTimestamp(NOW.minusSeconds(60).toEpochMilli())).build().json()));

        assertThat(texter.verify().messageSentToChat(CHAT).getList()).isNotNull();
    }

    @Test
    void noSessionMessageOnceTheTwentyFourHourWindowClosed(TexterMockServer texter) {
        bot.onEvent(TexterWebhooks.parse(message(NOW.minus(Duration.ofHours(25)), true).build().json()));

        texter.verify().noMessageSentToChat(CHAT);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("skipped: WhatsApp's 24-hour window is closed");
    }

    @Test
    void chatsNotHandedToAnExternalBotAreLeftToTexter(TexterMockServer texter) {
        bot.onEvent(TexterWebhooks.parse(message(NOW.minusSeconds(5), false).build().json()));

        assertThat(texter.verify().all()).isEmpty();
    }

    @Test
    void allGoodResolvesTheChat(TexterMockServer texter) {
        bot.onEvent(choice(SupportBot.DONE));

        assertThat(texter.verify().messageSentToChat(CHAT).getText()).startsWith("Glad we could help");
        assertThat(texter.verify().requests("resolveChat")).singleElement().satisfies(request -> {
            assertThat(request.pathParameter("chatId")).isEqualTo(CHAT);
            assertThat(request.body(ResolveChatRequest.class).getNotifyClient()).isFalse();
        });
        assertThat(texter.verify().count("updateChatProperties")).isZero();
    }

    @Test
    void theOrderStatusIsAnsweredAndTheBotKeepsTheChat(TexterMockServer texter) {
        bot.onEvent(choice(SupportBot.ORDER_STATUS));

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
    void aBlockedChatIsReadButNotWrittenTo(TexterMockServer texter) {
        botWith(texter, "picked for reading only").onEvent(choice(SupportBot.AGENT));

        assertThat(texter.verify().all()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(texter.verify().count("getChatMessages")).isPositive();
    }

    @Test
    void otherEventsAreIgnored(TexterMockServer texter) {
        bot.onEvent(TexterWebhooks.parse(WebhookPayloads.chatResolved().build().json()));

        assertThat(texter.verify().all()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the bot ignores chatResolved");
    }
}
