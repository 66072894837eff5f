package com.texterchat.client.webhook.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.webhook.TexterWebhookReceiver;
import com.texterchat.client.webhook.WebhookLimits;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.model.NewIncomingMessageEventData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The servlet in a real container (Jetty 12, Servlet 6.0) on 127.0.0.1, called over HTTP. */
class TexterWebhookServletTest {

    private static final WebhookSecret SECRET = WebhookSecret.generate();
    private static final int MAX_BYTES = 4096;
    private static final String BODY = "{\"eventName\":\"newIncomingMessage\",\"eventData\":{"
            + "\"chat\":{\"_id\":\"67bf11038b24880cc966f799\",\"title\":\"Dana Levi\"},"
            + "\"message\":{\"_id\":\"69062b15962e17ab3033f886\",\"text\":\"hi there\",\"type\":\"text\","
            + "\"direction\":\"incoming\",\"parent_chat\":\"67bf11038b24880cc966f799\"}}}";
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    private static Server server;
    private static URI endpoint;
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startContainer() throws Exception {
        TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().secret(SECRET)
                .limits(WebhookLimits.builder().maxBytes(MAX_BYTES).build())
                .on(NewIncomingMessageEventData.class, e -> {
                    if (e.data().getMessage().getText().equals("fail")) {
                        throw new IllegalStateException("the CRM is down");
                    }
                    RECEIVED.add(e.data().getMessage().getText());
                })
                .build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new TexterWebhookServlet(receiver)), "/texter/webhook");
        server.setHandler(context);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/texter/webhook");
    }

    @AfterAll
    static void stopContainer() throws Exception {
        server.stop();
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    private static HttpResponse<String> post(URI uri, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        return post(endpoint, body, headers);
    }

    @Test
    void aDeliveryWithTheSecretHeaderIsAcceptedAndReachesTheListener() throws Exception {
        HttpResponse<String> response = post(BODY, WebhookSecret.HEADER, SECRET.value());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("accepted\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(RECEIVED).containsExactly("hi there");
    }

    @Test
    void theHeaderNameIsMatchedIgnoringCaseAndTheQueryParameterWorksToo() throws Exception {
        assertThat(post(BODY, "x-texter-webhook-secret", SECRET.value()).statusCode()).isEqualTo(200);
        URI withSecret = URI.create(endpoint + "?" + WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value());
        assertThat(post(withSecret, BODY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED).containsExactly("hi there", "hi there");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "wrong", "other-header", "bearer", "wrong-query"})
    void aForgedDeliveryIs401AndReachesNoListener(String forgery) throws Exception {
        HttpResponse<String> response = switch (forgery) {
            case "none" -> post(BODY);
            case "wrong" -> post(BODY, WebhookSecret.HEADER, WebhookSecret.generate().value());
            case "other-header" -> post(BODY, "X-Webhook-Secret", SECRET.value());
            case "bearer" -> post(BODY, "Authorization", "Bearer " + SECRET.value());
            default -> post(URI.create(endpoint + "?" + WebhookSecret.QUERY_PARAMETER + "=" + "x".repeat(43)), BODY);
        };

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("missing or wrong webhook secret\n");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aMalformedBodyIs400AndTheAnswerQuotesNothingOfIt() throws Exception {
        HttpResponse<String> response = post("{\"eventName\": oops-not-json", WebhookSecret.HEADER, SECRET.value());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("not a Texter webhook delivery\n").doesNotContain("oops");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413WithAContentLengthOrChunked() throws Exception {
        String padded = BODY.replace("hi there", "x".repeat(MAX_BYTES));
        assertThat(post(padded, WebhookSecret.HEADER, SECRET.value()).statusCode()).isEqualTo(413);

        HttpRequest chunked = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header(WebhookSecret.HEADER, SECRET.value())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        padded.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("webhook body larger than " + MAX_BYTES + " bytes\n");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aFailingListenerIs500WithoutItsMessage() throws Exception {
        HttpResponse<String> response = post(BODY.replace("hi there", "fail"), WebhookSecret.HEADER, SECRET.value());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("webhook listener failed\n").doesNotContain("CRM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD"})
    void everyMethodButPostIs405(String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header(WebhookSecret.HEADER, SECRET.value())
                .method(method, method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                        || method.equals("TRACE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.body()).doesNotContain(SECRET.value());
        assertThat(RECEIVED).isEmpty();
    }

    /** One raw HTTP/1.1 exchange on a socket kept open: the request, then the answer's status line. */
    private static String exchange(Socket socket, String headers, byte[] body) throws Exception {
        OutputStream out = socket.getOutputStream();
        int first = sendStart(out, headers, body.length, body);
        // a pause while the receiver decides, then the rest: the sender is still sending when the refusal is
        // ready, as a real sender of a large body is
        Thread.sleep(200);
        out.write(body, first, body.length - first);
        out.flush();
        return statusLine(socket);
    }

    /** Sends the head with a declared length and the part of the body the receiver reads (the limit and a bit). */
    private static int sendStart(OutputStream out, String headers, long declared, byte[] body) throws IOException {
        out.write((headers + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int first = Math.min(body.length, MAX_BYTES + 512);
        out.write(body, 0, first);
        out.flush();
        return first;
    }

    /** Reads an answer's head and body; returns its status line, or "(closed)". */
    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.length() == 0 ? "(closed)" : head.toString();
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head.substring(0, head.indexOf("\r\n"));
    }

    @Test
    void aRefusedBodyDeclaredOverOneMebibyteIsNotWaitedFor() throws Exception {
        long declared = TexterWebhookServlet.DISCARD_LIMIT + 1;
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(5000); // reading the rest would wait for bytes this sender never sends
            sendStart(socket.getOutputStream(), "POST /texter/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + WebhookSecret.HEADER + ": " + SECRET.value() + "\r\n", declared,
                    "x".repeat(MAX_BYTES * 2).getBytes(StandardCharsets.UTF_8));
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
    }

    @Test
    void aRefusedBodyIsReadToItsEndSoTheConnectionStaysUsable() throws Exception {
        byte[] oversized = ("{\"eventName\":\"" + "x".repeat(MAX_BYTES * 4) + "\"}").getBytes(StandardCharsets.UTF_8);
        String post = "POST /texter/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(5000);
            assertThat(exchange(socket, post + WebhookSecret.HEADER + ": " + SECRET.value() + "\r\n", oversized))
                    .isEqualTo("HTTP/1.1 413 Payload Too Large");
            assertThat(exchange(socket, post, oversized)).isEqualTo("HTTP/1.1 401 Unauthorized");
            // the same connection still answers: nothing of the refused bodies was left unread
            assertThat(exchange(socket, post + WebhookSecret.HEADER + ": " + SECRET.value() + "\r\n",
                    BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(RECEIVED).containsExactly("hi there");
    }
}
