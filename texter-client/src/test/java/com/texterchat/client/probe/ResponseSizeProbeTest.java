package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.texterchat.client.HttpLogLevel;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterResponseTooLargeException;
import com.texterchat.client.testsupport.LogCapture;
import com.texterchat.client.testsupport.RawHttpServer;
import com.texterchat.client.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies are bounded: the size limit is enforced while reading, and exceptions and logs keep only a prefix. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ResponseSizeProbeTest {

    private static final long LIMIT = 64 * 1024;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void theDefaultLimitIs16MiB() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.hugeBody(16L * 1024 * 1024 + 1), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build();
            TexterResponseTooLargeException e = tooLarge(client);
            assertThat(e.limit()).isEqualTo(16L * 1024 * 1024);
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void aDeclaredHugeBodyFailsAtOnceAndTheClientStaysUsable() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.hugeBody(1L << 40), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).maxResponseSize(LIMIT).build();
            long start = System.nanoTime();
            TexterResponseTooLargeException e = tooLarge(client);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(e.getMessage()).contains("getLabel").contains(LIMIT + " bytes").contains("Content-Length");
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void anEndlessChunkedBodyFailsAtTheLimit() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.endlessBody(), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).maxResponseSize(LIMIT).build();
            assertThat(tooLarge(client).getMessage()).contains("larger than the response size limit of " + LIMIT);
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void aBodyWithoutContentLengthIsCountedWhileRead() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.bodyUntilClose(new byte[(int) LIMIT + 1]), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).maxResponseSize(LIMIT).build();
            tooLarge(client);
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        StringBuilder padded = new StringBuilder(ProbeClients.LABEL);
        while (padded.length() < LIMIT) {
            padded.append(' ');
        }
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.bodyUntilClose(
                padded.toString().getBytes(StandardCharsets.US_ASCII)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).maxResponseSize(LIMIT).build();
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void aContentLengthThatUnderstatesTheBodyIsNotTrustedBeyondIt() {
        // Declares 30 bytes, sends a megabyte: the client reads 30, which is not the expected JSON, and the rest
        // never reaches memory.
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.lyingContentLength(30, 1 << 20), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).maxResponseSize(LIMIT).build();
            assertThatThrownBy(() -> client.labels().getLabel("VIP"))
                    .isInstanceOf(com.texterchat.client.error.TexterUnexpectedResponseException.class);
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void anErrorBodyIsKeptAsABoundedPrefix() {
        String body = "{\"error\":\"" + "é".repeat(300_000) + "\"}";
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.json(404, body))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build();
            TexterHttpException e = catchThrowableOfType(TexterHttpException.class,
                    () -> client.labels().getLabel("VIP"));
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.responseBody()).hasSizeLessThanOrEqualTo(64 * 1024).startsWith("{\"error\":\"éé")
                    .doesNotContain("\uFFFD");
            assertThat(e.getMessage()).hasSizeLessThan(2_000);
        }
    }

    @Test
    void theBodyLogShowsAPrefixMaskedBeforeTheCut() {
        // The token starts 5 characters before the 8 KiB cut of the BODY line: no part of it may be logged.
        String body = "{\"a\":\"" + "x".repeat(8 * 1024 - 6 - 5) + TestServer.TOKEN + "\",\"b\":\"" + "y".repeat(1 << 20)
                + "\"}";
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.json(200, body))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).logLevel(HttpLogLevel.BODY).build();
            LogCapture.clear();
            client.labels().getLabel("VIP");
            String line = LogCapture.entries("com.texterchat.client.http").stream().map(LogCapture.Entry::message)
                    .filter(m -> m.startsWith("<-- 200")).findFirst().orElseThrow();
            assertThat(line).hasSizeLessThan(10 * 1024).contains("bytes in all").doesNotContain("yyy")
                    .doesNotContain(TestServer.TOKEN.substring(0, 5));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE})
    void theBuilderRefusesAnUnusableLimit(long bytes) {
        assertThatThrownBy(() -> TexterClient.builder().maxResponseSize(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseSize").hasMessageContaining(String.valueOf(bytes));
    }

    private static TexterResponseTooLargeException tooLarge(TexterClient client) {
        TexterResponseTooLargeException e = catchThrowableOfType(TexterResponseTooLargeException.class,
                () -> client.labels().getLabel("VIP"));
        assertThat(e).as("a TexterResponseTooLargeException").isNotNull();
        assertThat(e.operation()).isEqualTo("getLabel");
        return e;
    }
}
