package com.texterchat.testkit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.UnknownWebhookEvent;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.Message;
import com.texterchat.model.MessageType;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.WebhookEventName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The postback and unknown-event factories, read back by the SDK's own webhook parser. */
class PostbackAndUnknownEventPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPostbackParsesIntoTheTypedModelWithPayloadAndTitle() throws Exception {
        WebhookPayload<NewIncomingMessageEventData> tap = WebhookPayloads.postback("ORDER_STATUS", "Where is my order?")
                .phone("972521234567").build();

        WebhookEvent event = TexterWebhooks.parse(tap.bytes());

        assertThat(event).isInstanceOf(KnownWebhookEvent.class);
        assertThat(event.type()).isEqualTo(WebhookEventName.NEW_INCOMING_MESSAGE);
        Message message = ((NewIncomingMessageEventData) event.data()).getMessage();
        assertThat(message.getType()).isEqualTo(MessageType.POSTBACK);
        assertThat(message.getPostback()).isNotNull();
        assertThat(message.getPostback().getPayload()).isEqualTo("ORDER_STATUS");
        assertThat(message.getPostback().getTitle()).isEqualTo("Where is my order?");
        assertThat(message.getChatChannelInfo().getId()).isEqualTo("972521234567");
        JsonNode sent = JSON.readTree(tap.json()).path("eventData").path("message");
        assertThat(sent.has("text")).as("a postback carries no text content").isFalse();
        assertThat(sent.path("postback").properties()).extracting(Map.Entry::getKey).containsExactly("payload", "title");
    }

    @Test
    void aPostbackCanBeSetOnTheBuilderAndKeepsTheOtherOverrides() {
        NewIncomingMessageEventData data = WebhookPayloads.newIncomingMessage().chatId("chat-7")
                .postback("YES", "Yes").message(m -> m.getPostback().setDescription("Confirm the booking"))
                .build().eventData();

        assertThat(data.getMessage().getParentChat()).isEqualTo("chat-7");
        assertThat(data.getMessage().getPostback().getPayload()).isEqualTo("YES");
        assertThat(data.getMessage().getPostback().getDescription()).isEqualTo("Confirm the booking");
    }

    @Test
    void aPostbackNeedsAPayloadAndATitleAndAMessage() {
        assertThatThrownBy(() -> WebhookPayloads.postback(null, "Yes")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> WebhookPayloads.postback("YES", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() -> WebhookPayloads.chatResolved().postback("YES", "Yes"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chatResolved carries no 'message'");
    }

    @Test
    void anUnknownEventParsesAsUnknownWithItsJsonIntact() throws Exception {
        Map<String, Object> data = Map.of("orderId", "15033", "items", List.of(1, 2), "nested", Map.of("ok", true));
        WebhookPayload<JsonNode> payload = WebhookPayloads.unknownEvent("orderShippedCustom", data);

        WebhookEvent event = TexterWebhooks.parse(payload.json());

        assertThat(event).isInstanceOf(UnknownWebhookEvent.class);
        assertThat(event.eventName()).isEqualTo("orderShippedCustom");
        assertThat(event.type()).isEqualTo(WebhookEventName.UNKNOWN);
        assertThat(event.data()).isEqualTo(JSON.valueToTree(data));
        assertThat(payload.eventData()).isEqualTo(JSON.valueToTree(data));
        assertThat(payload.eventName()).isEqualTo("orderShippedCustom");
        assertThat(JSON.readTree(payload.json()).properties()).extracting(Map.Entry::getKey)
                .containsExactly("eventName", "eventData");
    }

    @Test
    void anUnknownEventRejectsKnownOrBlankNamesAndDataThatIsNotAnObject() {
        assertThatThrownBy(() -> WebhookPayloads.unknownEvent("chatResolved", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a known Texter webhook event");
        assertThatThrownBy(() -> WebhookPayloads.unknownEvent(" ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> WebhookPayloads.unknownEvent("custom", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object, got ARRAY");
        assertThatThrownBy(() -> WebhookPayloads.unknownEvent("custom", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object, got STRING");
    }
}
