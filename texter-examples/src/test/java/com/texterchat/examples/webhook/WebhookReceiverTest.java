package com.texterchat.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.testkit.webhook.WebhookPayloads;
import com.texterchat.testkit.webhook.WebhookSender;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start(0);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void forget() {
        receiver.drain();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeliveryBecomesATypedEvent() {
        WebhookSender.to(receiver.url()).deliver(WebhookPayloads.chatLabelsUpdated().labelsAdded("VIP").build());

        WebhookEvent event = receiver.take(Duration.ofSeconds(5));
        assertThat(event).isInstanceOf(KnownWebhookEvent.class);
        assertThat(event.dataAs(ChatLabelsUpdatedEventData.class)).hasValueSatisfying(
                data -> assertThat(data.getAddedLabels()).containsExactly("VIP"));
    }

    @Test
    void theUrlIsOnLoopback() {
        assertThat(receiver.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/texter/webhook");
    }

    @Test
    void aBodyThatIsNoTexterDeliveryIsRefusedWith400() throws Exception {
        int before = receiver.rejected();

        HttpResponse<String> answer = send(HttpRequest.newBuilder(receiver.url())
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(receiver.rejected()).isEqualTo(before + 1);
        assertThat(receiver.drain()).isEmpty();
    }

    @Test
    void otherMethodsGet405() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(receiver.url()).GET());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void otherPathsGet404() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(receiver.url().resolve("/admin"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void bodiesOverOneMebibyteGet413() throws Exception {
        byte[] big = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];

        HttpResponse<String> answer = send(HttpRequest.newBuilder(receiver.url())
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        assertThat(answer.statusCode()).isEqualTo(413);
    }

    @Test
    void waitingForNothingEndsWithAClearError() {
        assertThatThrownBy(() -> receiver.take(Duration.ofMillis(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No webhook arrived at " + receiver.url() + " within 20 ms");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> WebhookReceiver.start(65536)).hasMessage("port must be 0-65535, got 65536");
    }
}
