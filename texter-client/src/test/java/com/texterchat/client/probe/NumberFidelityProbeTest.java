package com.texterchat.client.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.client.webhook.InvalidWebhookException;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.model.ChatPublicView;
import com.texterchat.model.Location;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Probes: a number that does not fit its field (overflow to infinity, underflow to 0, a fraction in an integer,
 * an epoch beyond range) and overlong UTF-8 are refused, naming the field, never silently changed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NumberFidelityProbeTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static TexterUnexpectedResponseException getChat(byte[] body) {
        server.wireMock().stubFor(get(urlPathEqualTo(TestServer.API + "/chats/c1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body)));
        TexterClient client = server.client();
        Throwable thrown = catchThrowable(() -> client.chats().getChat("c1"));
        assertThat(thrown).isInstanceOf(TexterUnexpectedResponseException.class);
        return (TexterUnexpectedResponseException) thrown;
    }

    private static TexterUnexpectedResponseException getChat(String body) {
        return getChat(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String webhook(String status, String timestamp) {
        return "{\"eventName\":\"messageStatusChanged\",\"eventData\":{\"chat\":{\"_id\":\"c1\"},\"messageStatus\":"
                + status + ",\"timestamp\":" + timestamp + "}}";
    }

    @Test
    void fittingNumbersStillRead() {
        server.wireMock().stubFor(get(urlPathEqualTo(TestServer.API + "/chats/c1")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"unreadCount\":3,\"lastMessageTimestamp\":1761574716050,"
                        + "\"updatedAt\":\"2025-02-26T13:02:58.353Z\"}")));
        ChatPublicView chat = server.client().chats().getChat("c1");
        assertThat(chat.getUnreadCount()).isEqualTo(3);
        assertThat(chat.getLastMessageTimestamp()).isEqualTo(1761574716050L);
        assertThat(TexterWebhooks.parse(webhook("\"3\"", "\"1761574716050\""))).isNotNull();
    }

    @Test
    void anUnderflowIntoALongIsRefused() {
        assertThat(getChat("{\"lastMessageTimestamp\":1e-999999999}").getMessage())
                .contains("$.lastMessageTimestamp").contains("1e-999999999");
        assertThatThrownBy(() -> TexterWebhooks.parse(webhook("3", "1e-999999999")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("eventData.timestamp");
    }

    @Test
    void aFractionInAnIntegerIsRefusedNotTruncated() {
        assertThat(getChat("{\"unreadCount\":1.5}").getMessage()).contains("$.unreadCount").contains("1.5");
        assertThatThrownBy(() -> TexterWebhooks.parse(webhook("3", "1761574716050.7")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("eventData.timestamp");
        assertThatThrownBy(() -> TexterWebhooks.parse(webhook("3.9", "1")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("eventData.messageStatus");
    }

    @Test
    void anOverflowIntoAnIntegerIsRefused() {
        assertThat(getChat("{\"unreadCount\":99999999999}").getMessage()).contains("$.unreadCount");
        assertThatThrownBy(() -> TexterWebhooks.parse(webhook("3", "99999999999999999999")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("eventData.timestamp");
    }

    @Test
    void anEpochBeyondRangeIsRefusedNot1970() {
        assertThat(getChat("{\"updatedAt\":1e999999}").getMessage()).contains("$.updatedAt")
                .contains("beyond the range");
        assertThat(getChat("{\"updatedAt\":99999999999999999999999}").getMessage()).contains("$.updatedAt");
    }

    @Test
    void aDoubleThatWouldBeInfiniteIsRefused() throws Exception {
        assertThatThrownBy(() -> TexterJson.mapper().readValue("{\"latitude\":1e999999}", Location.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("does not fit a Double")
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> TexterJson.mapper().readValue("-1e999999", double.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("does not fit a double");
        assertThat(TexterJson.mapper().readValue("{\"latitude\":32.08}", Location.class).getLatitude())
                .isEqualTo(32.08);
    }

    @Test
    void overlongUtf8IsRefused() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThat(getChat(body).getMessage()).contains("UTF-8");
        byte[] hook = ("{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":{\"_id\":\"c1\"},\"t\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] full = new byte[hook.length + 4];
        System.arraycopy(hook, 0, full, 0, hook.length);
        full[hook.length] = (byte) 0xC0;
        full[hook.length + 1] = (byte) 0xAF;
        full[hook.length + 2] = '"';
        full[hook.length + 3] = '}';
        assertThatThrownBy(() -> TexterWebhooks.parse(full)).isInstanceOf(InvalidWebhookException.class);
    }
}
