package com.texterchat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.examples.bot.SupportBot;
import com.texterchat.examples.campaign.TemplateCampaign;
import com.texterchat.examples.tour.EmbeddedTexter;
import com.texterchat.examples.tour.TourResult;
import com.texterchat.examples.tour.TourResult.ExampleRun;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ListSection;
import com.texterchat.model.ListRow;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdateCrmDataRequest;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.TexterRequests;
import com.texterchat.testkit.junit.TexterMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example against the test kit's embedded Texter, the way the README's main-job command runs them, checked by
 * what the embedded Texter received.
 */
class TourEmbeddedTest {

    @RegisterExtension
    static final TexterMockExtension TEXTER = new TexterMockExtension();

    private static TexterMockServer texter;
    private static String chatId;

    @BeforeAll
    static void contactChat() {
        texter = TEXTER.server();
        chatId = texter.stubs().chatExists(EmbeddedTexter.CONTACT_PHONE).getId();
    }

    @Test
    void theWholeTourCompletesAndSendsWhatEachExampleShows() {
        TourRun run = TourRun.of(texter, Map.of());

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        assertThat(run.result().examples()).extracting(ExampleRun::id)
                .containsExactly("bot", "campaign", "crm", "subscription");
        assertThat(run.result().examples()).allSatisfy(example -> {
            assertThat(example.passed()).as(example.id()).isTrue();
            assertThat(example.stepsSkipped()).as(example.id()).isZero();
        });
        TexterRequests received = texter.verify();
        assertThat(received.unmatched()).isEmpty();

        // External bot: a list menu with the four choices, then the hand-over message, then externalBot=false.
        List<SessionMessage> toChat = received.messagesSentToChat(chatId);
        assertThat(toChat).hasSize(2);
        assertThat(toChat.get(0).getType()).isEqualTo(OutgoingMessageType.LIST);
        assertThat(toChat.get(0).getList().getSections()).flatExtracting(ListSection::getRows)
                .extracting(ListRow::getPayload)
                .containsExactly(SupportBot.ORDER_STATUS, SupportBot.RETURN, SupportBot.AGENT, SupportBot.DONE);
        assertThat(toChat.get(1).getText()).isEqualTo("Thanks! An agent will take it from here.");
        assertThat(received.requests("getChatMessages")).anySatisfy(request ->
                assertThat(request.queryParameter("botSessionId")).contains(EmbeddedTexter.BOT_SESSION));
        assertThat(received.requests("getChatMessages")).anySatisfy(request -> {
            assertThat(request.queryParameter("botSessionId")).isEmpty();
            assertThat(request.queryParameter("beforeTime")).isPresent(); // the client's paging cursor
            assertThat(request.queryParameter("beforeId")).isPresent();
        });
        List<ReceivedRequest> propertyUpdates = received.requests("updateChatProperties");
        assertThat(propertyUpdates).allSatisfy(r -> assertThat(r.pathParameter("chatId")).isEqualTo(chatId));
        assertThat(received.bodies("updateChatProperties", UpdateChatPropertiesRequest.class))
                .anySatisfy(update -> assertThat(update.getExternalBot()).isFalse());
        assertThat(received.count("resolveChat")).isZero();

        // Template campaign: created, localized and submitted under its name, then sent to every recipient.
        ReceivedRequest created = received.requests("createTemplate").get(0);
        assertThat(created.pathParameter("accountId")).isEqualTo(EmbeddedTexter.ACCOUNT_ID);
        assertThat(created.body(CreateTemplateRequest.class).getName()).isEqualTo(TemplateCampaign.TEMPLATE_NAME);
        assertThat(received.requests("upsertTemplateLocalization")).singleElement()
                .satisfies(r -> assertThat(r.pathParameter("templateName")).isEqualTo(TemplateCampaign.TEMPLATE_NAME));
        assertThat(received.requests("submitTemplateLocalization")).singleElement()
                .satisfies(r -> assertThat(r.pathParameter("language")).isEqualTo("en"));
        for (String recipient : EmbeddedTexter.RECIPIENTS) {
            SendTemplateRequest sent = received.templatesSentTo(recipient).get(0);
            assertThat(sent.getTemplateName()).isEqualTo(TemplateCampaign.TEMPLATE_NAME);
            assertThat(sent.getLanguage()).isEqualTo("en");
            assertThat(sent.getBody()).hasSize(2).last().isEqualTo("A-" + recipient.substring(recipient.length() - 4));
        }
        // The injected 429 was waited out (Retry-After: 1 s) and the send repeated once; the refused one was not.
        assertThat(received.requests("sendTemplateMessage")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(429, 200, 200, 200, 200, 200);
        assertThat(received.templatesSentTo(EmbeddedTexter.RECIPIENTS.get(0))).hasSize(2);
        assertThat(received.templatesSentTo(EmbeddedTexter.RECIPIENTS.get(2))).hasSize(1);
        assertThat(run.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(run.output())
                .contains("answered HTTP 429; retry 1 of 2 in 1000 ms")
                .contains("4 sent, 1 skipped because they unsubscribed (+972500000003), 0 failed");

        // CRM sync: merged CRM data, the VIP label, the agent.
        UpdateCrmDataRequest crm = received.bodies("updateCrmData", UpdateCrmDataRequest.class).get(0);
        assertThat(crm.getStrategy()).isEqualTo(UpdateCrmDataRequest.StrategyEnum.DEEP_MERGE);
        assertThat(crm.getData()).containsEntry("plan", "premium").containsKey("customer");
        assertThat(received.requests("updateCrmData").get(0).pathParameter("chatId")).isEqualTo(chatId);
        assertThat(received.bodies("updateChatProperties", UpdateChatPropertiesRequest.class))
                .anySatisfy(update -> assertThat(update.getCrmDeepLink()).startsWith("https://crm.example.com/leads/"));
        assertThat(received.bodies("manageChatLabels", ManageChatLabelsRequest.class)).singleElement()
                .satisfies(labels -> assertThat(labels.getAdd()).containsExactly("VIP"));
        assertThat(received.bodies("assignChat", AssignChatRequest.class)).singleElement().satisfies(assign -> {
            assertThat(assign.getChatId()).isEqualTo(chatId);
            assertThat(assign.getAgentEmail()).isEqualTo(EmbeddedTexter.AGENT_EMAIL);
        });

        // Webhook subscription: three imports pointing at the local receiver, deleted again afterwards.
        List<ImportSubscriptionRequest> imports = received.bodies("importSubscription", ImportSubscriptionRequest.class);
        assertThat(imports).hasSize(3).allSatisfy(body -> {
            JsonNode request = TexterJson.mapper().valueToTree(body.getData().getActions().get(0)).path("params");
            assertThat(request.path("url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/texter/webhook");
        });
        assertThat(received.requests("deleteSubscription")).extracting(r -> r.pathParameter("scenarioId"))
                .containsExactly("6970b3c1d2e3f40123456001", "6970b3c1d2e3f40123456002", "6970b3c1d2e3f40123456003");
        assertThat(run.output())
                .contains("[1/3] newIncomingMessage ... +972521234567 wrote \"Is my order ready?\"")
                .contains("[2/3] messageStatusChanged ... ")
                .contains("is now SEEN")
                .contains("[3/3] chatLabelsUpdated ... ")
                .contains("labels added [VIP]");
    }

    @ParameterizedTest(name = "--only {0}")
    @CsvSource({
            "bot, sendMessage, sendTemplateMessage",
            "campaign, sendTemplateMessage, sendMessage",
            "crm, updateCrmData, importSubscription",
            "subscription, importSubscription, updateCrmData"})
    void eachExampleRunsOnItsOwn(String id, String itsOperation, String anotherExamplesOperation) {
        TourRun run = TourRun.of(texter, Map.of(), "--only", id);

        TourResult result = run.result();
        assertThat(result.exitCode()).as(run.toString()).isZero();
        assertThat(result.examples()).singleElement().satisfies(example -> {
            assertThat(example.id()).isEqualTo(id);
            assertThat(example.passed()).isTrue();
        });
        assertThat(texter.verify().count(itsOperation)).isPositive();
        assertThat(texter.verify().count(anotherExamplesOperation)).isZero();
    }
}
