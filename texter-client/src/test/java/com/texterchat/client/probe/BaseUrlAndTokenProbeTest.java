package com.texterchat.client.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.testsupport.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes of base URLs and tokens the builder must refuse, or normalise, before any call is made. */
@Timeout(30)
class BaseUrlAndTokenProbeTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://demo.texterchat.com:99999/server/api/v2 | baseUrl has the port 99999; a port must be 1-65535",
        "https://demo.texterchat.com:0/server/api/v2     | baseUrl has the port 0; a port must be 1-65535",
        "https://demo.texterchat.com:/server/api/v2      | baseUrl has an empty port",
        "https:///server/api/v2                          | baseUrl must name a host",
        "https://demo_shop.texterchat.com/server/api/v2  | baseUrl must name a host",
        "HTTP://demo.texterchat.com/server/api/v2        | baseUrl must use https; plain http is only allowed",
        "ftp://demo.texterchat.com/                      | baseUrl must use https (or http on a loopback host), not the scheme 'ftp'",
        "ws://127.0.0.1:8080/                            | not the scheme 'ws'",
        "file:///etc/passwd                              | not the scheme 'file'",
        "mailto:ops@texterchat.com                       | baseUrl must be an absolute https URL",
        "demo.texterchat.com/server/api/v2               | baseUrl must be an absolute https URL",
        "https://demo.texterchat.com/server/api/v2?x=1   | must not contain user info, a query or a fragment",
        "https://demo.texterchat.com/server/api/v2#top   | must not contain user info, a query or a fragment",
        "https://ops:secret@demo.texterchat.com/         | must not contain user info, a query or a fragment",
    })
    void unusableBaseUrlsAreRefusedWithAClearMessage(String url, String message) {
        assertThatThrownBy(() -> TexterClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void anUnusableBaseUrlFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_API_TOKEN", TestServer.TOKEN,
                "TEXTER_BASE_URL", "https://demo.texterchat.com:99999/server/api/v2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TEXTER_BASE_URL is invalid: baseUrl has the port 99999; a port must be 1-65535");
        assertThatThrownBy(() -> TexterClient.builder().environment(Map.of("TEXTER_API_TOKEN", TestServer.TOKEN,
                "TEXTER_BASE_URL", "Ftp://demo.texterchat.com")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TEXTER_BASE_URL is invalid:")
                .hasMessageContaining("not the scheme 'Ftp'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP://127.0.0.1:%d/server/api/v2", "Http://LOCALHOST:%d/server/api/v2/"})
    void schemeAndHostAreCaseInsensitiveAndCallsWorkThroughTheNormalisedUrl(String template) {
        server.wireMock().stubFor(get(anyUrl()).willReturn(okJson("{\"total\":0,\"labels\":[]}")));
        String url = String.format(template, server.wireMock().port());
        try (TexterClient client = TexterClient.builder().baseUrl(url).token(TestServer.TOKEN)
                .retryPolicy(RetryPolicy.disabled()).build()) {
            assertThat(client.labels().listLabels(null, null).getTotal()).isZero();
            assertThat(client.baseUrl().toString()).isEqualTo(url.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("/$", ""));
        }
        assertThat(server.requests()).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).isEqualTo("/server/api/v2/labels"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "tk_1", "abc1234"})
    void tokensTooShortToBeRealAreRefusedWithoutShowingThem(String token) {
        assertThatThrownBy(() -> TexterClient.builder().token(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token is too short to be a Texter API token (" + token.length() + " characters, at least"
                        + " 8 expected); copy the whole token from Texter (gear icon, Developers, API Tokens)");
        assertThatThrownBy(() -> TexterClient.fromEnvironment(Map.of("TEXTER_API_TOKEN", token,
                "TEXTER_PROJECT_ID", "demo")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TEXTER_API_TOKEN is invalid: "
                        + "token is too short")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("'" + token).doesNotContain(token + "'"));
    }

    @Test
    void aTokenOfEightCharactersIsAccepted() {
        assertThat(TexterClient.builder().projectId("demo").token("tk_12345").build().baseUrl())
                .hasToString("https://demo.texterchat.com/server/api/v2");
    }
}
