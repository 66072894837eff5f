package com.texterchat.client.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.AssignChatRequest;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.SendTemplateRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How error answers and refusals inside a 200 reach the caller. */
class ErrorResponsesTest {

    @RegisterExtension
    static final TestServer server = new TestServer();
    private static final TexterClient texter = server.clientBuilder().retryPolicy(RetryPolicy.disabled()).build();

    private static void answer(int status, String contentType, String body) {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static Throwable createLabel() {
        return catchThrowable(() -> texter.labels().createLabel(new CreateLabelRequest().id("vip").name("VIP")));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"400, TexterBadRequestException", "401, TexterUnauthorizedException",
        "403, TexterForbiddenException", "404, TexterNotFoundException", "409, TexterConflictException",
        "429, TexterRateLimitedException", "500, TexterServerException", "502, TexterServerException",
        "504, TexterServerException", "599, TexterServerException", "405, TexterHttpException",
        "422, TexterHttpException", "302, TexterHttpException"})
    void eachStatusBecomesItsExceptionWithStatusOperationAndParsedBody(int status, String type) {
        answer(status, "application/json", "{\"success\":false,\"error\":\"label vip: " + status + "\"}");

        Throwable thrown = createLabel();

        assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
        TexterHttpException http = (TexterHttpException) thrown;
        assertThat(http.status()).isEqualTo(status);
        assertThat(http.operation()).isEqualTo("createLabel");
        assertThat(http.responseBody()).isEqualTo("{\"success\":false,\"error\":\"label vip: " + status + "\"}");
        assertThat(http.responseJson().path("error").asText()).isEqualTo("label vip: " + status);
        assertThat(http.getMessage()).startsWith("createLabel (POST /labels): HTTP " + status)
                .contains("Texter says: label vip: " + status);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aPlainTextErrorBodyIsKeptRawAndNotParsed() {
        answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");

        Throwable thrown = catchThrowable(() -> texter.chats().getChat("67bf11038b24880cc966f799"));

        assertThat(thrown).isInstanceOfSatisfying(TexterServerException.class, e -> {
            assertThat(e.responseJson()).isNull();
            assertThat(e.responseBody()).isEqualTo("<html><body><h1>502 Bad Gateway</h1></body></html>");
            assertThat(e.getMessage()).isEqualTo("getChat (GET /chats/67bf11038b24880cc966f799): HTTP 502 Bad Gateway."
                    + " Response: <html><body><h1>502 Bad Gateway</h1></body></html>");
        });
    }

    @Test
    void aForbiddenMessageNamesTheScopesTheOperationNeeds() {
        answer(403, "application/json", "{\"error\":\"Forbidden\"}");

        TestServer.withSpecOnClasspath(() -> {
            Throwable thrown = catchThrowable(() -> texter.templates().sendTemplateMessage(new SendTemplateRequest()
                    .templateName("inbox_marketing_98").to("972521234567")));

            assertThat(thrown).isInstanceOfSatisfying(TexterForbiddenException.class, e -> {
                assertThat(e.requiredScopes()).containsExactly("Send template messages");
                assertThat(e.getMessage()).contains("it requires: Send template messages.");
            });
            Throwable scenario = catchThrowable(() -> texter.scenarios().deleteScenarioDraft("s1"));
            assertThat(((TexterForbiddenException) scenario).requiredScopes())
                    .containsExactly("Edit scenarios", "Manage scenarios on behalf of user");
            Throwable anyToken = catchThrowable(() -> texter.labels().listLabels(null, null));
            assertThat(((TexterForbiddenException) anyToken).requiredScopes()).isEmpty();
            assertThat(anyToken.getMessage()).contains("works with any valid token");
        });
    }

    @Test
    void anUnauthorizedMessageExplainsTheTokenWasRejected() {
        answer(401, "text/plain", "Unauthorized");

        assertThat(createLabel()).isInstanceOf(TexterUnauthorizedException.class)
                .hasMessage("createLabel (POST /labels): HTTP 401 Unauthorized. Texter did not accept the API token"
                        + " (missing, mistyped, revoked or of another project). Response: Unauthorized");
    }

    @Test
    void aRateLimitedExceptionCarriesTheRequestedWait() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertThat(createLabel()).isInstanceOfSatisfying(TexterRateLimitedException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(e.responseBody()).isEmpty();
            assertThat(e.getMessage()).contains("it asks to wait 7 s");
        });
        answer(429, "application/json", "{}");
        assertThat(((TexterRateLimitedException) createLabel()).retryAfter()).isEmpty();
    }

    @Test
    void theTokenNeverAppearsInAMessageEvenWhenTheServerEchoesIt() {
        answer(400, "application/json", "{\"error\":\"bad header Bearer " + TestServer.TOKEN + "\"}");

        Throwable thrown = createLabel();

        assertThat(thrown.getMessage()).doesNotContain(TestServer.TOKEN).contains("Bearer <redacted>");
        assertThat(thrown.toString()).doesNotContain(TestServer.TOKEN);
    }

    @Test
    void successFalseInsideA200IsAFailureTheCallerCannotMiss() {
        answer(200, "application/json", "{\"success\":false,\"error\":\"unsubscribed\"}");

        Throwable thrown = catchThrowable(() -> texter.templates().sendTemplateMessage(new SendTemplateRequest()
                .templateName("inbox_marketing_98").to("972521234567")));

        assertThat(thrown).isInstanceOfSatisfying(TexterOperationFailedException.class, e -> {
            assertThat(e.operation()).isEqualTo("sendTemplateMessage");
            assertThat(e.error()).isEqualTo("unsubscribed");
            assertThat(e.responseJson().path("success").asBoolean(true)).isFalse();
            assertThat(e.responseBody()).isEqualTo("{\"success\":false,\"error\":\"unsubscribed\"}");
            assertThat(e.getMessage()).isEqualTo("sendTemplateMessage: Texter answered success=false: unsubscribed");
        });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void successFalseIsCaughtWhereverItAppearsFirstAndForPlainTextOperationsToo() {
        answer(200, "application/json", "{\"chat\":{\"success\":true},\"message\":\"agent not found\",\"success\":false}");

        Throwable thrown = catchThrowable(() -> texter.chats().assignChat(new AssignChatRequest().chatId("67bf")));

        assertThat(thrown).isInstanceOfSatisfying(TexterOperationFailedException.class,
                e -> assertThat(e.error()).isEqualTo("agent not found"));
    }

    @Test
    void successFalseIsCaughtWhenTheKeyIsEscapedOrTheBodyIsUtf16() {
        answer(200, "application/json", "{\"data\":[{\"id\":\"x\"}],\"succ\\u0065ss\":false,\"error\":\"escaped\"}");
        assertThat(createLabel()).isInstanceOfSatisfying(TexterOperationFailedException.class,
                e -> assertThat(e.error()).isEqualTo("escaped"));

        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"utf-16\"}".getBytes(StandardCharsets.UTF_16BE))));
        assertThat(createLabel()).isInstanceOf(TexterOperationFailedException.class);
    }

    @Test
    void successTrueOrNoSuccessFieldIsAnOrdinaryAnswer() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{\"success\":true,\"messageId\":\"m1\"}")));
        assertThat(texter.templates().sendTemplateMessage(new SendTemplateRequest().templateName("t").to("1"))
                .getMessageId()).isEqualTo("m1");

        server.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"vip\",\"name\":\"VIP\",\"nested\":"
                + "{\"success\":false}}")));
        assertThat(texter.labels().createLabel(new CreateLabelRequest().id("vip").name("VIP")).getName())
                .isEqualTo("VIP");
    }

    @Test
    void anEmptyOrMalformedSuccessBodyIsAnUnexpectedResponse() {
        answer(200, "application/json", "");
        assertThat(createLabel()).isInstanceOfSatisfying(TexterUnexpectedResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.getMessage()).isEqualTo("createLabel: HTTP 200 with an empty body where JSON was expected");
        });

        answer(200, "application/json", "{\"id\": \"vip\", ");
        assertThat(createLabel()).isInstanceOfSatisfying(TexterUnexpectedResponseException.class, e -> {
            assertThat(e.responseBody()).isEqualTo("{\"id\": \"vip\", ");
            assertThat(e.getMessage()).startsWith("createLabel: HTTP 200 but the body is not the expected JSON");
        });

        answer(200, "application/json", "[1, 2]");
        assertThat(createLabel()).isInstanceOf(TexterUnexpectedResponseException.class);
    }

    @Test
    void theFactoryMapsStatusesLikeTheClient() {
        assertThat(TexterHttpException.of("getChat", 404, null, null, "m", null, null))
                .isInstanceOf(TexterNotFoundException.class)
                .satisfies(e -> assertThat(e.responseBody()).isEmpty());
        assertThat(((TexterForbiddenException) TexterHttpException.of("x", 403, "", null, "m",
                List.of("Manage labels"), null)).requiredScopes()).containsExactly("Manage labels");
        assertThat(((TexterRateLimitedException) TexterHttpException.of("x", 429, "", null, "m", null,
                Duration.ofSeconds(3))).retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(TexterHttpException.of("x", 418, "", null, "m", null, null).getClass())
                .isEqualTo(TexterHttpException.class);
    }
}
