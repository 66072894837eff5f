package com.texterchat.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.model.Chat;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayloads;
import com.texterchat.testkit.webhook.WebhookPayload;
import com.texterchat.testkit.webhook.WebhookSender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a consumer tests its Texter integration with the test kit: its code ({@link OrderNotifier}) talks to
 * the mock server through the SDK client, and its webhook receiver ({@link TexterEventReceiver}) gets
 * Texter's payloads over real HTTP.
 */
@TexterTest
class ConsumerExampleTest {

    private static final String PHONE = "972521234567";
    private static final String SECRET = "receiver-secret";

    private static TexterEventReceiver receiver;
    private static WebhookSender texterWebhooks;

    @BeforeAll
    static void startReceiver(Texter client) {
        receiver = new TexterEventReceiver(SECRET, new OrderNotifier(client));
        texterWebhooks = WebhookSender.to(receiver.url()).header(TexterEventReceiver.SECRET_HEADER, SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void forgetReceivedEvents() {
        receiver.received().clear();
    }

    @Test
    void sendsTheOrderReadyTemplateAndAFollowUpMessage(TexterMockServer texter, Texter client) {
        Chat chat = texter.stubs().chatExists(PHONE);
        OrderNotifier notifier = new OrderNotifier(client);

        boolean sent = notifier.orderReady(PHONE, "Roy", "15033");
        notifier.reply(PHONE, "You can pick it up until 18:00");

        assertThat(sent).isTrue();
        SendTemplateRequest template = texter.verify().templateSentTo(PHONE);
        assertThat(template.getTemplateName()).isEqualTo("order_ready");
        assertThat(template.getBody()).containsExactly("Roy", "15033");
        assertThat(texter.verify().messageSentToChat(chat.getId()).getText()).isEqualTo("You can pick it up until 18:00");
    }

    @Test
    void reportsCustomersWhoUnsubscribed(TexterMockServer texter, Texter client) {
        texter.stubs().recipientUnsubscribed(PHONE);

        assertThat(new OrderNotifier(client).orderReady(PHONE, "Roy", "15033")).isFalse();
        assertThat(new OrderNotifier(client).orderReady("972500000000", "Dana", "15034")).isTrue();
    }

    @Test
    void failsClearlyWhenTheCustomerHasNoChat(TexterMockServer texter, Texter client) {
        texter.stubs().noChatFor(PHONE);

        assertThatThrownBy(() -> new OrderNotifier(client).reply(PHONE, "Hi")).hasMessageContaining("No chat");
        texter.verify().noMessageSentToChat(texter.stubs().chatExists(PHONE).getId());
    }

    @Test
    void survivesARateLimitThenSucceeds(TexterMockServer texter, Texter client) {
        texter.fault("sendTemplateMessage").times(1).rateLimited(Duration.ZERO);

        boolean sent = new OrderNotifier(client).orderReady(PHONE, "Roy", "15033");

        assertThat(sent).isTrue();
        assertThat(texter.verify().requests("sendTemplateMessage")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(429, 200);
        assertThat(texter.verify().templatesSentTo(PHONE)).hasSize(2);
    }

    static List<String> texterWebhookEvents() {
        return WebhookPayloads.eventNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texterWebhookEvents")
    void receivesEveryKindOfWebhook(String eventName) {
        WebhookPayload<?> payload = WebhookPayloads.event(eventName).build();

        texterWebhooks.deliver(payload);

        assertThat(receiver.received()).singleElement().satisfies(received -> {
            assertThat(received.eventName()).isEqualTo(eventName);
            assertThat(received.eventData()).isInstanceOf(payload.eventDataType()).isEqualTo(payload.eventData());
        });
    }

    @Test
    void answersACustomerWhoAsksForTheStatus(TexterMockServer texter) {
        texterWebhooks.deliver(WebhookPayloads.newIncomingMessage().phone(PHONE).chatId("chat-77").text("status").build());

        assertThat(texter.verify().messageSentToChat("chat-77").getText()).isEqualTo("Your order is on its way");
    }

    @Test
    void refusesDeliveriesWithoutTheSharedSecret() {
        WebhookPayload<?> payload = WebhookPayloads.chatResolved().build();

        assertThat(WebhookSender.to(receiver.url()).post(payload).statusCode()).isEqualTo(401);
        assertThat(receiver.received()).isEmpty();
    }
}
