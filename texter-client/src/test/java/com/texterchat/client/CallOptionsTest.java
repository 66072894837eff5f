package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.testsupport.TestServer;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Views with other options ({@code withOptions}), default headers and {@code toBuilder()}, on a real server. */
class CallOptionsTest {

    private static final String LABEL = "{\"id\":\"VIP\",\"name\":\"VIP\"}";

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static void answerLabel() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LABEL)));
    }

    private static LoggedRequest lastRequest() {
        return server.requests().get(0);
    }

    @Test
    void aViewSendsItsHeadersAndTheClientItselfDoesNot() {
        answerLabel();
        TexterClient client = server.clientBuilder().defaultHeader("X-Tenant", "acme").build();
        TexterClient view = client.withOptions(o -> o.header("X-Request-Id", "req-1"));

        assertThat(view.labels().getLabel("VIP").getName()).isEqualTo("VIP");
        LoggedRequest viaView = lastRequest();
        assertThat(viaView.getHeader("X-Request-Id")).isEqualTo("req-1");
        assertThat(viaView.getHeader("X-Tenant")).isEqualTo("acme");
        assertThat(viaView.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.TOKEN);
        assertThat(viaView.getHeader("Accept")).startsWith("application/json");

        server.wireMock().resetRequests();
        client.labels().getLabel("VIP");
        assertThat(lastRequest().containsHeader("X-Request-Id")).isFalse();
        assertThat(lastRequest().getHeader("X-Tenant")).isEqualTo("acme");
    }

    @Test
    void aViewOfAViewCombinesBothAndAViewHeaderReplacesADefaultOne() {
        answerLabel();
        TexterClient client = server.clientBuilder().defaultHeader("X-Tenant", "acme").build();
        TexterClient view = client.withOptions(o -> o.header("X-Request-Id", "req-1").header("x-tenant", "beta"))
                .withOptions(o -> o.header("X-Trace", "t-9"));

        view.labels().getLabel("VIP");

        assertThat(lastRequest().getHeader("X-Request-Id")).isEqualTo("req-1");
        assertThat(lastRequest().getHeader("X-Trace")).isEqualTo("t-9");
        assertThat(lastRequest().getHeaders().getHeader("X-Tenant").values()).containsExactly("beta");
        assertThat(view.options().headers()).containsOnlyKeys("X-Request-Id", "x-tenant", "X-Trace");
    }

    @Test
    void pagingThroughAViewSendsItsHeaders() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"total\":0,\"labels\":[]}")));
        TexterClient view = server.client().withOptions(o -> o.header("X-Request-Id", "paged"));

        assertThat(view.paging().listLabels().stream().count()).isZero();

        assertThat(lastRequest().getHeader("X-Request-Id")).isEqualTo("paged");
    }

    @Test
    void aViewsRetryPolicyReplacesTheClients() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        TexterClient client = server.client();

        assertThatThrownBy(() -> client.withOptions(o -> o.retryPolicy(r -> r.maxRetries(0))).labels().getLabel("VIP"))
                .isInstanceOf(TexterServerException.class);
        assertThat(server.requests()).hasSize(1);

        server.wireMock().resetRequests();
        assertThatThrownBy(() -> client.labels().getLabel("VIP")).isInstanceOf(TexterServerException.class);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void retryPolicyOfAViewStartsFromTheClientsPolicy() {
        TexterClient client = server.clientBuilder().retryPolicy(r -> r.maxRetries(5)).build();

        TexterClient view = client.withOptions(o -> o.retryPolicy(r -> r.maxBackoff(Duration.ofSeconds(3))));

        assertThat(client.retryPolicy().maxRetries()).isEqualTo(5);
        assertThat(view.retryPolicy().maxRetries()).isEqualTo(5);
        assertThat(view.retryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(view.retryPolicy().sleeper()).isSameAs(server.sleeper());
    }

    @Test
    void aViewsCallTimeoutEndsASlowCall() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody(LABEL)));
        TexterClient view = server.client().withOptions(o -> o.callTimeout(Duration.ofMillis(300)));
        long start = System.nanoTime();

        TexterIoException e = catchThrowableOfType(TexterIoException.class, () -> view.labels().getLabel("VIP"));

        assertThat(e).isNotNull();
        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage()).contains("call timeout of 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(view.callTimeout()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aViewsReadTimeoutEndsASlowAttempt() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody(LABEL)));
        TexterClient view = server.client().withOptions(o -> o.readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.disabled()));
        long start = System.nanoTime();

        TexterIoException e = catchThrowableOfType(TexterIoException.class, () -> view.labels().getLabel("VIP"));

        assertThat(e).isNotNull();
        assertThat(e.isTimeout()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void closingAViewLeavesTheClientOpenAndClosingTheClientEndsTheView() {
        answerLabel();
        TexterClient client = server.client();
        TexterClient view = client.withOptions(o -> o.header("X-Request-Id", "r"));

        view.close();
        assertThat(client.labels().getLabel("VIP").getName()).isEqualTo("VIP");
        assertThat(view.labels().getLabel("VIP").getName()).isEqualTo("VIP");

        client.close();
        assertThatThrownBy(() -> view.labels().getLabel("VIP")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void toBuilderMakesAnIndependentClientWithTheSameSettings() {
        answerLabel();
        TexterClient client = server.clientBuilder().defaultHeader("X-Tenant", "acme")
                .callTimeout(Duration.ofSeconds(42)).build();

        TexterClient copy = client.withOptions(o -> o.header("X-Request-Id", "r").retryPolicy(r -> r.maxRetries(1)))
                .toBuilder().logLevel(HttpLogLevel.BASIC).build();
        client.close();

        assertThat(copy.labels().getLabel("VIP").getName()).isEqualTo("VIP");
        assertThat(lastRequest().getHeader("X-Tenant")).isEqualTo("acme");
        assertThat(lastRequest().getHeader("X-Request-Id")).isEqualTo("r");
        assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TestServer.TOKEN);
        assertThat(copy.callTimeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(copy.retryPolicy().maxRetries()).isEqualTo(1);
        assertThat(copy.baseUrl()).isEqualTo(client.baseUrl());
        assertThat(copy.options()).isSameAs(CallOptions.none());
        copy.close();
    }

    @Test
    void aViewsToStringShowsItsOptionsAndNoToken() {
        TexterClient view = server.client().withOptions(o -> o.header("X-Request-Id", TestServer.TOKEN));

        assertThat(view.toString()).contains("view with", "X-Request-Id").doesNotContain(TestServer.TOKEN);
        assertThat(view.chats().toString()).contains("ChatsApi").doesNotContain(TestServer.TOKEN);
    }

    static Stream<String> reservedHeaders() {
        return Stream.of("Authorization", "authorization", "Proxy-Authorization", "Content-Type", "HOST",
                "Content-Length", "Accept", "Accept-Encoding", "Transfer-Encoding", "Connection", "User-Agent");
    }

    @ParameterizedTest
    @MethodSource("reservedHeaders")
    void headersTheSdkSetsItselfAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder().defaultHeader(name, "x"))
                .withMessage("the header " + name + " cannot be set: the SDK sets it itself (Authorization comes from"
                        + " the token, Content-Type and Accept from the operation, the rest from the HTTP client)");
        assertThatIllegalArgumentException().isThrownBy(() -> server.client().withOptions(o -> o.header(name, "x")))
                .withMessageStartingWith("the header " + name + " cannot be set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "line\nbreak", "nul\u0000"})
    void headerValuesWithControlCharactersAreRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> CallOptions.builder().header("X-Request-Id", value))
                .withMessage("the value of the header X-Request-Id must not contain line breaks or other control"
                        + " characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Request", "X-Id:", "Ü", "(id)"})
    void malformedHeaderNamesAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder().defaultHeader(name, "x"))
                .withMessageEndingWith("is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)");
    }

    @Test
    void badTimeoutsAreRefused() {
        Consumer<CallOptions.Builder> zero = o -> o.callTimeout(Duration.ZERO);
        assertThatIllegalArgumentException().isThrownBy(() -> server.client().withOptions(zero))
                .withMessageContaining("callTimeout must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> CallOptions.builder().callTimeout(Duration.ofHours(25)))
                .withMessageContaining("at most 24 hours");
        assertThatIllegalArgumentException().isThrownBy(() -> CallOptions.builder().readTimeout(Duration.ofMillis(-1)))
                .withMessageContaining("readTimeout must be positive");
    }
}
