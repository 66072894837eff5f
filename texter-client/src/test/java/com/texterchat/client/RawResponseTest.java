package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.texterchat.api.LabelsApi;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterRateLimitedException;
import com.texterchat.client.testsupport.RawHttpServer;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.ChatPublicView;
import com.texterchat.model.Label;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw responses ({@code withRawResponse}) and the headers of error answers, on a real server. */
class RawResponseTest {

    private static final String LABEL = "{\"id\":\"VIP\",\"name\":\"VIP\",\"color\":\"red\"}";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void aRawResponseHasStatusHeadersTheDecodedBodyAndItsBytes() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "rq-77")
                .withHeader("Set-Cookie", "session=abc").withHeader("X-Echo", "Bearer " + TestServer.TOKEN)
                .withBody(LABEL)));
        TexterClient client = server.client();

        TexterResponse<Label> response = client.withRawResponse(c -> c.labels().getLabel("VIP"));

        assertThat(response.operation()).isEqualTo("getLabel");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("x-request-id")).contains("rq-77");
        assertThat(response.headers().get("X-REQUEST-ID")).containsExactly("rq-77");
        assertThat(response.header("Set-Cookie")).contains("<redacted>");
        assertThat(response.header("X-Echo")).contains("Bearer <redacted>");
        assertThat(response.header("X-Missing")).isEmpty();
        assertThat(response.body().getName()).isEqualTo("VIP");
        assertThat(new String(response.rawBody(), StandardCharsets.UTF_8)).isEqualTo(LABEL);
        assertThat(response.toString()).isEqualTo("TexterResponse[getLabel, HTTP 200, " + response.headers().size()
                + " headers, " + LABEL.length() + " bytes]");
    }

    @Test
    void theRawBodyOfAGzipAnswerIsTheDecodedBytes() {
        byte[] json = LABEL.getBytes(StandardCharsets.UTF_8);
        try (RawHttpServer raw = RawHttpServer.start(RawHttpServer.encoded(200, "gzip", RawHttpServer.gzip(json)))) {
            TexterClient client = TexterClient.builder().baseUrl(raw.baseUrl()).token(TestServer.TOKEN).build();

            TexterResponse<Label> response = client.withRawResponse(c -> c.labels().getLabel("VIP"));

            assertThat(response.rawBody()).isEqualTo(json);
            assertThat(response.header("Content-Encoding")).isEmpty();
            client.close();
        }
    }

    @Test
    void aRetriedCallGivesItsFinalAnswerAndAViewWorksToo() {
        server.wireMock().stubFor(any(anyUrl()).inScenario("r").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        server.wireMock().stubFor(any(anyUrl()).inScenario("r").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Dana\"}")));
        TexterClient view = server.client().withOptions(o -> o.header("X-Request-Id", "r1"));

        TexterResponse<ChatPublicView> response = view.withRawResponse(c -> c.chats().getChat("67bf"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().getTitle()).isEqualTo("Dana");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aFunctionWithoutACallIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> server.client().withRawResponse(c -> "nothing"))
                .withMessage("withRawResponse: the function made no call to Texter");
    }

    @Test
    void anErrorAnswerKeepsItsHeadersRedacted() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("X-Request-Id", "rq-404").withHeader("Set-Cookie", "s=" + TestServer.TOKEN)
                .withHeader("X-Echo", TestServer.TOKEN).withBody("{\"error\":\"no such label\"}")));

        TexterNotFoundException e = catchThrowableOfType(TexterNotFoundException.class,
                () -> server.client().labels().getLabel("VIP"));

        assertThat(e.header("X-REQUEST-ID")).contains("rq-404");
        assertThat(e.headers().get("set-cookie")).containsExactly("<redacted>");
        assertThat(e.header("X-Echo")).contains("<redacted>");
        assertThat(e.headers().toString()).doesNotContain(TestServer.TOKEN);
    }

    @Test
    void aRateLimitedAnswerHasItsRetryAfterHeader() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120").withHeader("X-RateLimit-Remaining", "0")));

        TexterRateLimitedException e = catchThrowableOfType(TexterRateLimitedException.class,
                () -> server.client().labels().getLabel("VIP"));

        assertThat(e.header("Retry-After")).contains("120");
        assertThat(e.header("X-RateLimit-Remaining")).contains("0");
    }

    @Test
    void theGeneratedCodeHasNoApiResponseNorWithHttpInfoMethods() throws IOException, URISyntaxException {
        Path generated = Path.of(Label.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        if (Files.isDirectory(generated)) {
            try (Stream<Path> files = Files.walk(generated)) {
                names = files.map(p -> p.getFileName().toString()).toList();
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(generated.toFile())) {
                names = jar.stream().map(e -> e.getName().substring(e.getName().lastIndexOf('/') + 1)).toList();
            }
        }
        assertThat(names).contains("Label.class").noneMatch(name -> name.contains("ApiResponse"));
        assertThat(Stream.of(LabelsApi.class.getMethods()).map(Method::getName))
                .contains("getLabel").noneMatch(name -> name.endsWith("WithHttpInfo"));
    }
}
