package com.texterchat.testkit.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.texterchat.Texter;
import com.texterchat.client.webhook.TexterWebhookReceiver;
import com.texterchat.client.webhook.WebhookLimits;
import com.texterchat.client.webhook.WebhookReceipt;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.client.webhook.servlet.TexterWebhookServlet;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.simulator.TexterSimulator;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authenticated webhooks end to end: a subscription imported {@code withSecret} into the simulator, whose deliveries
 * reach a real receiver on 127.0.0.1 (a JDK {@code HttpServer} around {@link TexterWebhookReceiver}, and
 * {@link TexterWebhookServlet} in Jetty 12), while forged requests are refused with 401 and reach no listener.
 */
@TexterTest(simulator = true)
class AuthenticatedWebhooksTest {

    private static final String NIV = "0521234567";
    private static final int MAX_BYTES = 64 * 1024;

    /** The two receivers under test. */
    enum Endpoint { JDK_HTTP_SERVER, SERVLET }

    private final WebhookSecret secret = WebhookSecret.generate();
    private final List<NewIncomingMessageEventData> received = new CopyOnWriteArrayList<>();
    private AutoCloseable running;

    private String start(Endpoint endpoint) throws Exception {
        // readme:start webhook-receiver
        TexterWebhookReceiver receiver = TexterWebhookReceiver.builder()
                .secret(secret)
                .limits(WebhookLimits.builder().maxBytes(MAX_BYTES).build())
                .on(NewIncomingMessageEventData.class, event -> received.add(event.data()))
                .build();
        // readme:end
        if (endpoint == Endpoint.JDK_HTTP_SERVER) {
            // readme:start webhook-receiver-http
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/texter/webhook", exchange -> {
                try (exchange) {
                    WebhookReceipt receipt = receiver.receive(exchange.getRequestBody(),
                            exchange.getRequestHeaders()::getFirst, exchange.getRequestURI().getRawQuery());
                    byte[] reason = receipt.reason().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(receipt.status(), reason.length);
                    exchange.getResponseBody().write(reason);
                }
            });
            // readme:end
            server.start();
            running = () -> server.stop(0);
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/texter/webhook";
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new TexterWebhookServlet(receiver)), "/texter/webhook");
        server.setHandler(context);
        server.start();
        running = server::stop;
        return "http://127.0.0.1:" + connector.getLocalPort() + "/texter/webhook";
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    private static int post(String url, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        // A new client per post: a receiver that refuses a delivery answers before reading its body, and the server
        // then closes the connection, which a shared client could pick from its pool for the next post.
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aGenuineDeliveryFromTheSimulatorReachesItsTypedListener(Endpoint endpoint, TexterSimulator simulator,
            Texter texter) throws Exception {
        String url = start(endpoint);
        // readme:start webhook-subscription-secret
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url).withSecret(secret));
        // readme:end

        simulator.simulate().incomingMessage(NIV, "Where is my order?");

        assertThat(received).singleElement().satisfies(data -> {
            assertThat(data.getMessage().getText()).isEqualTo("Where is my order?");
            assertThat(data.getChat().getId()).isEqualTo(simulator.chatIdOf(NIV).orElseThrow());
        });
        WebhookDelivery delivery = simulator.deliveries().get(0);
        assertThat(delivery.headers()).containsEntry(WebhookSecret.HEADER, secret.value());
        assertThat(delivery.status()).hasValue(200);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void theSecretInTheUrlWorksToo(Endpoint endpoint, TexterSimulator simulator, Texter texter) throws Exception {
        String url = start(endpoint);
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url).withSecretInUrl(secret));

        simulator.simulate().incomingMessage(NIV, "Hello");

        assertThat(received).extracting(d -> d.getMessage().getText()).containsExactly("Hello");
        assertThat(simulator.deliveries().get(0).url()).contains(WebhookSecret.QUERY_PARAMETER + "=");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aSubscriptionWithAnotherSecretIsRefusedAndReachesNoListener(Endpoint endpoint, TexterSimulator simulator,
            Texter texter) throws Exception {
        String url = start(endpoint);
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url).withGeneratedSecret());
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url));

        simulator.simulate().incomingMessage(NIV, "Hi");

        assertThat(simulator.deliveries()).hasSize(2).allSatisfy(d -> assertThat(d.status()).hasValue(401));
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void forgedDeliveriesAre401AndNeverReachAListener(Endpoint endpoint, TexterSimulator simulator, Texter texter)
            throws Exception {
        String url = start(endpoint);
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(url).withSecret(secret));
        simulator.simulate().incomingMessage(NIV, "genuine");
        assertThat(received).hasSize(1);
        String genuineBody = simulator.deliveries().get(0).body().toString();

        assertThat(post(url, genuineBody)).as("replayed without a secret").isEqualTo(401);
        assertThat(post(url, genuineBody, WebhookSecret.HEADER, WebhookSecret.generate().value()))
                .as("replayed with a wrong secret").isEqualTo(401);
        assertThat(post(url, genuineBody, WebhookSecret.HEADER, secret.value().substring(1) + "x"))
                .as("replayed with a near miss").isEqualTo(401);
        assertThat(post(url, genuineBody, "X-Webhook-Secret", secret.value())).as("secret in the wrong header")
                .isEqualTo(401);
        assertThat(post(url, genuineBody, "Authorization", "Bearer " + secret.value()))
                .as("secret as a bearer token").isEqualTo(401);
        assertThat(post(url + "?secret=" + secret.value(), genuineBody)).as("secret in the wrong parameter")
                .isEqualTo(401);
        assertThat(received).as("only the genuine delivery got through").hasSize(1);

        assertThat(post(url, genuineBody, WebhookSecret.HEADER, secret.value())).as("the genuine body with the"
                + " secret").isEqualTo(200);
        assertThat(received).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void malformedAndOversizedBodiesWithTheSecretAre400And413(Endpoint endpoint) throws Exception {
        String url = start(endpoint);

        assertThat(post(url, "{\"eventName\":", WebhookSecret.HEADER, secret.value())).isEqualTo(400);
        assertThat(post(url, "[]", WebhookSecret.HEADER, secret.value())).isEqualTo(400);
        String oversized = "{\"eventName\":\"newIncomingMessage\",\"eventData\":{\"message\":{\"text\":\""
                + "x".repeat(MAX_BYTES) + "\"}}}";
        assertThat(post(url, oversized, WebhookSecret.HEADER, secret.value())).isEqualTo(413);
        assertThat(post(url, oversized)).as("without the secret, 401 comes first").isEqualTo(401);
        assertThat(received).isEmpty();
    }
}
