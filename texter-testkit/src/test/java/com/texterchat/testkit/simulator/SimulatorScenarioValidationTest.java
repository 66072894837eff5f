package com.texterchat.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterBadRequestException;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.testkit.RawHttp;
import com.texterchat.testkit.junit.TexterTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario documents at Import Subscription, Create Empty Scenario, Update Draft and Create Revision: what Texter
 * cannot accept is a 400 naming the part, and nothing is stored; what Texter accepts but the simulator's engine does
 * not run is stored, and the reason listed under {@code scenarioErrors} when an event would run it.
 */
@TexterTest(simulator = true)
class SimulatorScenarioValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "\"triggerEvents\": [\"domain.message.created\"]";

    private static String document(String conditions, String actions) {
        return "{\"version\": \"v1\", \"name\": \"Probe\", " + CREATED + ", \"conditions\": " + conditions
                + ", \"actions\": " + actions + "}";
    }

    private static String noop() {
        return "[{\"name\": \"noop\"}]";
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "[[{\"name\": \"filtrex\", \"params\": {\"expression\": \"status ==\"}}]] # [{\"name\": \"noop\"}]"
                + " # data.conditions[0][0].params.expression: malformed filtrex expression \"status ==\"",
        "[[{\"name\": \"filtrex\", \"params\": {}}]] # [{\"name\": \"noop\"}]"
                + " # data.conditions[0][0].params.expression: a filtrex condition needs its expression",
        "[[{\"name\": \"compare\", \"params\": {\"comparison\": \"Roughly\"}}]] # [{\"name\": \"noop\"}]"
                + " # data.conditions[0][0].params.comparison: \"Roughly\" is not a comparison",
        "[] # [{\"name\": \"request\", \"params\": {\"method\": \"POST\"}}]"
                + " # data.actions[0].params.url: a request action needs the URL to call",
        "[] # [{\"name\": \"request\", \"params\": {\"url\": \"http://127.0.0.1/%chat:_id|toString(%\"}}]"
                + " # data.actions[0].params.url: ",
    })
    void importRefusesADocumentTexterCannotAccept(String conditions, String actions, String reason) {
        HttpResponse<String> answer = importRaw(document(conditions, actions));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).path("success").asBoolean(true)).isFalse();
        assertThat(json(answer).path("error").asText()).startsWith("Invalid scenario: " + reason.strip());
    }

    @Test
    void aRefusedImportStoresNothingAndTheClientSeesABadRequest(TexterClient client, TexterSimulator simulator)
            throws IOException {
        ImportSubscriptionRequest request = JSON.readValue("{\"data\": " + document(
                "[[{\"name\": \"filtrex\", \"params\": {\"expression\": \"(status == 2\"}}]]", noop()) + "}",
                ImportSubscriptionRequest.class);
        // the generated API, not Texter.importSubscription: the SDK's own rules would refuse some documents first
        assertThatThrownBy(() -> client.eventSubscriptions().importSubscription(request))
                .isInstanceOf(TexterBadRequestException.class)
                .hasMessageContaining("data.conditions[0][0].params.expression: malformed filtrex expression");
        assertThat(client.eventSubscriptions().listSubscriptions((Boolean) null).getTotal()).isZero();
        assertThat(simulator.verify().specViolations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "a condition kind the engine lacks # [[{\"name\": \"workingHours\", \"params\": {}}]] # " + "[{\"name\": \"noop\"}]"
                + " # conditions[0][0].name: condition kind \"workingHours\" is not one the simulator runs",
        "a transformer the engine lacks # [] # [{\"name\": \"request\", \"params\": {\"url\":"
                + " \"http://127.0.0.1:9/%chat:_id|replace(\\\"a\\\", \\\"b\\\")%\"}}]"
                + " # actions[0].params.url: transformer |replace is not one the simulator runs",
        "a filtrex operator the engine lacks # [[{\"name\": \"filtrex\", \"params\": {\"expression\": \"2 ^ 2 == 4\"}}]]"
                + " # [{\"name\": \"noop\"}] # cannot be evaluated by the simulator: the power operator ^",
        "no actions # [] # [] # actions: a scenario needs at least one action, was an empty list",
    })
    void importKeepsADocumentOnlyTheEngineCannotRunAndListsWhyWhenItWouldRun(String what, String conditions,
            String actions, String reason, TexterSimulator simulator) {
        HttpResponse<String> answer = importRaw(document(conditions, actions));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String scenarioId = json(answer).path("_id").asText();
        assertThat(simulator.client().eventSubscriptions().listSubscriptions((Boolean) null).getTotal()).isEqualTo(1);

        simulator.simulate().incomingMessage("0521234567", "Hi");

        JsonNode errors = state(simulator).path("scenarioErrors");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.asText()).startsWith(scenarioId + " (Probe)"
                + " on domain.message.created").contains(reason.strip()));
    }

    @Test
    void updateDraftRefusesAnEditTexterCannotAcceptAndKeepsTheDraft(TexterSimulator simulator) {
        String scenarioId = json(ok(RawHttp.send("POST", simulator.apiBaseUrl() + "/scenarios/manage",
                "{\"name\": \"Draft\", \"triggerEvent\": \"domain.message.created\"}"), 201)).path("_id").asText();
        String draftUrl = simulator.apiBaseUrl() + "/scenarios/manage/" + scenarioId + "/draft";

        HttpResponse<String> refused = RawHttp.send("PATCH", draftUrl, "[{\"rename\": \"Renamed\"}, {\"addCondition\":"
                + " {\"name\": \"filtrex\", \"groupIndex\": 0, \"params\": {\"expression\": \"status = 2\"}}}]");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("error").asText()).startsWith("Invalid scenario: draft.conditions[0][0].params"
                + ".expression: malformed filtrex expression \"status = 2\"");

        JsonNode draft = draft(simulator, scenarioId);
        assertThat(draft.path("name").asText()).isEqualTo("Draft"); // the whole edit was refused, rename included
        assertThat(draft.path("conditions")).isEmpty();

        ok(RawHttp.send("PATCH", draftUrl, "[{\"addCondition\": {\"name\": \"workingHours\", \"groupIndex\": 0}}]"),
                200);
        assertThat(draft(simulator, scenarioId).path("conditions").path(0).path(0).path("name").asText())
                .isEqualTo("workingHours");
    }

    @Test
    void createEmptyScenarioRefusesABlankTriggerEvent(TexterSimulator simulator) {
        HttpResponse<String> refused = RawHttp.send("POST", simulator.apiBaseUrl() + "/scenarios/manage",
                "{\"name\": \"Draft\", \"triggerEvent\": \" \"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("error").asText()).contains("triggerEvent");
        assertThat(simulator.client().eventSubscriptions().listSubscriptions((Boolean) null).getTotal()).isZero();
    }

    @Test
    void publishingADraftWithoutTriggerEventsIsRefused(TexterSimulator simulator) {
        String scenarioId = json(ok(RawHttp.send("POST", simulator.apiBaseUrl() + "/scenarios/manage",
                "{\"name\": \"Draft\", \"triggerEvent\": \"domain.message.created\"}"), 201)).path("_id").asText();
        String base = simulator.apiBaseUrl() + "/scenarios/manage/" + scenarioId;
        ok(RawHttp.send("PATCH", base + "/draft", "[{\"removeTriggerEvent\": \"domain.message.created\"}]"), 200);

        HttpResponse<String> refused = RawHttp.send("POST", base + "/revisions", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("error").asText())
                .startsWith("Invalid scenario: draft.triggerEvents: needs at least one trigger event");
        assertThat(draft(simulator, scenarioId).isObject()).isTrue(); // the draft is still there
    }

    private static JsonNode draft(TexterSimulator simulator, String scenarioId) {
        for (JsonNode scenario : state(simulator).path("subscriptions")) {
            if (scenario.path("_id").asText().equals(scenarioId)) {
                return scenario.path("drafts").path(0);
            }
        }
        throw new AssertionError("no scenario " + scenarioId + " in " + simulator.state());
    }

    private static HttpResponse<String> importRaw(String document) {
        return RawHttp.send("POST", currentApi + "/scenarios/manage/import", "{\"data\": " + document + "}");
    }

    private static String currentApi;

    @org.junit.jupiter.api.BeforeEach
    void remember(TexterSimulator simulator) {
        currentApi = simulator.apiBaseUrl();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode state(TexterSimulator simulator) {
        try {
            return JSON.readTree(simulator.state());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
