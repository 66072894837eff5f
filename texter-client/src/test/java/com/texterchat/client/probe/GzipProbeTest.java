package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterResponseTooLargeException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.client.testsupport.RawHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client asks for gzip, decodes it within the size limit, and refuses encodings it cannot decode. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GzipProbeTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] LABEL = ProbeClients.LABEL.getBytes(StandardCharsets.UTF_8);

    @Test
    void asksForGzipAndDecodesIt() {
        List<String> acceptEncoding = new CopyOnWriteArrayList<>();
        RawHttpServer.Script gzip = RawHttpServer.encoded(200, "gzip", RawHttpServer.gzip(LABEL));
        try (RawHttpServer server = RawHttpServer.start(exchange -> {
            acceptEncoding.add(String.valueOf(exchange.header("Accept-Encoding")));
            gzip.answer(exchange);
        })) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build();
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
            assertThat(acceptEncoding).containsExactly("gzip");
        }
    }

    @Test
    void aGzipErrorBodyIsDecodedToo() {
        byte[] body = "{\"error\":\"no such label\"}".getBytes(StandardCharsets.UTF_8);
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.encoded(404, "gzip",
                RawHttpServer.gzip(body)))) {
            TexterHttpException e = catchThrowableOfType(TexterHttpException.class,
                    () -> ProbeClients.builder(server, READ_TIMEOUT).build().labels().getLabel("VIP"));
            assertThat(e.responseBody()).isEqualTo("{\"error\":\"no such label\"}");
            assertThat(e.getMessage()).contains("no such label");
        }
    }

    @Test
    void aGzipBombFailsWithTheSizeLimit() {
        byte[] bomb = RawHttpServer.gzipOf(40L << 20, (byte) ' '); // 40 MiB of spaces in about 40 KiB
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.encoded(200, "gzip", bomb), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build();
            TexterResponseTooLargeException e = catchThrowableOfType(TexterResponseTooLargeException.class,
                    () -> client.labels().getLabel("VIP"));
            assertThat(e.getMessage()).contains("gzip").contains("16777216 bytes");
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void anUnknownEncodingIsATypedFailure() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.encoded(200, "br", new byte[] {11, 2, 3}))) {
            TexterUnexpectedResponseException e = catchThrowableOfType(TexterUnexpectedResponseException.class,
                    () -> ProbeClients.builder(server, READ_TIMEOUT).build().labels().getLabel("VIP"));
            assertThat(e.getMessage()).contains("getLabel").contains("Content-Encoding 'br'");
        }
    }

    @Test
    void corruptGzipIsATypedFailure() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.encoded(200, "gzip", LABEL))) {
            TexterUnexpectedResponseException e = catchThrowableOfType(TexterUnexpectedResponseException.class,
                    () -> ProbeClients.builder(server, READ_TIMEOUT).build().labels().getLabel("VIP"));
            assertThat(e.getMessage()).contains("corrupt gzip");
        }
    }
}
