package com.texterchat.examples.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.texterchat.Texter;
import com.texterchat.client.error.TexterException;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioList;
import com.texterchat.model.ScenarioRevision;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscribing and unsubscribing against the test kit, and reading the typed events. */
@TexterTest
class WebhookSubscriberTest {

    private static final String URL = "https://crm.example.com/texter/webhook";

    private WebhookSubscriber subscriber;

    @BeforeEach
    void subscriber(Texter texter, TexterMockServer server) {
        subscriber = new WebhookSubscriber(texter);
        for (int i = 0; i < WebhookSubscriber.SUBSCRIPTIONS.size(); i++) {
            answerImport(server, i, 201);
        }
    }

    /** The import of SUBSCRIPTIONS[i] answers {@code status}, with a subscription of its own ID when it succeeds. */
    private static void answerImport(TexterMockServer server, int i, int status) {
        String name = WebhookSubscriber.SUBSCRIPTIONS.get(i).forUrl().apply(URL).document().getName();
        Scenario created = new Scenario().id(id(i)).activeRevision(new ScenarioRevision().name(name));
        String body = status < 300 ? TexterJson.mapper().valueToTree(created).toString()
                : "{\"success\":false,\"error\":\"Invalid scenario\"}";
        server.wireMock().stubFor(server.stubs().route("importSubscription")
                .withRequestBody(WireMock.matchingJsonPath("$.data.name", WireMock.equalTo(name)))
                .willReturn(WireMock.jsonResponse(body, status)));
    }

    private static String id(int i) {
        return String.format("6970b3c1d2e3f40123456%03d", i + 1);
    }

    @Test
    void subscribeImportsOneSubscriptionPerEventPointingAtTheUrl(TexterMockServer server) {
        List<Scenario> subscriptions = subscriber.subscribe(URL);

        assertThat(subscriptions).extracting(Scenario::getId).containsExactly(id(0), id(1), id(2));
        List<ImportSubscriptionRequest> imports = server.verify().bodies("importSubscription",
                ImportSubscriptionRequest.class);
        assertThat(imports).hasSize(3).allSatisfy(body -> {
            JsonNode action = TexterJson.mapper().valueToTree(body.getData().getActions().get(0));
            assertThat(action.path("params").path("url").asText()).isEqualTo(URL);
        });
    }

    @Test
    void unsubscribeDeletesEach(TexterMockServer server) {
        List<Scenario> subscriptions = subscriber.subscribe(URL);

        assertThat(subscriber.unsubscribe(subscriptions)).isEqualTo(3);
        assertThat(server.verify().requests("deleteSubscription")).extracting(r -> r.pathParameter("scenarioId"))
                .containsExactly(id(0), id(1), id(2));
    }

    @Test
    void aFailedImportDeletesTheOnesAlreadyImported(TexterMockServer server) {
        answerImport(server, 1, 400);

        assertThatThrownBy(() -> subscriber.subscribe(URL)).isInstanceOf(TexterException.class);
        assertThat(server.verify().count("importSubscription")).isEqualTo(2);
        assertThat(server.verify().requests("deleteSubscription")).extracting(r -> r.pathParameter("scenarioId"))
                .containsExactly(id(0));
    }

    @Test
    void existingListsTheProjectsSubscriptions(TexterMockServer server) {
        server.stubs().answer("listSubscriptions", new ScenarioList().scenarios(List.of(new Scenario().id(id(7))))
                .total(1));

        assertThat(subscriber.existing()).extracting(Scenario::getId).containsExactly(id(7));
    }

    @Test
    void describeReadsEachKindOfEvent() {
        assertThat(WebhookSubscriber.describe(TexterWebhooks.parse(WebhookPayloads.newIncomingMessage()
                .phone("972521234567").chatId("67bf11038b24880cc966f799").text("Is my order ready?").build().json())))
                .isEqualTo("+972521234567 wrote \"Is my order ready?\" in chat 67bf11038b24880cc966f799");
        assertThat(WebhookSubscriber.describe(TexterWebhooks.parse(WebhookPayloads.event("messageStatusChanged")
                .chatId("67bf11038b24880cc966f799").messageStatus(MessageStatus.SEEN).build().json())))
                .startsWith("message ").endsWith(" in chat 67bf11038b24880cc966f799 is now SEEN");
        assertThat(WebhookSubscriber.describe(TexterWebhooks.parse(WebhookPayloads.event("chatLabelsUpdated")
                .chatId("67bf11038b24880cc966f799").labelsAdded("VIP").build().json())))
                .startsWith("chat 67bf11038b24880cc966f799: labels added [VIP], removed ");
        assertThat(WebhookSubscriber.describe(TexterWebhooks.parse(
                "{\"eventName\":\"somethingNew\",\"eventData\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8))))
                .startsWith("an event this SDK version does not know");
    }
}
