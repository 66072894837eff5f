package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.testsupport.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Construction of {@link TexterClient}: what it accepts, what it refuses, and what every request carries. */
class TexterClientBuilderTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void aProjectIdBecomesTheTexterSubdomain() {
        assertThat(TexterClient.builder().projectId("my-shop-2").token("tk_test_0001").build().baseUrl())
                .hasToString("https://my-shop-2.texterchat.com/server/api/v2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.com", "demo.evil.com", "demo/", "demo?x=", "demo#", "demo@evil.com", "demo:443",
        "-demo", "demo-", "", " demo", "dem o", "d\u00e9mo", "demo\n", "demo%2eevil",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void projectIdsThatCouldReachAnotherHostAreRefused(String projectId) {
        assertThatThrownBy(() -> TexterClient.builder().projectId(projectId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projectId must be 1-63 letters, digits or hyphens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://texter-proxy.example.com/server/api/v2/", "http://127.0.0.1:8080/api",
        "http://localhost:9000", "http://[::1]:8080/x", "HTTPS://Demo.TexterChat.com/server/api/v2"})
    void baseUrlsOverHttpsOrToLoopbackAreAccepted(String url) {
        TexterClient client = TexterClient.builder().baseUrl(url).token("tk_test_0001").build();

        assertThat(client.baseUrl().toString()).doesNotEndWith("/").isEqualToIgnoringCase(url.replaceAll("/$", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://demo.texterchat.com/server/api/v2", "http://127.0.0.1.evil.com/",
        "http://10.0.0.7/", "ftp://demo.texterchat.com/", "/server/api/v2", "demo.texterchat.com",
        "https://user:secret@demo.texterchat.com/", "https://demo.texterchat.com/?x=1",
        "https://demo.texterchat.com/#top", "https://demo .texterchat.com/"})
    void otherBaseUrlsAreRefused(String url) {
        assertThatThrownBy(() -> TexterClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tk_1 2", "tk_12\n", "tk\r\nX-Injected: yes", "tk\u0000"})
    void tokensThatAreBlankOrCouldInjectHeadersAreRefusedWithoutEchoingThem(String token) {
        assertThatThrownBy(() -> TexterClient.builder().token(token))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("token must not")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tk"));
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> TexterClient.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> TexterClient.builder().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout must be positive");
    }

    @Test
    void aClientNeedsATokenAndAProjectIdOrBaseUrl() {
        assertThatThrownBy(() -> TexterClient.builder().projectId("demo").build())
                .isInstanceOf(IllegalStateException.class).hasMessage("token is required");
        assertThatThrownBy(() -> TexterClient.builder().token("tk_test_0001").build())
                .isInstanceOf(IllegalStateException.class).hasMessage("projectId (or baseUrl) is required");
    }

    @Test
    void theEnvironmentProvidesProjectAndToken() {
        TexterClient client = TexterClient.fromEnvironment(Map.of("TEXTER_PROJECT_ID", " demo ",
                "TEXTER_API_TOKEN", TestServer.TOKEN + "\n"));

        assertThat(client.baseUrl()).hasToString("https://demo.texterchat.com/server/api/v2");
    }

    @Test
    void theEnvironmentsBaseUrlTakesPrecedenceAndTheClientUsesTheToken() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{\"total\":0,\"labels\":[]}")));
        Map<String, String> env = new HashMap<>();
        env.put("TEXTER_PROJECT_ID", "demo");
        env.put("TEXTER_API_TOKEN", TestServer.TOKEN);
        env.put("TEXTER_BASE_URL", server.baseUrl());

        TexterClient client = TexterClient.builder().environment(env).retryPolicy(RetryPolicy.disabled()).build();
        client.labels().listLabels(null, null);

        assertThat(client.baseUrl()).hasToString(server.baseUrl());
        server.wireMock().verify(getRequestedFor(urlEqualTo(TestServer.API + "/labels"))
                .withHeader("Authorization", equalTo("Bearer " + TestServer.TOKEN)));
    }

    @Test
    void missingOrInvalidEnvironmentVariablesAreNamed() {
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_PROJECT_ID", "demo")))
                .isInstanceOf(IllegalStateException.class).hasMessage("TEXTER_API_TOKEN is not set");
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_PROJECT_ID", "demo",
                "TEXTER_API_TOKEN", "  ")))
                .isInstanceOf(IllegalStateException.class).hasMessage("TEXTER_API_TOKEN is not set");
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_API_TOKEN", "tk_test_0001")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEXTER_PROJECT_ID is not set");
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_API_TOKEN", "tk_test_0001",
                "TEXTER_PROJECT_ID", "demo.evil.com")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TEXTER_PROJECT_ID is invalid");
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_API_TOKEN", "tk_test_0001",
                "TEXTER_BASE_URL", "http://texter.example.com")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TEXTER_BASE_URL is invalid");
    }

    @Test
    void everyRequestCarriesTheBearerTokenAndAUserAgentNamingTheSdk() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"VIP\",\"name\":\"VIP\"}")));

        server.client().labels().getLabel("VIP");

        server.wireMock().verify(getRequestedFor(urlEqualTo(TestServer.API + "/labels/VIP"))
                .withHeader("Authorization", equalTo("Bearer " + TestServer.TOKEN))
                .withHeader("User-Agent", matching("texter-java-sdk/[0-9A-Za-z.+-]+ \\(Java [0-9][^)]*\\)")));
    }

    @Test
    void toStringNeverShowsTheToken() {
        TexterClient.Builder builder = TexterClient.builder().projectId("demo").token(TestServer.TOKEN);

        assertThat(builder.toString()).doesNotContain(TestServer.TOKEN).contains("<redacted>");
        assertThat(builder.build().toString()).doesNotContain(TestServer.TOKEN).contains("demo.texterchat.com");
        assertThat(server.client().labels().toString()).doesNotContain(TestServer.TOKEN);
    }

    @Test
    void everyApiAccessorReturnsTheSameThreadSafeInstance() {
        TexterClient client = server.client();

        assertThat(client.chats()).isSameAs(client.chats());
        assertThat(client.scenarios()).isSameAs(client.scenarios());
        assertThat(client.paging()).isSameAs(client.paging());
        assertThat(java.util.List.of(client.chats(), client.messages(), client.templates(),
                client.templateSubscriptions(), client.labels(), client.files(), client.channels(),
                client.quickReplies(), client.eventSubscriptions(), client.scenarios())).doesNotContainNull();
    }
}
