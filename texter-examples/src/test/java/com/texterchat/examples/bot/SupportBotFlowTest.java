package com.texterchat.examples.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.examples.tour.EmbeddedTexter;
import com.texterchat.examples.webhook.WebhookReceiver;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageType;
import com.texterchat.model.Scenario;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot end to end on the simulator, with no stub: it subscribes its receiver as in production, the contact writes
 * and picks menu rows (simulated), the webhooks its subscription produced arrive, and what it did is read back
 * through the API.
 */
@TexterTest(simulator = true)
class SupportBotFlowTest {

    private static final String PHONE = "972521234567";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private WebhookReceiver receiver;
    private SupportBot bot;
    private Scenario subscription;
    private String chatId;

    /** The bot subscribed; the contact's chat, which Texter's own bot handed to the external bot. */
    @BeforeEach
    void aChatHandedToTheBot(TexterSimulator simulator, Texter texter) {
        receiver = WebhookReceiver.start(0);
        bot = new SupportBot(texter, EmbeddedTexter.clockOf(simulator));
        subscription = bot.subscribe(receiver.url().toString());

        chatId = simulator.simulate().incomingMessage(PHONE, "Hi").getParentChat();
        SupportBot.Turn beforeHandOver = bot.onEvent(receiver.take(WAIT));
        assertThat(beforeHandOver.reaction()).isInstanceOf(SupportBot.Ignore.class);
        assertThat(beforeHandOver.sentMessageIds()).isEmpty();

        simulator.simulate().externalBotSet(chatId, true);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theSubscriptionIsTexterOwnNewIncomingMessageDocument(Texter texter) {
        List<Scenario> listed = texter.eventSubscriptions().listSubscriptions((Boolean) null).getScenarios();

        assertThat(listed).extracting(Scenario::getId).containsExactly(subscription.getId());
        assertThat(listed.get(0).getActiveRevision().getName()).isEqualTo("(SUB) New Incoming Messages");
    }

    @Test
    void aMessageGetsTheMenuAndTalkToAnAgentHandsTheChatBack(TexterSimulator simulator, Texter texter) {
        simulator.simulate().incomingMessage(PHONE, "I need help with my order");
        SupportBot.Turn menu = bot.onEvent(receiver.take(WAIT));

        assertThat(menu.reaction()).isInstanceOf(SupportBot.OfferMenu.class);
        assertThat(menu.sentMessageIds()).hasSize(1);
        Message sentMenu = messages(texter).get(messages(texter).size() - 1);
        assertThat(sentMenu.getId()).isEqualTo(menu.sentMessageIds().get(0));
        assertThat(sentMenu.getType()).isEqualTo(MessageType.LIST);
        assertThat(sentMenu.getDirection()).isEqualTo(MessageDirection.OUTGOING);
        assertThat(sentMenu.getList().getSections()).hasSize(2);

        simulator.clock().advance(Duration.ofMinutes(2));
        Message picked = simulator.simulate().postback(PHONE, SupportBot.AGENT, "Talk to an agent");
        WebhookEvent choice = receiver.take(WAIT);
        SupportBot.Turn handOver = bot.onEvent(choice);

        assertThat(handOver.reaction()).isInstanceOfSatisfying(SupportBot.HandToAgent.class,
                h -> assertThat(h.botSessionId()).isEqualTo(picked.getBotSessionId()).isNotNull());
        assertThat(handOver.conversation()).isNotNull();
        assertThat(handOver.conversation().thisSession()).extracting(Message::getId)
                .contains(picked.getId()).allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(handOver.conversation().historyBySession().values().stream().mapToLong(Long::longValue).sum())
                .as("every message of the chat, counted by session").isEqualTo(messages(texter).size() - 1);
        List<Message> after = messages(texter);
        assertThat(after.get(after.size() - 1).getText()).isEqualTo(SupportBot.AGENT_TAKES_OVER);
        assertThat(after.get(after.size() - 1).getId()).isEqualTo(handOver.sentMessageIds().get(0));
        Chat chat = CustomerChats.findByPhone(texter, PHONE).orElseThrow();
        assertThat(chat.getId()).isEqualTo(chatId);
        assertThat(chat.getExternalBot()).as("handed back to Texter's routing").isFalse();
        assertThat(simulator.deliveries()).hasSize(3).allSatisfy(d -> {
            assertThat(d.scenarioId()).isEqualTo(subscription.getId());
            assertThat(d.status()).hasValue(200);
        });
    }

    @Test
    void allGoodResolvesTheChat(TexterSimulator simulator, Texter texter) {
        simulator.simulate().postback(PHONE, SupportBot.DONE, "All good, thanks");
        SupportBot.Turn turn = bot.onEvent(receiver.take(WAIT));

        assertThat(turn.reaction()).isInstanceOf(SupportBot.Resolve.class);
        assertThat(texter.chats().getChat(chatId).getStatus()).isEqualTo(ChatStatus.RESOLVED);
        assertThat(messages(texter)).last().satisfies(m -> {
            assertThat(m.getText()).isEqualTo(SupportBot.GOODBYE);
            assertThat(m.getId()).isEqualTo(turn.sentMessageIds().get(0));
        });
    }

    @Test
    void aDayLaterTheBotSendsNothingButStillResolves(TexterSimulator simulator, Texter texter) {
        simulator.simulate().postback(PHONE, SupportBot.DONE, "All good, thanks");
        WebhookEvent late = receiver.take(WAIT);
        int before = messages(texter).size();
        simulator.clock().advance(Duration.ofHours(25));

        SupportBot.Turn turn = bot.onEvent(late);

        assertThat(turn.sentMessageIds()).isEmpty();
        assertThat(messages(texter)).hasSize(before);
        assertThat(texter.chats().getChat(chatId).getStatus()).isEqualTo(ChatStatus.RESOLVED);
    }

    @Test
    void withoutTheSubscriptionNothingReachesTheBot(TexterSimulator simulator, Texter texter) {
        texter.eventSubscriptions().deleteSubscription(subscription.getId());

        simulator.simulate().incomingMessage(PHONE, "Anyone there?");

        assertThat(receiver.drain()).isEmpty();
        assertThat(simulator.deliveries()).hasSize(1); // the one before the hand-over
    }

    private List<Message> messages(Texter texter) {
        return texter.messages().getChatMessages(chatId, null, null, null, null).getMessages();
    }
}
