package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.texterchat.client.testsupport.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.texterchat.client.error.TexterBadRequestException;
import com.texterchat.client.error.TexterConflictException;
import com.texterchat.client.error.TexterException;
import com.texterchat.client.error.TexterForbiddenException;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterRateLimitedException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.error.TexterUnauthorizedException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault a Texter call can meet, against a real HTTP server, for one idempotent call (Search Chats) and the
 * two sends that must never go out twice. Each fault ends in its documented exception, or in a successful retry,
 * and the server's request count shows which calls were repeated.
 */
@Timeout(60) // guards against a hang only; every attempt here is bounded by the client's read timeout
class FaultMatrixTest {

    /** The read timeout of the client that meets the slow response, which comes 2 s later than that. */
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(1000);

    @RegisterExtension
    static final TestServer server = new TestServer();
    private static final TexterClient texter = server.client();
    private static final TexterClient impatient = server.clientBuilder().readTimeout(SHORT_READ_TIMEOUT).build();

    /** The calls under test. */
    enum Call {
        SEARCH_CHATS("searchChats", "/chats/search", true,
                c -> c.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("0521234567"))),
        SEND_MESSAGE("sendMessage", "/messages/send/67bf11038b24880cc966f799", false,
                c -> c.messages().sendMessage("67bf11038b24880cc966f799",
                        new SessionMessage().type(OutgoingMessageType.TEXT).text("Your order has shipped"))),
        SEND_TEMPLATE("sendTemplateMessage", "/whatsapp/templates/send", false,
                c -> c.templates().sendTemplateMessage(new SendTemplateRequest().templateName("inbox_marketing_98")
                        .to("972521234567")));

        final String operationId;
        final String path;
        final boolean idempotent;
        final Consumer<TexterClient> invoke;

        Call(String operationId, String path, boolean idempotent, Consumer<TexterClient> invoke) {
            this.operationId = operationId;
            this.path = path;
            this.idempotent = idempotent;
            this.invoke = invoke;
        }
    }

    /** The faults, what each must end in, and whether the call may be repeated after it. */
    enum ServerFault {
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), TexterIoException.class, false),
        CLOSED_WITHOUT_RESPONSE(aResponse().withFault(Fault.EMPTY_RESPONSE), TexterIoException.class, false),
        EMPTY_BODY(aResponse().withStatus(200), TexterUnexpectedResponseException.class, false),
        MALFORMED_JSON(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\": [{\"_id\": \"c1\""), TexterUnexpectedResponseException.class, false),
        BAD_REQUEST(error(400, "{\"success\":false,\"error\":\"templateName is required\"}"),
                TexterBadRequestException.class, false),
        UNAUTHORIZED(error(401, "{\"error\":\"Unauthorized\"}"), TexterUnauthorizedException.class, false),
        FORBIDDEN(error(403, "{\"error\":\"Forbidden\"}"), TexterForbiddenException.class, false),
        NOT_FOUND(error(404, "{\"error\":\"Chat not found\"}"), TexterNotFoundException.class, false),
        CONFLICT(error(409, "{\"error\":\"Already exists\"}"), TexterConflictException.class, false),
        RATE_LIMITED(error(429, "{\"error\":\"Too many requests\"}").withHeader("Retry-After", "1"),
                TexterRateLimitedException.class, true),
        INTERNAL_ERROR(error(500, "Internal Server Error"), TexterServerException.class, false),
        BAD_GATEWAY(error(502, "<html><body>502 Bad Gateway</body></html>"), TexterServerException.class, false),
        UNAVAILABLE(error(503, "{\"error\":\"maintenance\"}"), TexterServerException.class, false),
        SLOWER_THAN_READ_TIMEOUT(aResponse().withFixedDelay(3000).withStatus(200).withBody("{}"),
                TexterIoException.class, false);

        final ResponseDefinitionBuilder response;
        final Class<? extends TexterException> exception;
        final boolean serverDidNotProcess;

        ServerFault(ResponseDefinitionBuilder response, Class<? extends TexterException> exception,
                boolean serverDidNotProcess) {
            this.response = response;
            this.exception = exception;
            this.serverDidNotProcess = serverDidNotProcess;
        }

        boolean closesConnectionEarly() {
            return this == CONNECTION_RESET || this == CLOSED_WITHOUT_RESPONSE;
        }

        /** Whether the client may send the call again after this fault. */
        boolean retried(Call call) {
            boolean transientFailure = exception == TexterIoException.class || exception == TexterServerException.class
                    || this == RATE_LIMITED;
            return transientFailure && (call.idempotent || serverDidNotProcess);
        }

        private static ResponseDefinitionBuilder error(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type",
                    body.startsWith("{") ? "application/json" : "text/html").withBody(body);
        }
    }

    /** The client for a fault: the short read timeout only where the fault is a slow response. */
    private static TexterClient clientFor(ServerFault fault) {
        return fault == ServerFault.SLOWER_THAN_READ_TIMEOUT ? impatient : texter;
    }

    static Stream<Arguments> faultsAndCalls() {
        return Arrays.stream(ServerFault.values())
                .flatMap(fault -> Arrays.stream(Call.values()).map(call -> Arguments.of(fault, call)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("faultsAndCalls")
    void eachFaultEndsInItsTypedExceptionAndAProcessedSendIsNeverRepeated(ServerFault fault, Call call) {
        server.wireMock().stubFor(any(urlPathEqualTo(API + call.path)).willReturn(fault.response));

        Throwable thrown = catchThrowable(() -> call.invoke.accept(clientFor(fault)));

        assertThat(thrown).isInstanceOf(fault.exception);
        assertThat(((TexterException) thrown).operation()).isEqualTo(call.operationId);
        assertThat(thrown.getMessage()).contains(call.operationId).doesNotContain(TestServer.TOKEN);
        int attempts = fault.retried(call) ? 3 : 1;
        if (call.idempotent && fault.closesConnectionEarly()) {
            // The JDK client itself resends a GET once when the connection closes before any response byte; the
            // client counts that resend, and another attempt (which may be resent too) would exceed 3 requests.
            assertThat(server.sleeper().sleeps()).isEmpty();
            assertThat(server.requests()).hasSizeBetween(1, 2);
        } else {
            assertThat(server.sleeper().sleeps()).hasSize(attempts - 1);
            assertThat(server.requests()).hasSize(attempts);
        }
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.getUrl()).startsWith(API + call.path));
        if (thrown instanceof TexterHttpException) {
            TexterHttpException http = (TexterHttpException) thrown;
            assertThat(http.status()).isEqualTo(server.wireMock().getStubMappings().get(0).getResponse().getStatus());
            assertThat(http.responseBody()).isEqualTo(server.wireMock().getStubMappings().get(0).getResponse()
                    .getBody());
        }
        if (thrown instanceof TexterIoException) {
            assertThat(((TexterIoException) thrown).isTimeout()).isEqualTo(fault == ServerFault.SLOWER_THAN_READ_TIMEOUT);
        }
        if (fault == ServerFault.RATE_LIMITED) {
            assertThat(((TexterRateLimitedException) thrown).retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(server.sleeper().sleeps()).containsOnly(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest(name = "{0} once, then success")
    @MethodSource("transientFaults")
    void aSearchSucceedsWhenATransientFaultClears(ServerFault fault) {
        failOnceThenAnswer("/chats/search", fault, "{\"data\":[{\"_id\":\"c1\",\"title\":\"John Doe\"}],\"total\":1}");

        assertThat(clientFor(fault).chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("John")).getData())
                .singleElement().satisfies(chat -> assertThat(chat.getTitle()).isEqualTo("John Doe"));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.sleeper().sleeps()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} twice, then success")
    @MethodSource("earlyCloses")
    void aSearchSucceedsWhenTheConnectionStopsBeingClosed(ServerFault fault) {
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).inScenario("closing")
                .whenScenarioStateIs(STARTED).willReturn(fault.response).willSetStateTo("closed once"));
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).inScenario("closing")
                .whenScenarioStateIs("closed once").willReturn(fault.response).willSetStateTo("recovered"));
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).inScenario("closing")
                .whenScenarioStateIs("recovered").willReturn(okJson("{\"data\":[],\"total\":0}")));

        // Each early close may be resent once by the JDK client itself and counts as two requests, so 3 retries
        // leave room for a second attempt.
        TexterClient patient = server.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxRetries(3).sleeper(server.sleeper()).build()).build();
        assertThat(patient.chats().searchChats(new ChatsApi.SearchChatsQueryParams()).getTotal()).isZero();
        assertThat(server.requests()).hasSize(3);
        assertThat(server.sleeper().sleeps()).hasSize(1);
    }

    static Stream<ServerFault> earlyCloses() {
        return Stream.of(ServerFault.CONNECTION_RESET, ServerFault.CLOSED_WITHOUT_RESPONSE);
    }

    static Stream<ServerFault> transientFaults() {
        return Stream.of(ServerFault.RATE_LIMITED,
                ServerFault.INTERNAL_ERROR, ServerFault.BAD_GATEWAY, ServerFault.UNAVAILABLE,
                ServerFault.SLOWER_THAN_READ_TIMEOUT);
    }

    @Test
    void aTemplateSendRefusedWith429IsSentAgainAndDeliveredOnce() {
        failOnceThenAnswer("/whatsapp/templates/send", ServerFault.RATE_LIMITED,
                "{\"success\":true,\"messageId\":\"69062b15962e17ab3033f886\"}");

        assertThat(texter.templates().sendTemplateMessage(new SendTemplateRequest().templateName("inbox_marketing_98")
                .to("972521234567")).getMessageId()).isEqualTo("69062b15962e17ab3033f886");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.sleeper().sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aSendWhoseConnectionIsRefusedIsRetriedAndReachesTheServerExactlyOnce() throws Exception {
        int port = freePort();
        WireMockServer late = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                .bindAddress("127.0.0.1").port(port));
        late.stubFor(any(urlPathEqualTo(API + Call.SEND_MESSAGE.path)).willReturn(okJson(
                "{\"success\":true,\"messages\":[{\"_id\":\"m1\",\"type\":\"text\",\"text\":\"Your order has shipped\"}]}")));
        server.sleeper().onSleep(() -> {
            if (!late.isRunning()) {
                late.start();   // the server comes up while the client waits to retry
            }
        });
        TexterClient client = server.clientBuilder().baseUrl("http://127.0.0.1:" + port + API).build();
        try {
            Call.SEND_MESSAGE.invoke.accept(client);

            assertThat(server.sleeper().sleeps()).hasSize(1);
            assertThat(late.getAllServeEvents()).hasSize(1);
        } finally {
            late.stop();
        }
    }

    @Test
    void aSendWhoseConnectionIsAlwaysRefusedFailsAfterTheRetriesWithAnIoError() throws Exception {
        TexterClient client = server.clientBuilder().baseUrl("http://127.0.0.1:" + freePort() + API).build();

        Throwable thrown = catchThrowable(() -> Call.SEND_TEMPLATE.invoke.accept(client));

        assertThat(thrown).isInstanceOfSatisfying(TexterIoException.class, io -> {
            assertThat(io.isTimeout()).isFalse();
            assertThat(io.operation()).isEqualTo("sendTemplateMessage");
            assertThat(io.getCause()).isInstanceOf(java.net.ConnectException.class);
        });
        assertThat(server.sleeper().sleeps()).hasSize(2);
    }

    @Test
    void withRetriesDisabledEveryFaultSurfacesAtOnce() {
        TexterClient client = server.clientBuilder().retryPolicy(RetryPolicy.disabled()).build();
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).willReturn(
                ServerFault.UNAVAILABLE.response));

        assertThat(catchThrowable(() -> Call.SEARCH_CHATS.invoke.accept(client)))
                .isInstanceOf(TexterServerException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsEndsTheCallWithTheRequestedWait() {
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).willReturn(
                ServerFault.error(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "120")));

        Throwable thrown = catchThrowable(() -> Call.SEARCH_CHATS.invoke.accept(texter));

        assertThat(thrown).isInstanceOfSatisfying(TexterRateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(thrown.getMessage()).contains("429").contains("120 s");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.sleeper().sleeps()).isEmpty();
    }

    @Test
    void aRetryAfterHttpDateIsHonoured() {
        String inThreeSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3));
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).inScenario("date").whenScenarioStateIs(
                STARTED).willReturn(ServerFault.error(503, "{}").withHeader("Retry-After", inThreeSeconds))
                .willSetStateTo("up"));
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).inScenario("date").whenScenarioStateIs(
                "up").willReturn(okJson("{\"data\":[],\"total\":0}")));

        assertThat(texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams()).getTotal()).isZero();
        assertThat(server.sleeper().sleeps()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @Test
    void waitsWithoutRetryAfterGrowExponentiallyWithJitter() {
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/search")).willReturn(ServerFault.error(502, "")));
        TexterClient client = server.clientBuilder().retryPolicy(RetryPolicy.builder().maxRetries(3)
                .initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofMillis(600))
                .sleeper(server.sleeper()).build()).build();

        assertThat(catchThrowable(() -> Call.SEARCH_CHATS.invoke.accept(client)))
                .isInstanceOf(TexterServerException.class);
        assertThat(server.requests()).hasSize(4);
        assertThat(server.sleeper().sleeps()).satisfiesExactly(
                first -> assertThat(first).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)),
                second -> assertThat(second).isBetween(Duration.ofMillis(200), Duration.ofMillis(400)),
                third -> assertThat(third).isBetween(Duration.ofMillis(300), Duration.ofMillis(600)));
    }

    private static void failOnceThenAnswer(String path, ServerFault fault, String json) {
        server.wireMock().stubFor(any(urlPathEqualTo(API + path)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(fault.response).willSetStateTo("recovered"));
        server.wireMock().stubFor(any(urlPathEqualTo(API + path)).inScenario("flaky").whenScenarioStateIs(
                "recovered").willReturn(okJson(json)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
