package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.texterchat.client.error.TexterBadRequestException;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.testsupport.LogCapture;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * What the client logs, captured by the tests' SLF4J backend with every logger at TRACE: the token never appears,
 * whatever the server sends back, and per-request logging is off unless asked for.
 */
class LoggingTest {

    private static final String ECHO = "{\"success\":true,\"messages\":[{\"_id\":\"m1\",\"type\":\"text\","
            + "\"text\":\"you sent Bearer " + TestServer.TOKEN + "\"}]}";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @BeforeEach
    void forgetLogs() {
        LogCapture.clear();
    }

    private static void sendMessage(TexterClient client) {
        client.messages().sendMessage("67bf11038b24880cc966f799",
                new SessionMessage().type(OutgoingMessageType.TEXT).text("token check " + TestServer.TOKEN));
    }

    @Test
    void atTheMostVerboseLevelTheTokenAppearsNowhere() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Echo-Authorization", "Bearer " + TestServer.TOKEN)
                .withHeader("Set-Cookie", "session=" + TestServer.TOKEN)
                .withBody(ECHO)));
        TexterClient client = server.client(HttpLogLevel.BODY);

        sendMessage(client);
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/chats/search")).inScenario("retry")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("bad request"));
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/chats/search")).inScenario("retry")
                .whenScenarioStateIs("bad request").willReturn(aResponse().withStatus(503)
                        .withBody("{\"error\":\"token " + TestServer.TOKEN + " is throttled\"}")));
        Throwable thrown = catchThrowable(() -> client.chats().searchChats(
                new ChatsApi.SearchChatsQueryParams().search(TestServer.TOKEN)));

        assertThat(thrown).isNotNull().satisfies(e -> assertThat(e.toString()).doesNotContain(TestServer.TOKEN));
        String logs = LogCapture.allText();
        assertThat(logs).doesNotContain(TestServer.TOKEN)
                .contains("--> POST http://127.0.0.1:" + server.wireMock().port() + TestServer.API
                        + "/messages/send/67bf11038b24880cc966f799 (sendMessage)")
                .contains("Authorization: <redacted>")
                .containsIgnoringCase("X-Echo-Authorization: Bearer <redacted>")
                .containsIgnoringCase("Set-Cookie: <redacted>")
                .contains("<-- 200 POST")
                .contains("\"text\":\"token check <redacted>\"")
                .contains("you sent Bearer <redacted>")
                .contains("search=<redacted>")
                .contains("is throttled");
        assertThat(LogCapture.entries("com.texterchat.client.retry"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.level()).isEqualTo(Level.WARN));
    }

    @Test
    void perRequestLoggingIsOffByDefaultWhileRetriesStillWarn() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

        catchThrowable(() -> server.client().chats().getChat("67bf"));

        assertThat(LogCapture.entries("com.texterchat.client.http")).isEmpty();
        assertThat(LogCapture.entries("com.texterchat.client.retry")).hasSize(2).first()
                .satisfies(e -> assertThat(e.message())
                        .isEqualTo("Texter getChat (GET /chats/67bf) answered HTTP 503; retry 1 of 2 in "
                                + server.sleeper().sleeps().get(0).toMillis() + " ms"));
    }

    @Test
    void basicLevelLogsTheExchangeWithoutHeadersOrBodies() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ECHO)));

        sendMessage(server.client(HttpLogLevel.BASIC));

        assertThat(LogCapture.entries("com.texterchat.client.http")).hasSize(2).allSatisfy(e -> {
            assertThat(e.level()).isEqualTo(Level.INFO);
            assertThat(e.message()).doesNotContain("Authorization", "token check", "you sent");
        });
        assertThat(LogCapture.entries("com.texterchat.client.http").get(1).message())
                .matches("<-- 200 POST http://\\S+/messages/send/67bf11038b24880cc966f799 \\(sendMessage, \\d+ ms, "
                        + ECHO.length() + " bytes\\)");
    }

    @Test
    void headersLevelAddsHeadersButNoBodies() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"text too long\"}")));

        assertThat(catchThrowable(() -> sendMessage(server.client(HttpLogLevel.HEADERS))))
                .isInstanceOf(TexterBadRequestException.class);

        String logs = LogCapture.allText();
        assertThat(logs).contains("Authorization: <redacted>").contains("Content-Type: application/json")
                .doesNotContain("text too long").doesNotContain("token check");
    }

    @Test
    void everyEventIsOneLineWhateverTheServerSends() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Note", "a")
                .withBody("{\"success\":true,\n\"messages\":[]}\r\nINFO forged line")));

        catchThrowable(() -> sendMessage(server.client(HttpLogLevel.BODY)));

        assertThat(LogCapture.entries("com.texterchat.client.http")).hasSize(2).allSatisfy(e ->
                assertThat(e.message()).doesNotContain("\n", "\r"));
        assertThat(LogCapture.entries("com.texterchat.client.http").get(1).message())
                .containsPattern("\\[.*x-note: a.*\\] body: \\{\"success\":true,\\\\n\"messages\":\\[\\]\\}"
                        + "\\\\r\\\\nINFO forged line$");
    }

    @Test
    void anIoFailureIsLoggedAsSuch() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThat(catchThrowable(() -> sendMessage(server.client(HttpLogLevel.BASIC))))
                .isInstanceOf(TexterIoException.class);

        assertThat(LogCapture.entries("com.texterchat.client.http")).last()
                .satisfies(e -> assertThat(e.message()).startsWith("<-- sendMessage failed after"));
        assertThat(LogCapture.entries("com.texterchat.client.retry")).as("a send that may have arrived is not retried")
                .isEmpty();
    }
}
