package com.texterchat.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.testkit.RawHttp;
import com.texterchat.testkit.internal.admin.Standalone;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin endpoints under {@code /__texter} over real HTTP, on a simulator started as the standalone jar starts it
 * (in-process): each endpoint, what it changes as the API reads it back, and bad input naming the field.
 */
class AdminEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NIV = "0521234567";

    private static Standalone standalone;
    private static TexterSimulator simulator;
    private static String admin;
    private static String api;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws URISyntaxException, IOException {
        Path seed = Path.of(AdminEndpointsTest.class.getResource("/simulator/shop-seed.json").toURI());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Standalone.Launch launch = Standalone.launch(new String[] {"--port", "0", "--seed", seed.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(launch.exitCode()).isZero();
        standalone = launch.running();
        simulator = standalone.simulator();
        admin = simulator.baseUrl() + "/__texter";
        api = simulator.apiBaseUrl();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("base URL: " + api)
                .contains("token:    texter-testkit-fake-token").contains("admin:    " + admin + "/");

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        standalone.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        received.clear();
    }

    @Test
    void theIndexListsEveryEndpoint() {
        JsonNode index = ok("GET", admin + "/", null);
        assertThat(index.path("endpoints").fieldNames()).toIterable().contains("POST /__texter/simulate/postback",
                "GET /__texter/state", "GET /__texter/deliveries", "POST /__texter/reset",
                "POST /__texter/clock/advance");
    }

    @Test
    void anIncomingMessageIsStoredAndReadBackThroughTheApi() {
        JsonNode answer = ok("POST", admin + "/simulate/incomingMessage",
                "{\"phone\": \"0529999999\", \"text\": \"Do you ship to Eilat?\"}");
        String chatId = answer.path("chatId").asText();
        assertThat(answer.path("messageId").asText()).matches("[0-9a-f]{24}");
        assertThat(answer.path("message").path("text").asText()).isEqualTo("Do you ship to Eilat?");

        JsonNode messages = apiGet("/messages/chat/" + chatId).path("messages");
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.path("_id").asText()).isEqualTo(answer.path("messageId").asText());
            assertThat(m.path("text").asText()).isEqualTo("Do you ship to Eilat?");
        });
    }

    @Test
    void anIncomingMessageToANamedAccountTakesTheTitle() {
        JsonNode answer = ok("POST", admin + "/simulate/incomingMessage", "{\"phone\": \"0529999999\","
                + " \"accountId\": \"972509876543\", \"title\": \"Dana\", \"text\": \"Hi\"}");
        assertThat(apiGet("/chats/" + answer.path("chatId").asText()).path("title").asText()).isEqualTo("Dana");
    }

    @Test
    void incomingMediaAnswersItsFileId() {
        JsonNode answer = ok("POST", admin + "/simulate/incomingMedia", "{\"phone\": \"" + NIV + "\", \"mediaType\":"
                + " \"document\", \"filename\": \"receipt.pdf\", \"contentType\": \"application/pdf\"}");
        assertThat(answer.path("fileId").asText()).isNotBlank();
        assertThat(answer.path("message").path("media").path(0).path("filename").asText()).isEqualTo("receipt.pdf");
    }

    @Test
    void aPostbackIsStoredWithItsPayload() {
        JsonNode answer = ok("POST", admin + "/simulate/postback",
                "{\"phone\": \"" + NIV + "\", \"payload\": \"track\", \"title\": \"Track my order\"}");
        JsonNode last = last(apiGet("/messages/chat/" + answer.path("chatId").asText()).path("messages"));
        assertThat(last.path("postback").path("payload").asText()).isEqualTo("track");
    }

    @ParameterizedTest
    @CsvSource({"\"SEEN\", 3", "\"delivered\", 2", "4, 4"})
    void aMessageStatusChangesTheMessage(String status, int expected) {
        String chatId = simulator.chatIdOf(NIV).orElseThrow();
        JsonNode sent = apiSend("POST", "/messages/send/" + chatId, "{\"type\": \"text\", \"text\": \"Ready!\"}");
        String messageId = sent.path("messages").path(0).path("_id").asText();
        assertThat(messageId).matches("[0-9a-f]{24}");
        JsonNode answer = ok("POST", admin + "/simulate/messageStatus",
                "{\"messageId\": \"" + messageId + "\", \"status\": " + status + "}");
        assertThat(answer.path("message").path("status").asInt()).isEqualTo(expected);
        assertThat(last(apiGet("/messages/chat/" + chatId).path("messages")).path("status").asInt())
                .isEqualTo(expected);
    }

    @Test
    void anAgentTakesAndResolvesAChat() {
        String chatId = simulator.chatIdOf(NIV).orElseThrow();
        JsonNode taken = ok("POST", admin + "/simulate/agentTakes", "{\"chatId\": \"" + chatId + "\", \"agent\":"
                + " {\"displayName\": \"Dana\", \"email\": \"dana@shop.example\"}}");
        assertThat(taken.path("agentId").asText()).isNotBlank();
        assertThat(apiGet("/chats/" + chatId).path("status").asInt()).isEqualTo(2);

        ok("POST", admin + "/simulate/agentResolves", "{\"chatId\": \"" + chatId + "\"}");
        assertThat(apiGet("/chats/" + chatId).path("status").asInt()).isEqualTo(3);
    }

    @Test
    void externalBotSetIsAccepted() {
        String chatId = simulator.chatIdOf(NIV).orElseThrow();
        assertThat(ok("POST", admin + "/simulate/externalBotSet", "{\"chatId\": \"" + chatId + "\", \"enabled\": true}")
                .path("chatId").asText()).isEqualTo(chatId);
    }

    @Test
    void templateDecisionsChangeTheLocalization() {
        ok("POST", admin + "/simulate/templateRejected",
                "{\"name\": \"order_ready\", \"language\": \"he\", \"reason\": \"INVALID_FORMAT\"}");
        assertThat(localizationStatus()).isEqualTo("REJECTED");
        ok("POST", admin + "/simulate/templateApproved", "{\"name\": \"order_ready\", \"language\": \"he\"}");
        assertThat(localizationStatus()).isEqualTo("APPROVED");
    }

    @Test
    void aChannelProblemStartsAndEnds() {
        JsonNode problem = ok("POST", admin + "/simulate/channelProblem", "{\"name\": \"limited\", \"severity\":"
                + " \"warning\", \"message\": \"Limited messaging\"}");
        String problemId = problem.path("problemId").asText();
        assertThat(apiGet("/channels/problems").toString()).contains(problemId);

        JsonNode recovered = ok("POST", admin + "/simulate/channelRecovered", "{\"problemId\": \"" + problemId + "\"}");
        assertThat(recovered.path("problem").path("resolvedAt").isNumber()).isTrue();
        assertThat(apiGet("/channels/problems").toString()).doesNotContain(problemId);
    }

    @Test
    void deliveriesListWhatTheImportedSubscriptionsSent() {
        simulator.texter().importSubscription(WebhookSubscriptions.newIncomingMessages(
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/texter"));
        ok("POST", admin + "/simulate/incomingMessage", "{\"phone\": \"" + NIV + "\", \"text\": \"Hello?\"}");

        JsonNode deliveries = JSON.valueToTree(parse(RawHttp.send("GET", admin + "/deliveries", null), 200));
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.path("trigger").asText()).isEqualTo("domain.message.created");
            assertThat(d.path("method").asText()).isEqualTo("POST");
            assertThat(d.path("status").asInt()).isEqualTo(204);
            assertThat(d.path("error").isNull()).isTrue();
            assertThat(d.path("body").toString()).contains("Hello?");
        });
        assertThat(received).singleElement().asString().contains("Hello?");
    }

    @Test
    void theStateDumpShowsTheProject() {
        JsonNode state = state();
        assertThat(state.path("chats")).hasSize(1);
        assertThat(state.path("labels").toString()).contains("VIP");
    }

    @Test
    void resetPutsTheProjectBackToItsSeed() {
        ok("POST", admin + "/simulate/incomingMessage", "{\"phone\": \"0529999999\", \"text\": \"Hi\"}");
        ok("POST", admin + "/clock/advance", "{\"seconds\": 60}");
        assertThat(state().path("chats")).hasSize(2);

        JsonNode answer = ok("POST", admin + "/reset", null);
        assertThat(answer.path("now").asText()).isEqualTo("2025-09-01T10:00:00Z");
        assertThat(state().path("chats")).hasSize(1);
        assertThat(apiGet("/chats/search?includeEmptyChats=true").path("data")).hasSize(1);
    }

    @Test
    void theClockMovesForward() {
        assertThat(ok("GET", admin + "/clock", null).path("now").asText()).isEqualTo("2025-09-01T10:00:00Z");
        JsonNode moved = ok("POST", admin + "/clock/advance", "{\"seconds\": 90000}");
        assertThat(moved.path("now").asText()).isEqualTo("2025-09-02T11:00:00Z");
        assertThat(simulator.clock().now()).hasToString("2025-09-02T11:00:00Z");
    }

    @Test
    void adminCallsAreNeitherSpecViolationsNorUnmatchedApiRequests() {
        state();
        bad("POST", admin + "/simulate/incomingMessage", "{}", 400);
        bad("GET", admin + "/nothing-here", null, 404);
        assertThat(simulator.verify().specViolations()).isEmpty();
        assertThat(simulator.verify().unmatched()).isEmpty();
        assertThat(simulator.verify().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            incomingMessage  | {"text": "Hi"}                                        | phone
            incomingMessage  | {"phone": "0521234567", "text": 7}                     | text
            incomingMessage  | {"phone": "0521234567", "text": "Hi", "title": false}  | title
            incomingMedia    | {"phone": "0521234567", "mediaType": "document"}       | filename
            postback         | {"phone": "0521234567", "payload": "x"}                | title
            messageStatus    | {"status": "SEEN"}                                     | messageId
            messageStatus    | {"messageId": "x", "status": "LOST"}                   | status
            messageStatus    | {"messageId": "x", "status": 99}                       | status
            agentTakes       | {"chatId": "x"}                                        | agent
            agentTakes       | {"chatId": "x", "agent": {"displayName": "Dana"}}      | agent.email
            agentTakes       | {"chatId": "x", "agent": {"displayName": "D", "email": "d@x", "roles": "a"}} | agent.roles
            agentResolves    | {}                                                     | chatId
            externalBotSet   | {"chatId": "x", "enabled": "yes"}                      | enabled
            templateApproved | {"name": "order_ready"}                                | language
            templateRejected | {"name": "order_ready", "language": "he"}              | reason
            channelProblem   | {"name": "x", "severity": "error"}                     | message
            channelRecovered | {"problemId": ""}                                      | problemId
            incomingMessage  | [1, 2]                                                 | body
            incomingMessage  | {"phone":                                              | body
            """)
    void badInputIsA400NamingTheField(String event, String body, String field) {
        JsonNode error = bad("POST", admin + "/simulate/" + event, body, 400);
        assertThat(error.path("success").asBoolean(true)).isFalse();
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("error").asText()).startsWith(field + ":");
    }

    @Test
    void valuesTheProjectDoesNotKnowAreA400SayingWhy() {
        assertThat(bad("POST", admin + "/simulate/incomingMessage", "{\"phone\": \"not a phone\", \"text\": \"Hi\"}",
                400).path("error").asText()).contains("phone");
        assertThat(bad("POST", admin + "/simulate/agentResolves", "{\"chatId\": \"0123456789abcdef01234567\"}", 400)
                .path("error").asText()).contains("no chat 0123456789abcdef01234567");
        assertThat(bad("POST", admin + "/simulate/templateApproved", "{\"name\": \"nope\", \"language\": \"he\"}",
                400).path("error").asText()).contains("no template nope");
        assertThat(bad("POST", admin + "/simulate/channelRecovered", "{\"problemId\": \"nope\"}", 400)
                .path("error").asText()).contains("nope");
    }

    @Test
    void theClockRefusesToGoBackOrNonNumbers() {
        assertThat(bad("POST", admin + "/clock/advance", "{\"seconds\": -1}", 400).path("field").asText())
                .isEqualTo("seconds");
        assertThat(bad("POST", admin + "/clock/advance", "{\"seconds\": \"ten\"}", 400).path("field").asText())
                .isEqualTo("seconds");
        assertThat(bad("POST", admin + "/clock/advance", "{\"seconds\": 1.5}", 400).path("field").asText())
                .isEqualTo("seconds");
        assertThat(bad("POST", admin + "/clock/advance", null, 400).path("field").asText()).isEqualTo("seconds");
        assertThat(simulator.clock().now()).hasToString("2025-09-01T10:00:00Z");
    }

    @Test
    void unknownEndpointsAndEventsAre404AndWrongMethods405() {
        assertThat(bad("POST", admin + "/simulate/customerSmiles", "{}", 404).path("error").asText())
                .contains("incomingMessage", "channelRecovered");
        bad("GET", admin + "/states", null, 404);
        HttpResponse<String> wrong = RawHttp.send("GET", admin + "/simulate/incomingMessage", null);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).contains("POST");
        bad("POST", admin + "/state", "{}", 405);
        bad("GET", admin + "/reset", null, 405);
    }

    private static String localizationStatus() {
        JsonNode templates = apiGet("/whatsapp/templates?includeAll=true");
        JsonNode list = templates.isArray() ? templates : templates.path("templates");
        for (JsonNode template : list) {
            if (template.path("name").asText().equals("order_ready")) {
                return template.path("provider_template").path("localizations").path(0).path("status").asText();
            }
        }
        throw new AssertionError("order_ready not listed: " + templates);
    }

    private static JsonNode state() {
        return parse(RawHttp.send("GET", admin + "/state", null), 200);
    }

    private static JsonNode last(JsonNode list) {
        return list.get(list.size() - 1);
    }

    private static JsonNode apiGet(String path) {
        return parse(RawHttp.send("GET", api + path, null), 200);
    }

    private static JsonNode apiSend(String method, String path, String body) {
        HttpResponse<String> response = RawHttp.send(method, api + path, body);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return parse(response, response.statusCode());
    }

    private static JsonNode ok(String method, String url, String body) {
        JsonNode answer = parse(RawHttp.send(method, url, body), 200);
        if (answer.isObject()) {
            assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
        }
        return answer;
    }

    private static JsonNode bad(String method, String url, String body, int status) {
        return parse(RawHttp.send(method, url, body), status);
    }

    private static JsonNode parse(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
