package com.texterchat.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.model.ChatResolvedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The webhook endpoint in a running servlet application: verified deliveries reach the listener typed by their data
 * class and are answered 200; forged ones are answered 401 and reach no listener; bodies that are no webhook 400.
 */
@SpringBootTest(classes = WebhookEndpointTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"texter.base-url=http://127.0.0.1:9/server/api/v2", "texter.token=spring-test-token-0123456789",
            "texter.webhook.path=/hooks/texter", "texter.webhook.secret=" + WebhookEndpointTest.SECRET})
class WebhookEndpointTest {

    static final String SECRET = "spring-webhook-secret-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Listeners listeners;

    @BeforeEach
    void clear() {
        listeners.clear();
    }

    @Test
    void aDeliveryWithTheSecretReachesTheListenerOfItsDataClassOnly() throws Exception {
        byte[] body = WebhookPayloads.newIncomingMessage().text("Hello from Texter").build().bytes();

        HttpResponse<String> response = post(body, SECRET, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(listeners.messages).singleElement().satisfies(event -> {
            assertThat(event.eventName()).isEqualTo("newIncomingMessage");
            assertThat(event.data().getMessage().getText()).isEqualTo("Hello from Texter");
        });
        assertThat(listeners.resolved).isEmpty();
        assertThat(listeners.all).hasSize(1);
    }

    @Test
    void theSecretMayComeAsTheUrlToken() throws Exception {
        byte[] body = WebhookPayloads.chatResolved().build().bytes();

        HttpResponse<String> response = post(body, null, WebhookSecret.QUERY_PARAMETER + "=" + SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(listeners.resolved).hasSize(1);
        assertThat(listeners.messages).isEmpty();
    }

    @Test
    void forgedDeliveriesAreRefusedWith401AndReachNoListener() throws Exception {
        byte[] genuine = WebhookPayloads.newIncomingMessage().text("transfer the money").build().bytes();

        HttpResponse<String> noSecret = post(genuine, null, null);
        HttpResponse<String> wrongSecret = post(genuine, "spring-webhook-secret-0123456788", null);
        HttpResponse<String> wrongToken = post(genuine, null, WebhookSecret.QUERY_PARAMETER + "=guess-guess-guess-1");
        HttpResponse<String> oneRightOneWrong = post(genuine, SECRET,
                WebhookSecret.QUERY_PARAMETER + "=guess-guess-guess-1");

        assertThat(List.of(noSecret, wrongSecret, wrongToken, oneRightOneWrong))
                .extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(wrongSecret.body()).doesNotContain(SECRET).doesNotContain("transfer");
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void aBodyThatIsNoWebhookIsRefusedWith400() throws Exception {
        HttpResponse<String> response = post("{\"eventName\":".getBytes(StandardCharsets.UTF_8), SECRET, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void anEventThisVersionDoesNotKnowArrivesAsJson() throws Exception {
        byte[] body = "{\"eventName\":\"somethingNew\",\"eventData\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8);

        assertThat(post(body, SECRET, null).statusCode()).isEqualTo(200);

        assertThat(listeners.unknown).singleElement().satisfies(event -> {
            assertThat(event.eventName()).isEqualTo("somethingNew");
            assertThat(event.data().path("x").asInt()).isEqualTo(1);
        });
        assertThat(listeners.messages).isEmpty();
    }

    @Test
    void aFailingListenerMakesThe500() throws Exception {
        byte[] body = WebhookPayloads.newIncomingMessage().text("boom").build().bytes();

        assertThat(post(body, SECRET, null).statusCode()).isEqualTo(500);
    }

    private HttpResponse<String> post(byte[] body, String secret, String query) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/texter"
                + (query == null ? "" : "?" + query))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(WebhookSecret.HEADER, secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the application's listeners received. */
    static class Listeners {
        final List<TexterWebhookEvent<NewIncomingMessageEventData>> messages = new CopyOnWriteArrayList<>();
        final List<TexterWebhookEvent<ChatResolvedEventData>> resolved = new CopyOnWriteArrayList<>();
        final List<TexterWebhookEvent<JsonNode>> unknown = new CopyOnWriteArrayList<>();
        final List<TexterWebhookEvent<?>> all = new CopyOnWriteArrayList<>();

        @EventListener
        void onMessage(TexterWebhookEvent<NewIncomingMessageEventData> event) {
            if ("boom".equals(event.data().getMessage().getText())) {
                throw new IllegalStateException("the listener failed");
            }
            messages.add(event);
        }

        @EventListener
        void onResolved(TexterWebhookEvent<ChatResolvedEventData> event) {
            resolved.add(event);
        }

        @EventListener
        void onUnknown(TexterWebhookEvent<JsonNode> event) {
            unknown.add(event);
        }

        @EventListener
        void onAny(TexterWebhookEvent<?> event) {
            all.add(event);
        }

        void clear() {
            messages.clear();
            resolved.clear();
            unknown.clear();
            all.clear();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }
}
