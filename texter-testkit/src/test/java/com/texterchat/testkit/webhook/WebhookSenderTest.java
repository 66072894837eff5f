package com.texterchat.testkit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivering payloads to a real local endpoint. */
class WebhookSenderTest {

    private record Received(String method, String contentType, String token, byte[] body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer endpoint;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/ok", exchange -> {
            RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("x-webhook-token"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "cannot parse".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        base = "http://127.0.0.1:" + endpoint.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    @Test
    void deliversTheExactBytesAsJsonWithExtraHeaders() {
        WebhookPayload<?> payload = WebhookPayloads.newIncomingMessage().text("שלום").build();

        HttpResponse<String> response = WebhookSender.to(base + "/ok").header("x-webhook-token", "s3cret").deliver(payload);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.token()).isEqualTo("s3cret");
            assertThat(r.body()).isEqualTo(payload.bytes());
        });
    }

    @Test
    void deliverFailsWhenTheReceiverDoesNotAcknowledge() {
        WebhookSender sender = WebhookSender.to(base + "/broken");
        WebhookPayload<?> payload = WebhookPayloads.chatResolved().build();

        assertThatThrownBy(() -> sender.deliver(payload))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not acknowledge chatResolved")
                .hasMessageContaining("500 cannot parse");
        assertThat(sender.post(payload).statusCode()).isEqualTo(500);
    }

    @Test
    void anUnreachableEndpointIsReportedWithTheEvent() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        WebhookSender sender = WebhookSender.to("http://127.0.0.1:" + freePort + "/x").timeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> sender.post(WebhookPayloads.chatPending().build()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("chatPending");
    }

    @Test
    void endpointsHeadersAndTimeoutsAreValidated() {
        assertThatThrownBy(() -> WebhookSender.to("ftp://127.0.0.1/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> WebhookSender.to("/relative/path"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/relative/path'");
        assertThatThrownBy(() -> WebhookSender.to("http://bad host/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        WebhookSender sender = WebhookSender.to(base + "/ok");
        assertThatThrownBy(() -> sender.header("Content-Length", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Content-Length'");
        assertThatThrownBy(() -> sender.timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void headerValuesStayOutOfToString() {
        WebhookSender sender = WebhookSender.to(base + "/ok").header("x-webhook-token", "s3cret");

        assertThat(sender.toString()).contains("x-webhook-token").doesNotContain("s3cret");
        assertThat(sender.endpoint().getPath()).isEqualTo("/ok");
    }
}
