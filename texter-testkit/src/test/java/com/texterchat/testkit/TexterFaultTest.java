package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.TexterClient;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.testkit.junit.TexterTest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault injection, observed on the wire with a plain HTTP client (status, headers, body), so the tests do not
 * depend on how the SDK client maps failures to exceptions.
 */
@TexterTest
class TexterFaultTest {

    private static HttpResponse<String> send(TexterMockServer texter) {
        return RawHttp.send("POST", texter.apiBaseUrl() + "/whatsapp/templates/send",
                "{\"templateName\":\"order_ready\",\"to\":\"972521234567\"}");
    }

    private static List<Integer> statusesOfNextSends(TexterMockServer texter, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(send(texter).statusCode());
        }
        return statuses;
    }

    @Test
    void anErrorStatusComesWithAnErrorBodyInTexterShape(TexterMockServer texter) throws Exception {
        texter.fault("sendTemplateMessage").status(503);

        HttpResponse<String> response = send(texter);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(response.body()).path("success").asBoolean(true)).isFalse();
        assertThat(response.body()).contains("Service Unavailable");
        assertThat(statusesOfNextSends(texter, 2)).containsExactly(503, 503);
    }

    @Test
    void anErrorStatusCanCarryAnyJsonOrTextBody(TexterMockServer texter) {
        texter.fault("sendTemplateMessage").status(400, "{\"success\":false,\"error\":\"templateName is required\"}");
        HttpResponse<String> json = send(texter);
        texter.fault("getLabel").status(502, "<html>Bad gateway</html>");
        HttpResponse<String> text = RawHttp.send("GET", texter.apiBaseUrl() + "/labels/VIP", null);

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).isEqualTo("{\"success\":false,\"error\":\"templateName is required\"}");
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(text.statusCode()).isEqualTo(502);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void onlyErrorStatusesAreFaults(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.fault("sendTemplateMessage").status(200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400-599").hasMessageContaining("200");
        assertThatThrownBy(() -> texter.fault("sendTemplateMessage").status(600, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("600");
    }

    @Test
    void rateLimitingSaysWhenToRetryInSecondsRoundedUp(TexterMockServer texter) {
        texter.fault("sendTemplateMessage").rateLimited(Duration.ofMillis(1500));

        HttpResponse<String> response = send(texter);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.body()).contains("Too Many Requests");
    }

    @Test
    void rateLimitingCanSayWhenToRetryAsAnHttpDate(TexterMockServer texter) {
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        texter.fault("sendTemplateMessage").rateLimitedUntil(at);

        String header = send(texter).headers().firstValue("Retry-After").orElseThrow();

        assertThat(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isEqualTo(at);
        assertThat(header).endsWith("GMT");
    }

    @Test
    void retryAfterMustNotBeNegative(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.fault("sendTemplateMessage").rateLimited(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryAfter");
    }

    @Test
    void failNTimesThenSucceed(TexterMockServer texter) {
        texter.fault("sendTemplateMessage").times(2).rateLimited(Duration.ZERO);

        assertThat(statusesOfNextSends(texter, 4)).containsExactly(429, 429, 200, 200);
        assertThat(texter.verify().requests("sendTemplateMessage")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(429, 429, 200, 200);
    }

    @Test
    void limitedFaultsOfOneOperationFormASequenceInTheOrderAdded(TexterMockServer texter) {
        texter.fault("sendTemplateMessage").times(1).rateLimited(Duration.ofSeconds(1));
        texter.fault("sendTemplateMessage").times(2).status(503);
        texter.fault("getLabel").times(1).status(500);

        assertThat(statusesOfNextSends(texter, 5)).containsExactly(429, 503, 503, 200, 200);
        assertThat(RawHttp.send("GET", texter.apiBaseUrl() + "/labels/VIP", null).statusCode()).isEqualTo(500);

        texter.fault("sendTemplateMessage").times(1).status(504);
        assertThat(statusesOfNextSends(texter, 2)).containsExactly(504, 200);
    }

    @Test
    void timesMustBePositive(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.fault("sendTemplateMessage").times(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1").hasMessageContaining("0");
    }

    @Test
    void faultsWinOverHelperAnswers(TexterMockServer texter) {
        texter.stubs().recipientUnsubscribed("972521234567");
        texter.fault("sendTemplateMessage").times(1).status(500);

        HttpResponse<String> first = send(texter);
        HttpResponse<String> second = send(texter);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"success\":false");
    }

    @Test
    void latencyDelaysTheUsualAnswerPastAClientsTimeout(TexterMockServer texter) throws Exception {
        texter.stubs().answer("getLabel", "{\"id\":\"slow\",\"name\":\"Slow\"}");
        texter.fault("getLabel").times(1).latency(Duration.ofSeconds(2));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(texter.apiBaseUrl() + "/labels/VIP"))
                .header("Authorization", "Bearer t").timeout(Duration.ofMillis(150)).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(RawHttp.send("GET", texter.apiBaseUrl() + "/labels/VIP", null).body()).contains("Slow");
    }

    @Test
    void latencyKeepsTheUsualAnswer(TexterMockServer texter) {
        texter.stubs().answer("getLabel", "{\"id\":\"slow\",\"name\":\"Slow\"}");
        texter.fault("getLabel").latency(Duration.ofMillis(20));

        HttpResponse<String> response = RawHttp.send("GET", texter.apiBaseUrl() + "/labels/VIP", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"slow\",\"name\":\"Slow\"}");
    }

    @Test
    void latencyMustBePositive(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.fault("getLabel").latency(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
        assertThatThrownBy(() -> texter.fault("getLabel").latency(Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
    }

    @Test
    void connectionResetAndEmptyResponseBreakTheCall(TexterMockServer texter) {
        texter.fault("sendTemplateMessage").times(1).connectionReset();
        texter.fault("sendTemplateMessage").times(1).emptyResponse();

        assertThatThrownBy(() -> send(texter)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> send(texter)).isInstanceOf(UncheckedIOException.class);
        assertThat(send(texter).statusCode()).isEqualTo(200);
        assertThat(texter.verify().requests("sendTemplateMessage")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(0, 0, 200);
    }

    @Test
    void aMalformedBodyIsA2xxThatIsNotValidJson(TexterMockServer texter, TexterClient client) {
        texter.fault("sendTemplateMessage").malformedBody();
        texter.fault("deleteLabel").malformedBody();

        HttpResponse<String> response = send(texter);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThatThrownBy(() -> new ObjectMapper().readTree(response.body())).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> client.templates().sendTemplateMessage(new SendTemplateRequest().templateName("x").to("972521234567")))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new ObjectMapper().readTree(
                RawHttp.send("DELETE", texter.apiBaseUrl() + "/labels/VIP", null).body()))
                .isInstanceOf(JsonProcessingException.class);
    }
}
