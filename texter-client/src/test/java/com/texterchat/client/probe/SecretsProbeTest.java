package com.texterchat.client.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.texterchat.client.HttpLogLevel;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterException;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.client.testsupport.LogCapture;
import com.texterchat.client.testsupport.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Probes: a server that echoes the API token back, in every form, never gets it into an exception (message, cause
 * chain, stack trace text) or a log line, not even an 8-character slice of it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretsProbeTest {

    private static final String TOKEN = TestServer.TOKEN;
    private static final String CHAT = "/chats/c1";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @BeforeEach
    void forgetLogs() {
        LogCapture.clear();
    }

    /** Every form of the token a server might echo. */
    private static String jsonEscaped() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < TOKEN.length(); i++) {
            char c = TOKEN.charAt(i);
            out.append(i % 2 == 0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String urlEncoded() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < TOKEN.length(); i++) {
            out.append(i % 3 == 0 ? String.format("%%%02X", (int) TOKEN.charAt(i)) : String.valueOf(TOKEN.charAt(i)));
        }
        return out.toString();
    }

    private static TexterException call(int status, String body) {
        server.wireMock().stubFor(get(urlPathEqualTo(TestServer.API + CHAT))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
        TexterClient client = server.clientBuilder().logLevel(HttpLogLevel.BODY).build();
        Throwable thrown = catchThrowable(() -> client.chats().getChat("c1"));
        assertThat(thrown).isInstanceOf(TexterException.class);
        return (TexterException) thrown;
    }

    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Neither the token nor any 8-character slice of it is in the text. */
    private static void assertTokenFree(String text) {
        assertThat(text).doesNotContain(TOKEN);
        for (int i = 0; i + 8 <= TOKEN.length(); i++) {
            assertThat(text).as("slice %d of the token", i).doesNotContain(TOKEN.substring(i, i + 8));
        }
        assertThat(text).doesNotContain(jsonEscaped()).doesNotContain(urlEncoded());
    }

    private static void assertTokenFree(TexterException e) {
        assertTokenFree(printed(e));
        assertTokenFree(e.toString());
        assertTokenFree(LogCapture.allText());
    }

    @Test
    void aPlainEchoInAnErrorBodyIsMasked() {
        TexterException e = call(400, "{\"error\":\"bad token " + TOKEN + "\"}");
        assertThat(e).isInstanceOf(TexterHttpException.class);
        assertThat(e.getMessage()).contains("<redacted>");
        assertTokenFree(e);
    }

    @Test
    void aJsonEscapedEchoIsMasked() {
        TexterException e = call(401, "{\"error\":\"bad token " + jsonEscaped() + " and \\/" + "\"}");
        assertTokenFree(e);
        TexterException unparsable = call(200, "{\"title\":\"" + jsonEscaped() + "\",");
        assertThat(unparsable).isInstanceOf(TexterUnexpectedResponseException.class);
        assertTokenFree(unparsable);
    }

    @Test
    void aUrlEncodedEchoIsMasked() {
        TexterException e = call(404, "no route for /x?token=" + urlEncoded() + "&y="
                + URLEncoder.encode("Bearer " + TOKEN, StandardCharsets.UTF_8));
        assertThat(e.getMessage()).contains("<redacted>");
        assertTokenFree(e);
    }

    @Test
    void aTokenAcrossTheMessageCutIsMasked() {
        for (int offset = 480; offset <= 500; offset += 2) {
            String body = "x".repeat(offset) + TOKEN + "y".repeat(600);
            assertTokenFree(call(500, body));
            assertTokenFree(call(200, body));
            assertTokenFree(call(400, "{\"error\":\"" + "z".repeat(offset) + TOKEN + "\"}"));
        }
    }

    @Test
    void aTokenAcrossTheBodyLogCutIsMasked() {
        for (int offset = 8 * 1024 - 20; offset <= 8 * 1024; offset += 5) {
            assertTokenFree(call(400, "x".repeat(offset) + TOKEN + "y".repeat(100)));
        }
    }

    @Test
    void aJacksonParseErrorDoesNotCarryTheTokenInItsCause() {
        TexterException e = call(200, TOKEN);
        assertThat(e).isInstanceOf(TexterUnexpectedResponseException.class);
        assertThat(e.getCause()).isNotNull();
        assertThat(printed(e)).contains("JsonParseException").contains("Unrecognized token");
        assertTokenFree(e);
    }

    @Test
    void aJacksonMismatchDoesNotCarryTheTokenInItsCause() {
        TexterException e = call(200, "{\"unreadCount\":\"" + TOKEN + "\"}");
        assertThat(e).isInstanceOf(TexterUnexpectedResponseException.class);
        assertThat(printed(e)).contains("unreadCount");
        assertTokenFree(e);
        // a long string that Jackson quotes with its first 490 and last 10 characters
        assertTokenFree(call(200, "{\"unreadCount\":\"" + "x".repeat(486) + TOKEN + "x".repeat(40) + TOKEN + "\"}"));
    }

    @Test
    void aCleanCauseIsKeptAsItIs() {
        TexterException e = call(200, "nonsense");
        assertThat(e.getCause()).isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }
}
