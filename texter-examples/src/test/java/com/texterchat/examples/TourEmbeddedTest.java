package com.texterchat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.Texter;
import com.texterchat.examples.bot.SupportBot;
import com.texterchat.examples.campaign.TemplateCampaign;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.examples.tour.EmbeddedTexter;
import com.texterchat.examples.tour.TourResult;
import com.texterchat.examples.tour.TourResult.ExampleRun;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.ListRow;
import com.texterchat.model.ListSection;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageType;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.simulator.TexterSimulator;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example on the test kit's simulator, the way the README's main-job command runs them, checked by what the
 * simulated project holds afterwards (read back through the API), the webhooks its subscriptions delivered, and the
 * real ids the tour printed.
 */
class TourEmbeddedTest {

    private static TexterSimulator simulator;
    private static Texter texter;

    @BeforeAll
    static void startTheDemoProject() {
        simulator = EmbeddedTexter.start();
        texter = simulator.texter();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void theWholeTourRunsOnTheSimulatorAndLeavesWhatEachExampleDid() {
        TourRun run = TourRun.embedded(simulator);

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        assertThat(run.result().examples()).extracting(ExampleRun::id)
                .containsExactly("bot", "campaign", "crm", "subscription");
        assertThat(run.result().examples()).allSatisfy(example -> {
            assertThat(example.passed()).as(example.id()).isTrue();
            assertThat(example.stepsSkipped()).as(example.id()).isZero();
        });
        assertThat(simulator.verify().unmatched()).isEmpty();
        assertThat(simulator.verify().specViolations()).isEmpty();
        String chatId = simulator.chatIdOf(EmbeddedTexter.CONTACT_PHONE).orElseThrow();

        // External bot: the subscription it imported delivered the contact's message and choice to its receiver.
        List<WebhookDelivery> deliveries = simulator.deliveries();
        assertThat(deliveries).extracting(d -> d.body().path("eventName").asText()).containsExactly(
                "newIncomingMessage", "newIncomingMessage",
                "newIncomingMessage", "messageStatusChanged", "chatLabelsUpdated");
        assertThat(deliveries).allSatisfy(d -> assertThat(d.status()).as(d.toString()).hasValue(200));
        JsonNode hello = deliveries.get(0).body().path("eventData").path("message");
        assertThat(hello.path("text").asText()).isEqualTo("Hi, I need help with my order");
        assertThat(deliveries.get(1).body().at("/eventData/message/postback/payload").asText())
                .isEqualTo(SupportBot.AGENT);
        assertThat(run.output()).contains("message " + hello.path("_id").asText());

        List<Message> messages = texter.messages().getChatMessages(chatId, null, null, null, null).getMessages();
        List<Message> menus = messages.stream().filter(m -> m.getType() == MessageType.LIST).toList();
        assertThat(menus).singleElement().satisfies(menu -> {
            assertThat(menu.getDirection()).isEqualTo(MessageDirection.OUTGOING);
            assertThat(menu.getList().getSections()).flatExtracting(ListSection::getRows).extracting(ListRow::getPayload)
                    .containsExactly(SupportBot.ORDER_STATUS, SupportBot.RETURN, SupportBot.AGENT, SupportBot.DONE);
            assertThat(run.output()).contains("rows sent (message " + menu.getId() + ")");
        });
        assertThat(messages).filteredOn(m -> SupportBot.AGENT_TAKES_OVER.equals(m.getText())).singleElement()
                .satisfies(m -> assertThat(run.output()).contains("sent (message " + m.getId() + ")"));
        // the bot read its session: the two messages the contact wrote in it
        assertThat(run.output()).contains("botSessionId ").contains("2 messages, the last with text: \""
                + "Hi, I need help with my order\"");

        // Template campaign: PENDING after Submit, APPROVED once the review delay passed on the simulator's clock.
        assertThat(run.output()).contains("en is PENDING")
                .contains("en went from PENDING to APPROVED (it is now 2025-06-01T09:30:00Z)");
        List<Template> templates = texter.templates().listTemplates(EmbeddedTexter.ACCOUNT_ID, null, null, null);
        assertThat(templates).filteredOn(t -> TemplateCampaign.TEMPLATE_NAME.equals(t.getName())).singleElement()
                .satisfies(t -> assertThat(TemplateCampaign.statusOf(t)).isEqualTo(TemplateLocalizationStatus.APPROVED));
        for (String recipient : EmbeddedTexter.RECIPIENTS) {
            Optional<String> recipientChat = simulator.chatIdOf(recipient);
            if (recipient.equals(EmbeddedTexter.UNSUBSCRIBED)) {
                assertThat(recipientChat).as("+%s unsubscribed: nothing sent, no chat", recipient).isEmpty();
                continue;
            }
            assertThat(texter.messages().getChatMessages(recipientChat.orElseThrow(), null, null, null, null)
                    .getMessages()).as("+%s", recipient).singleElement().satisfies(m -> {
                        assertThat(m.getDirection()).isEqualTo(MessageDirection.OUTGOING);
                        assertThat(m.getText()).contains("your order A-" + recipient.substring(recipient.length() - 4)
                                + " has shipped");
                        assertThat(run.output()).contains("sent (message " + m.getId() + ")");
                    });
        }
        // The injected 429 was waited out (Retry-After: 1 s) and the send repeated once; the refused one was not.
        assertThat(simulator.verify().requests("sendTemplateMessage")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(429, 200, 200, 200, 200, 200);
        assertThat(run.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(run.output())
                .contains("answered HTTP 429; retry 1 of 2 in 1000 ms")
                .contains("4 sent, 1 skipped because they unsubscribed (+972500000003), 0 failed");

        // CRM sync, then the bot's hand-over and the subscription example's label: the chat as Texter holds it now.
        Chat chat = CustomerChats.findByPhone(texter, EmbeddedTexter.CONTACT_PHONE).orElseThrow();
        assertThat(chat.getId()).isEqualTo(chatId);
        assertThat(chat.getStatus()).isEqualTo(ChatStatus.PENDING);
        assertThat(chat.getAgent().getDisplayName()).isEqualTo("Dana");
        assertThat(chat.getExternalBot()).isFalse();
        assertThat(chat.getLabels()).containsExactly(EmbeddedTexter.LABEL_ID, EmbeddedTexter.FOLLOW_UP_LABEL_ID);
        assertThat(chat.getCrmData()).containsEntry("plan", "premium").containsKey("customer");
        assertThat(chat.getCrmDeepLink()).startsWith("https://crm.example.com/leads/");
        assertThat(run.output()).contains("Read the chat back (Search Chats) ... ")
                .contains("labels [" + EmbeddedTexter.LABEL_ID + "], crmData keys [customer, plan, tags]");

        // Webhook subscription: the three subscriptions, with their own ids, are gone again, and so is the bot's.
        assertThat(texter.eventSubscriptions().listSubscriptions((Boolean) null).getScenarios()).isEmpty();
        List<String> subscriptionIds = deliveries.subList(2, 5).stream().map(WebhookDelivery::scenarioId).toList();
        assertThat(subscriptionIds).doesNotHaveDuplicates().doesNotContain(deliveries.get(0).scenarioId());
        assertThat(simulator.verify().requests("deleteSubscription")).extracting(r -> r.pathParameter("scenarioId"))
                .containsExactly(deliveries.get(0).scenarioId(), subscriptionIds.get(0), subscriptionIds.get(1),
                        subscriptionIds.get(2));
        assertThat(run.output())
                .contains("[1/3] newIncomingMessage ... +972521234567 wrote \"Is my order ready?\"")
                .contains("[2/3] messageStatusChanged ... ")
                .contains("is now SEEN")
                .contains("[3/3] chatLabelsUpdated ... ")
                .contains("labels added [" + EmbeddedTexter.FOLLOW_UP_LABEL_ID + "]")
                .contains("its subscriptions delivered 5 webhook(s)");
    }

    @Test
    void theSearchFindsTheDemoContactWithTheHistoryOfAnEarlierSession() {
        Chat chat = CustomerChats.findByPhone(texter, EmbeddedTexter.CONTACT_PHONE)
                .orElseThrow();

        assertThat(chat.getTitle()).isEqualTo(EmbeddedTexter.CONTACT_NAME);
        assertThat(chat.getExternalBot()).isTrue();
        assertThat(texter.messages().getChatMessages(chat.getId(), null, null, null, null).getMessages())
                .hasSize(4).allSatisfy(m -> assertThat(m.getBotSessionId()).isEqualTo(
                        EmbeddedTexter.EARLIER_BOT_SESSION));
    }

    @ParameterizedTest(name = "--only {0}")
    @CsvSource({
            "bot, sendMessage, sendTemplateMessage",
            "campaign, sendTemplateMessage, sendMessage",
            "crm, updateCrmData, importSubscription",
            "subscription, importSubscription, updateCrmData"})
    void eachExampleRunsOnItsOwn(String id, String itsOperation, String anotherExamplesOperation) {
        TourRun run = TourRun.embedded(simulator, "--only", id);

        TourResult result = run.result();
        assertThat(result.exitCode()).as(run.toString()).isZero();
        assertThat(result.examples()).singleElement().satisfies(example -> {
            assertThat(example.id()).isEqualTo(id);
            assertThat(example.passed()).isTrue();
            assertThat(example.stepsSkipped()).isZero();
        });
        assertThat(simulator.verify().count(itsOperation)).isPositive();
        assertThat(simulator.verify().count(anotherExamplesOperation)).isZero();
    }
}
