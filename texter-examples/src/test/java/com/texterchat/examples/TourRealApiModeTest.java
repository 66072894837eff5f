package com.texterchat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.examples.campaign.TemplateCampaign;
import com.texterchat.examples.tour.TourResult.ExampleRun;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ProviderTemplate;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateLocalization;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterMockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tour in real-API mode: {@code TEXTER_PROJECT_ID} / {@code TEXTER_API_TOKEN} / {@code TEXTER_BASE_URL} point it at
 * a WireMock server playing a customer's Texter project (the test kit's server, primed like a real project), so the
 * environment-variable path runs end to end without an account.
 */
class TourRealApiModeTest {

    private static final String TOKEN = "live-token-7Hq2Zr9xW3";
    private static final String PHONE = "972541112233";
    private static final String ACCOUNT = "972539998877";
    private static final String WEBHOOK_URL = "https://hooks.example.com/texter";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");

    @RegisterExtension
    static final TexterMockExtension TEXTER = new TexterMockExtension();

    private TexterMockServer project;
    private Chat contactChat;

    /** A project where the contact wrote an hour ago and the campaign's template is approved already. */
    @BeforeEach
    void aRealProject() {
        project = TEXTER.server();
        Chat chat = project.stubs().chatExists(PHONE);
        chat.getChannelInfo().setAccountId(ACCOUNT);
        contactChat = project.stubs().chatExists(chat.status(ChatStatus.PENDING)
                .lastIncomingMessageTimestamp(Instant.now().minus(Duration.ofHours(1)).toEpochMilli()));
        project.stubs().templates(approvedCampaignTemplate());
    }

    private Map<String, String> environment(String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TEXTER_PROJECT_ID", "acme",
                "TEXTER_BASE_URL", project.apiBaseUrl(),
                "TEXTER_API_TOKEN", TOKEN,
                "TEXTER_TOUR_PHONE", "+" + PHONE,
                "TEXTER_TOUR_AGENT_EMAIL", "agent@acme.example",
                "TEXTER_TOUR_WEBHOOK_URL", WEBHOOK_URL));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void withoutTheFlagOnlyReadsAndSaysWhatItSkipped() {
        TourRun run = TourRun.realApi(environment());

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        List<ReceivedRequest> received = project.verify().all();
        assertThat(received).isNotEmpty()
                .allSatisfy(request -> assertThat(request.method()).as(request.toString()).isEqualTo("GET"))
                .allSatisfy(request -> assertThat(request.header("Authorization")).contains("Bearer " + TOKEN));
        assertThat(received).extracting(r -> r.operationId().orElse("?"))
                .contains("searchChats", "getChatMessages", "listTemplates", "listUnsubscribedUsersByAccount",
                        "listLabels", "listSubscriptions");
        assertThat(run.output())
                .contains("against your Texter project at " + project.apiBaseUrl())
                .contains("Read-only")
                .contains("Answer with a list menu (Send a Message to Chat) ... skipped: writes are off")
                .contains("Merge the record into the chat's crmData (Update CRM Data, deepMerge) ... skipped: writes are off")
                .contains("(Send Template Message) ... skipped: writes are off")
                .doesNotContain(TOKEN);
        assertThat(run.result().examples()).allSatisfy(example -> {
            assertThat(example.passed()).isTrue();
            assertThat(example.stepsSkipped()).as(example.id()).isPositive();
        });
    }

    @Test
    void withTheFlagWritesToTheNamedContactAndProject() {
        TourRun run = TourRun.realApi(environment(), "--allow-sends");

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains("Writes are ON").doesNotContain(TOKEN);
        assertThat(project.verify().all()).filteredOn(r -> WRITE_METHODS.contains(r.method()))
                .allSatisfy(request -> assertThat(request.header("Authorization")).contains("Bearer " + TOKEN))
                .extracting(r -> r.operationId().orElse("?"))
                .contains("sendMessage", "updateChatProperties", "sendTemplateMessage", "updateCrmData",
                        "manageChatLabels", "assignChat", "importSubscription", "deleteSubscription")
                .doesNotContain("createTemplate"); // the template exists and is approved: reused
        List<SessionMessage> toContact = project.verify().messagesSentToChat(contactChat.getId());
        assertThat(toContact).isNotEmpty();
        assertThat(project.verify().templateSentTo(PHONE).getTemplateName())
                .isEqualTo(TemplateCampaign.TEMPLATE_NAME);
        assertThat(project.verify().requests("assignChat")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("agent@acme.example"));
        assertThat(project.verify().bodies("importSubscription", ImportSubscriptionRequest.class)).hasSize(3)
                .allSatisfy(body -> {
                    JsonNode action = TexterJson.mapper().valueToTree(body.getData().getActions().get(0));
                    assertThat(action.path("params").path("url").asText()).isEqualTo(WEBHOOK_URL);
                });
        assertThat(run.result().examples()).allSatisfy(example -> assertThat(example.passed()).isTrue());
    }

    @Test
    void theFlagCanComeFromTheEnvironment() {
        TourRun run = TourRun.realApi(environment("TEXTER_TOUR_ALLOW_SENDS", "true"), "--only", "crm");

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        assertThat(project.verify().count("updateCrmData")).isOne();
        assertThat(project.verify().count("assignChat")).isOne();
    }

    @Test
    void aChatPickedWithoutTexterTourPhoneIsOnlyRead() {
        Map<String, String> env = environment();
        env.remove("TEXTER_TOUR_PHONE");

        TourRun run = TourRun.realApi(env, "--allow-sends", "--only", "bot,crm");

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        assertThat(project.verify().all()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(run.output()).contains("the examples read the most recent chat")
                .contains("skipped: this chat was picked for reading only");
    }

    @Test
    void aTemplateAwaitingApprovalIsSubmittedButNotSent() {
        project.stubs().templatesNamed("inbox_marketing_95");

        TourRun run = TourRun.realApi(environment(), "--allow-sends", "--only", "campaign");

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        assertThat(project.verify().requests("createTemplate")).singleElement()
                .satisfies(r -> assertThat(r.pathParameter("accountId")).isEqualTo(ACCOUNT));
        assertThat(project.verify().count("submitTemplateLocalization")).isOne();
        assertThat(project.verify().count("sendTemplateMessage")).isZero();
        assertThat(run.output()).contains("skipped: WhatsApp has not approved en yet (status REQUESTED)");
    }

    @Test
    void theBotSendsNoSessionMessageOutsideTheTwentyFourHourWindow() {
        project.stubs().chatExists(contactChat.lastIncomingMessageTimestamp(
                Instant.now().minus(Duration.ofDays(3)).toEpochMilli()));

        TourRun run = TourRun.realApi(environment(), "--allow-sends", "--only", "bot");

        assertThat(run.result().exitCode()).as(run.toString()).isZero();
        project.verify().noMessageSentToChat(contactChat.getId());
        assertThat(project.verify().bodies("updateChatProperties", UpdateChatPropertiesRequest.class))
                .singleElement().satisfies(update -> assertThat(update.getExternalBot()).isFalse());
        assertThat(run.output()).contains("skipped: WhatsApp's 24-hour window is closed");
    }

    @Test
    void aRejectedTokenEndsTheTourWithoutPrintingIt() {
        project.fault("searchChats").status(401, "{\"success\":false,\"error\":\"Invalid token\"}");

        TourRun run = TourRun.realApi(environment());

        assertThat(run.result().exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("could not read the project").contains("TexterUnauthorizedException")
                .doesNotContain(TOKEN);
    }

    @Test
    void aProjectWithoutATokenIsAConfigurationError() {
        TourRun run = TourRun.realApi(Map.of("TEXTER_PROJECT_ID", "acme"));

        assertThat(run.result().exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("TEXTER_API_TOKEN is not set");
        assertThat(project.verify().all()).isEmpty();
    }

    @Test
    void theSummaryListsEveryExample() {
        TourRun run = TourRun.realApi(environment());

        assertThat(run.result().examples()).extracting(ExampleRun::title)
                .containsExactly("External bot", "Template campaign", "CRM sync", "Webhook subscription");
        assertThat(run.output()).contains("All 4 example(s) completed.");
    }

    private static Template approvedCampaignTemplate() {
        return new Template().id("6a2000000000000000000001").name(TemplateCampaign.TEMPLATE_NAME)
                .providerTemplate(new ProviderTemplate().name(TemplateCampaign.TEMPLATE_NAME)
                        .localizations(List.of(new TemplateLocalization().language("en")
                                .status(TemplateLocalizationStatus.APPROVED))));
    }
}
