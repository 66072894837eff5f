package com.texterchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.TexterResponse;
import com.texterchat.dsl.support.TexterServer;
import com.texterchat.model.SendMessageResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code Texter.withOptions} and {@code Texter.withRawResponse}, flows included, against a real local server. */
class TexterOptionsTest extends TexterServer {

    private static final String SENT = "{\"success\":true,\"messages\":[{\"_id\":\"m1\",\"type\":\"text\"}]}";

    private static LoggedRequest onlyRequest() {
        assertThat(server.getAllServeEvents()).hasSize(1);
        return server.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void aFlowThroughAnEntryObjectWithOptionsSendsItsHeaders() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SENT)));

        Texter withOptions = texter.withOptions(o -> o.header("X-Request-Id", "order-42")
                .callTimeout(Duration.ofSeconds(7)));
        withOptions.sendText("67bf11038b24880cc966f799", "Your order has shipped");

        assertThat(onlyRequest().getHeader("X-Request-Id")).isEqualTo("order-42");
        assertThat(withOptions.client().callTimeout()).isEqualTo(Duration.ofSeconds(7));
        withOptions.close();
        assertThat(texter.client().labels()).isNotNull();
    }

    @Test
    void theRawResponseOfAFlow() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "rq-1")
                .withHeader("Content-Type", "application/json").withBody(SENT)));

        TexterResponse<SendMessageResponse> sent = texter.withRawResponse(t -> t.sendText("67bf11038b24880cc966f799",
                "Hello"));

        assertThat(sent.operation()).isEqualTo("sendMessage");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.header("X-Request-Id")).contains("rq-1");
        assertThat(sent.body().getSuccess()).isTrue();
        assertThat(new String(sent.rawBody(), StandardCharsets.UTF_8)).isEqualTo(SENT);
    }

    @Test
    void aReservedHeaderIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> texter.withOptions(o -> o.header("Authorization", "x")))
                .withMessageStartingWith("the header Authorization cannot be set");
    }
}
