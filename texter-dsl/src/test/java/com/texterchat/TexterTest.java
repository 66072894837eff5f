package com.texterchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.client.TexterClient;
import com.texterchat.dsl.TemplateSubmission;
import com.texterchat.dsl.TexterWorkflowException;
import com.texterchat.dsl.TexterWorkflowException.Step;
import com.texterchat.dsl.scenario.DraftOperation;
import com.texterchat.dsl.scenario.SubscriptionImport;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.TexterServer;
import com.texterchat.dsl.template.NewTemplateBuilder;
import com.texterchat.dsl.template.Templates;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.Scenario;
import com.texterchat.model.SendTemplateResponse;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TexterTest extends TexterServer {

    private static final String API = "/server/api/v2";
    private static final String ACCOUNT = "972509876543";
    private static final String TEMPLATES = API + "/whatsapp/templates/" + ACCOUNT;

    private static NewTemplateBuilder twoLanguages() {
        return Templates.newTemplate("Example Template", TemplateCategory.MARKETING, TemplateUsage.INBOX,
                        ReplyChatStatus.PENDING)
                .localization("en", l -> l.body("How can we help?").quickReply("About Texter"))
                .localization("he", l -> l.body("איך אפשר לעזור?"));
    }

    private static void answer(MappingBuilder request, int status, String json) {
        server.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(json)));
    }

    private static List<String> requests() {
        return server.getAllServeEvents().stream()
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).map(r -> r.getMethod() + " " + r.getUrl()).toList();
    }

    @Test
    void closingTexterClosesItsClientAndLaterCallsAreRefusedWithoutReachingTheServer() {
        Texter own = Texter.of(TexterClient.builder().baseUrl("http://127.0.0.1:" + server.port() + API)
                .token(TOKEN).build());

        own.close();
        own.close();

        assertThatThrownBy(() -> own.chats().getChat("67bf11038b24880cc966f799"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TexterClient is closed");
        assertThatThrownBy(() -> own.client().labels().listLabels(null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TexterClient is closed");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void everyApiGroupIsTheClientsOwnAndANullClientIsRefused() {
        TexterClient client = texter.client();
        assertThat(List.of(texter.chats(), texter.messages(), texter.templates(), texter.templateSubscriptions(),
                texter.labels(), texter.files(), texter.channels(), texter.quickReplies(), texter.eventSubscriptions(),
                texter.scenarios(), texter.paging()))
                .containsExactly(client.chats(), client.messages(), client.templates(), client.templateSubscriptions(),
                        client.labels(), client.files(), client.channels(), client.quickReplies(),
                        client.eventSubscriptions(), client.scenarios(), client.paging());
        assertThatThrownBy(() -> Texter.of(null)).isInstanceOf(NullPointerException.class).hasMessage("client");
    }

    @Test
    void createAndSubmitUsesTheAssignedNameForEveryLanguage() {
        answer(post(TEMPLATES), 200, "{\"_id\": \"t1\", \"name\": \"inbox_marketing_95\"}");
        answer(post(TEMPLATES + "/inbox_marketing_95/localizations"), 200, "{\"name\": \"inbox_marketing_95\"}");
        answer(post(TEMPLATES + "/inbox_marketing_95/localizations/en/submit"), 200, "{\"name\": \"inbox_marketing_95\"}");
        answer(post(TEMPLATES + "/inbox_marketing_95/localizations/he/submit"), 200,
                "{\"name\": \"inbox_marketing_95\", \"title\": \"after he\"}");

        TemplateSubmission result = texter.createAndSubmitTemplate(ACCOUNT, twoLanguages());

        assertThat(result.templateName()).isEqualTo("inbox_marketing_95");
        assertThat(result.localizedLanguages()).containsExactly("en", "he");
        assertThat(result.submittedLanguages()).containsExactly("en", "he");
        assertThat(result.template().getTitle()).isEqualTo("after he");
        assertThat(requests()).containsExactly(
                "POST " + TEMPLATES,
                "POST " + TEMPLATES + "/inbox_marketing_95/localizations",
                "POST " + TEMPLATES + "/inbox_marketing_95/localizations/en/submit",
                "POST " + TEMPLATES + "/inbox_marketing_95/localizations",
                "POST " + TEMPLATES + "/inbox_marketing_95/localizations/he/submit");
        server.verify(postRequestedFor(urlEqualTo(TEMPLATES)).withRequestBody(equalToJson(
                Json.reference("create-new-template").toString())));
        server.verify(postRequestedFor(urlEqualTo(TEMPLATES + "/inbox_marketing_95/localizations")).withRequestBody(
                equalToJson("{\"language\": \"en\", \"components\": [{\"type\": \"BODY\", \"text\": \"How can we help?\"},"
                        + "{\"type\": \"BUTTONS\", \"buttons\": [{\"type\": \"QUICK_REPLY\", \"text\": \"About Texter\"}]}]}")));
    }

    @Test
    void aDraftIsLocalizedButNotSubmitted() {
        answer(post(TEMPLATES), 200, "{\"name\": \"welcome_1\"}");
        answer(post(TEMPLATES + "/welcome_1/localizations"), 200, "{\"name\": \"welcome_1\"}");

        TemplateSubmission result = texter.createTemplateDraft(ACCOUNT, twoLanguages().name("welcome_1").build());

        assertThat(result.submittedLanguages()).isEmpty();
        assertThat(requests()).containsExactly("POST " + TEMPLATES, "POST " + TEMPLATES + "/welcome_1/localizations",
                "POST " + TEMPLATES + "/welcome_1/localizations");
    }

    @Test
    void aDraftWithoutLocalizationsIsOnlyCreatedAndLocalizedLater() {
        answer(post(TEMPLATES), 200, "{\"name\": \"inbox_utility_7\"}");
        answer(post(TEMPLATES + "/inbox_utility_7/localizations"), 200, "{\"name\": \"inbox_utility_7\", \"title\": \"later\"}");

        TemplateSubmission draft = texter.createTemplateDraft(ACCOUNT, Templates.newTemplate("Later",
                TemplateCategory.UTILITY, TemplateUsage.INBOX, ReplyChatStatus.PENDING));
        assertThat(draft.templateName()).isEqualTo("inbox_utility_7");
        assertThat(draft.localizedLanguages()).isEmpty();
        assertThat(requests()).containsExactly("POST " + TEMPLATES);

        var localized = texter.localizeTemplate(ACCOUNT, draft.templateName(), Templates.localization("en")
                .body("Hi {{first_name}}!", java.util.Map.of("first_name", "Roy")));

        assertThat(localized.getTitle()).isEqualTo("later");
        server.verify(postRequestedFor(urlEqualTo(TEMPLATES + "/inbox_utility_7/localizations")).withRequestBody(
                equalToJson("""
                        {"language": "en", "parameter_format": "NAMED", "components": [{"type": "BODY",
                         "text": "Hi {{first_name}}!",
                         "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Roy"}]}}]}""")));
    }

    @Test
    void aLocalizationBreakingARuleIsNotSent() {
        assertThatThrownBy(() -> texter.localizeTemplate(ACCOUNT, "t", Templates.localization("en").body("Hi {{2}}.", "a")))
                .isInstanceOf(com.texterchat.dsl.InvalidRequestException.class)
                .hasMessageContaining("components[0].text");
        assertThatThrownBy(() -> texter.localizeTemplate(ACCOUNT, "a/b", Templates.localization("en").body("Hi.")))
                .hasMessageContaining("templateName");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aListedTemplateIsRecreatedOnAnotherAccountInOneCall() throws Exception {
        String other = "972501112233";
        String templates = API + "/whatsapp/templates/" + other;
        answer(post(templates), 200, "{\"name\": \"inbox_marketing_95\"}");
        answer(post(templates + "/inbox_marketing_95/localizations"), 200, "{\"name\": \"inbox_marketing_95\"}");
        answer(post(templates + "/inbox_marketing_95/localizations/he/submit"), 200, "{\"name\": \"inbox_marketing_95\"}");
        var listed = Json.specResponseExample("listTemplates", "default").get(0);
        var template = com.texterchat.client.json.TexterJson.mapper().treeToValue(listed,
                com.texterchat.model.Template.class);

        TemplateSubmission result = texter.recreateTemplate(other, template);

        assertThat(result.submittedLanguages()).containsExactly("he");
        assertThat(requests()).containsExactly("POST " + templates, "POST " + templates + "/inbox_marketing_95/localizations",
                "POST " + templates + "/inbox_marketing_95/localizations/he/submit");
        server.verify(postRequestedFor(urlEqualTo(templates)).withRequestBody(equalToJson("""
                {"title": "Order ready notification", "category": "MARKETING", "chatStatus": 1, "usage": "inbox",
                 "name": "inbox_marketing_95", "isDefault": false, "departments": []}""")));
        var sent = Json.parse(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/localizations")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(sent.get("components")).isEqualTo(listed.at("/provider_template/localizations/0/components"));
        assertThat(sent.get("defaults")).isEqualTo(listed.at("/defaults/he"));
    }

    @Test
    void aFailedLocalizationNamesStepTemplateAndLanguageAndStopsThere() {
        answer(post(TEMPLATES), 200, "{\"name\": \"inbox_marketing_95\"}");
        answer(post(TEMPLATES + "/inbox_marketing_95/localizations").withRequestBody(equalToJson("{\"language\": \"en\"}", true, true)),
                200, "{}");
        answer(post(TEMPLATES + "/inbox_marketing_95/localizations/en/submit"), 200, "{}");
        answer(post(TEMPLATES + "/inbox_marketing_95/localizations").withRequestBody(equalToJson("{\"language\": \"he\"}", true, true)),
                400, "{\"error\": \"invalid component\"}");

        assertThatThrownBy(() -> texter.createAndSubmitTemplate(ACCOUNT, twoLanguages()))
                .isInstanceOfSatisfying(TexterWorkflowException.class, e -> {
                    assertThat(e.step()).isEqualTo(Step.LOCALIZE_TEMPLATE);
                    assertThat(e.target()).isEqualTo("inbox_marketing_95");
                    assertThat(e.language()).isEqualTo("he");
                    assertThat(e.completedSteps()).containsExactly("created inbox_marketing_95", "localized en",
                            "submitted en");
                    assertThat(e.getCause()).isInstanceOf(RuntimeException.class);
                    assertThat(e.getMessage()).startsWith("LOCALIZE_TEMPLATE failed for 'inbox_marketing_95', language 'he'")
                            .doesNotContain("Bearer");
                });
        assertThat(requests()).hasSize(4).doesNotContain("POST " + TEMPLATES + "/inbox_marketing_95/localizations/he/submit");
    }

    @Test
    void aFailedCreateIsReportedWithNothingCompleted() {
        answer(post(TEMPLATES), 500, "{\"error\": \"boom\"}");

        assertThatThrownBy(() -> texter.createAndSubmitTemplate(ACCOUNT, twoLanguages()))
                .isInstanceOfSatisfying(TexterWorkflowException.class, e -> {
                    assertThat(e.step()).isEqualTo(Step.CREATE_TEMPLATE);
                    assertThat(e.target()).isNull();
                    assertThat(e.language()).isNull();
                    assertThat(e.completedSteps()).isEmpty();
                    assertThat(e.getCause()).isNotNull();
                });
        assertThat(requests()).containsExactly("POST " + TEMPLATES);
    }

    @Test
    void aCreateAnswerWithoutNameStopsBeforeLocalizing() {
        answer(post(TEMPLATES), 200, "{\"_id\": \"t1\"}");

        assertThatThrownBy(() -> texter.createAndSubmitTemplate(ACCOUNT, twoLanguages()))
                .isInstanceOfSatisfying(TexterWorkflowException.class,
                        e -> assertThat(e.getCause()).hasMessageContaining("carries no template name"));
        assertThat(requests()).containsExactly("POST " + TEMPLATES);
    }

    @Test
    void aFailedSubmitNamesTheLanguage() {
        answer(post(TEMPLATES), 200, "{\"name\": \"n1\"}");
        answer(post(TEMPLATES + "/n1/localizations"), 200, "{}");
        answer(post(TEMPLATES + "/n1/localizations/en/submit"), 403, "{\"error\": \"scope\"}");

        assertThatThrownBy(() -> texter.createAndSubmitTemplate(ACCOUNT, twoLanguages()))
                .isInstanceOfSatisfying(TexterWorkflowException.class, e -> {
                    assertThat(e.step()).isEqualTo(Step.SUBMIT_TEMPLATE);
                    assertThat(e.language()).isEqualTo("en");
                    assertThat(e.completedSteps()).containsExactly("created n1", "localized en");
                });
    }

    @Test
    void sendTemplateSendsTheBuiltBody() {
        answer(post(API + "/whatsapp/templates/send"), 200, "{\"success\": true, \"messageId\": \"m1\"}");

        SendTemplateResponse sent = texter.sendTemplate(Templates.send("inbox_marketing_98", "972521234567"));

        assertThat(sent.getMessageId()).isEqualTo("m1");
        server.verify(postRequestedFor(urlEqualTo(API + "/whatsapp/templates/send"))
                .withRequestBody(equalToJson(Json.reference("send-template-message").toString())));
    }

    @Test
    void importSubscriptionPostsTheTemplate() {
        answer(post(API + "/scenarios/manage/import"), 201, "{\"_id\": \"s1\"}");

        SubscriptionImport subscription = WebhookSubscriptions.chatResolvedByAgent("https://crm.example.com/texter/webhook");
        Scenario scenario = texter.importSubscription(subscription);

        assertThat(scenario.getId()).isEqualTo("s1");
        // the spec's example with the description in this SDK's words
        ObjectNode expected = Json.specRequestExample("importSubscription", "chatResolvedByAgent").deepCopy();
        ((ObjectNode) expected.get("data")).put("description", subscription.document().getDescription());
        server.verify(postRequestedFor(urlEqualTo(API + "/scenarios/manage/import")).withRequestBody(equalToJson(
                expected.toString())));
    }

    @Test
    void copyScenarioSendsTheDocumentedBody() {
        answer(post(API + "/scenarios/manage/s1/copy"), 201, "{\"_id\": \"s2\"}");

        texter.copyScenario("s1", 2, "(SUB) All Messages - staging");

        server.verify(postRequestedFor(urlEqualTo(API + "/scenarios/manage/s1/copy"))
                .withRequestBody(equalToJson(Json.reference("copy-scenario").toString())));
        server.verify(postRequestedFor(urlEqualTo(API + "/scenarios/manage/s1/copy"))
                .withRequestBody(equalToJson(Json.specRequestExample("copyScenario", "default").toString())));
    }

    @Test
    void editAndPublishRunsBothStepsInOrder() {
        answer(patch(urlEqualTo(API + "/scenarios/manage/s1/draft")), 200, "{\"_id\": \"s1\"}");
        answer(post(API + "/scenarios/manage/s1/revisions"), 200, "{\"_id\": \"s1\", \"system\": \"published\"}");

        Scenario published = texter.editAndPublishDraft("s1", List.of(DraftOperation.rename("(SUB) VIP messages")),
                "Also deliver media messages");

        assertThat(published.getSystem()).isEqualTo("published");
        assertThat(requests()).containsExactly("PATCH " + API + "/scenarios/manage/s1/draft",
                "POST " + API + "/scenarios/manage/s1/revisions");
        server.verify(patchRequestedFor(urlEqualTo(API + "/scenarios/manage/s1/draft"))
                .withRequestBody(equalToJson("[{\"rename\": \"(SUB) VIP messages\"}]")));
        server.verify(postRequestedFor(urlEqualTo(API + "/scenarios/manage/s1/revisions")).withRequestBody(
                equalToJson(Json.specRequestExample("createScenarioRevision", "default").toString())));
    }

    @Test
    void aFailedPublishKeepsTheEditAndNamesTheStep() {
        answer(patch(urlEqualTo(API + "/scenarios/manage/s1/draft")), 200, "{\"_id\": \"s1\"}");
        answer(post(API + "/scenarios/manage/s1/revisions"), 409, "{\"error\": \"no draft\"}");

        assertThatThrownBy(() -> texter.editAndPublishDraft("s1", List.of(DraftOperation.setUnorderedActions(false)), null))
                .isInstanceOfSatisfying(TexterWorkflowException.class, e -> {
                    assertThat(e.step()).isEqualTo(Step.PUBLISH_DRAFT);
                    assertThat(e.target()).isEqualTo("s1");
                    assertThat(e.completedSteps()).containsExactly("updated draft of s1");
                });
        assertThat(requests()).hasSize(2);
    }

    @Test
    void theTokenStaysOutOfToString() {
        assertThat(texter.toString()).doesNotContain("Bearer").doesNotContain(TOKEN).contains("token=");
    }
}
