package com.texterchat.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.api.ChatsApi;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.model.Chat;
import com.texterchat.model.Message;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageType;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.ReplyButton;
import com.texterchat.spring.boot.TexterWebhookEvent;
import com.texterchat.spring.boot.test.SimulatorWebhooks;
import com.texterchat.testkit.simulator.TexterSimulator;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The bot end to end on the test kit's simulator: {@code texter.test.simulator=true} (texter-spring-boot-test) points
 * the starter's client at a {@link TexterSimulator}, whose subscriptions deliver to this application's own server;
 * what the bot sends is read back through the API (Get Messages of a Chat), as on a real project.
 */
// readme:start spring-bot-test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "texter.test.simulator=true",
        "texter.webhook.secret=" + SupportBotApplicationTest.SECRET,
        "bot.webhook-url=http://127.0.0.1:${local.server.port}${texter.webhook.path}"})
class SupportBotApplicationTest {

    static final String SECRET = "test-secret-0123456789abcdef";

    @Autowired
    TexterSimulator simulator;
    @Autowired
    Texter texter;

    @Test
    void answersACustomerWithTheMenu() {
        simulator.simulate().incomingMessage("0521234567", "Hello, is anyone there?");

        String chatId = simulator.chatIdOf("0521234567").orElseThrow();
        List<Message> messages = texter.messages().getChatMessages(chatId, null, null, null, null).getMessages();
        assertThat(messages).filteredOn(m -> m.getDirection() == MessageDirection.OUTGOING).singleElement()
                .satisfies(answer -> {
                    assertThat(answer.getType()).isEqualTo(MessageType.BUTTONS);
                    assertThat(answer.getButtons()).extracting(ReplyButton::getTitle)
                            .containsExactly("Order status", "Talk to an agent");
                });
    }
    // readme:end

    @Autowired
    SimulatorWebhooks webhooks;
    @Autowired
    SubscriptionSetup setup;
    @Autowired
    Received received;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void importedItsSubscriptionWithTheSecretOnceAndARestartImportsNone() {
        WebhookDelivery delivery = deliver("0521111111", "Hi");
        assertThat(delivery.url()).isEqualTo(webhooks.url());
        assertThat(delivery.headers()).containsEntry(WebhookSecret.HEADER, SECRET);
        assertThat(delivery.status()).hasValue(200);

        SubscriptionSetup.Outcome again = setup.subscribe(webhooks.url());

        assertThat(again.imported()).isFalse();
        assertThat(again.deleted()).isZero();
        assertThat(again.subscriptionId()).isEqualTo(delivery.scenarioId());
        assertThat(simulator.deliveries()).extracting(WebhookDelivery::scenarioId).containsOnly(delivery.scenarioId());
        assertThat(texter.labels().getLabel(SpringSupportBot.AGENT_LABEL).getName()).isEqualTo("Agent requested");
    }

    @Test
    void theBotsListenerReceivesTheTypedEvent() {
        int before = received.events.size();

        deliver("0522222222", "Hello");

        assertThat(received.events).hasSize(before + 1);
        TexterWebhookEvent<NewIncomingMessageEventData> event = received.events.get(before);
        assertThat(event.eventName()).isEqualTo("newIncomingMessage");
        assertThat(event.data().getMessage().getText()).isEqualTo("Hello");
    }

    @Test
    void aTextAskingForAnAgentLabelsTheChat() {
        deliver("0523333333", "Can I talk to an AGENT please?");

        String chatId = simulator.chatIdOf("0523333333").orElseThrow();
        assertThat(texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams()
                .labels(Set.of(SpringSupportBot.AGENT_LABEL))).getData()).extracting(Chat::getId).containsExactly(chatId);
        assertThat(sentTexts(chatId)).containsExactly(SpringSupportBot.AGENT_ANSWER);
    }

    @Test
    void theOrderStatusButtonIsAnswered() {
        deliver("0524444444", "Hi");
        simulator.simulate().postback("0524444444", SpringSupportBot.ORDER_STATUS, "Order status");

        String chatId = simulator.chatIdOf("0524444444").orElseThrow();
        assertThat(sentTexts(chatId)).contains(SpringSupportBot.ORDER_ANSWER);
    }

    @Test
    void aForgedDeliveryIsRefusedWith401AndReachesNoListener() throws Exception {
        WebhookDelivery genuine = deliver("0525555555", "Hi");
        String body = genuine.body().toString();
        String chatId = simulator.chatIdOf("0525555555").orElseThrow();
        int messages = messageCount(chatId);
        int events = received.events.size();

        assertThat(post(body, null, null)).isEqualTo(401);
        assertThat(post(body, WebhookSecret.HEADER, "wrong-secret-0123456789abcdef")).isEqualTo(401);
        assertThat(post(body, "X-Other-Header", SECRET)).isEqualTo(401);

        assertThat(received.events).hasSize(events);
        assertThat(messageCount(chatId)).isEqualTo(messages);
        assertThat(post(body, WebhookSecret.HEADER, SECRET)).as("the same body with the secret").isEqualTo(200);
        assertThat(received.events).hasSize(events + 1);
    }

    /** A customer writes; returns the one delivery it caused. */
    private WebhookDelivery deliver(String phone, String text) {
        int before = simulator.deliveries().size();
        simulator.simulate().incomingMessage(phone, text);
        List<WebhookDelivery> deliveries = simulator.deliveries();
        assertThat(deliveries).hasSize(before + 1);
        WebhookDelivery delivery = deliveries.get(before);
        assertThat(delivery.error()).isEmpty();
        assertThat(delivery.status()).hasValue(200);
        return delivery;
    }

    /** The texts of the messages sent in the chat (outgoing), read back with Get Messages of a Chat. */
    private List<@Nullable String> sentTexts(String chatId) {
        return texter.messages().getChatMessages(chatId, 100, null, null, null).getMessages().stream()
                .filter(m -> m.getDirection() == MessageDirection.OUTGOING).map(Message::getText).toList();
    }

    private int messageCount(String chatId) {
        return texter.messages().getChatMessages(chatId, 100, null, null, null).getMessages().size();
    }

    private int post(String body, @Nullable String header, @Nullable String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/texter/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null && value != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** What a second listener of the typed event sees, next to the bot's. */
    static final class Received {
        final List<TexterWebhookEvent<NewIncomingMessageEventData>> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TexterWebhookEvent<NewIncomingMessageEventData> event) {
            events.add(event);
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        Received received() {
            return new Received();
        }
    }
}
