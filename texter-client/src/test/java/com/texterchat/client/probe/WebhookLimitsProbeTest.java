package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.webhook.InvalidWebhookException;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Probes: every hostile webhook body ends in an {@link InvalidWebhookException} (a receiver answers 400), quickly
 * and without reading or holding more than the limits allow.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebhookLimitsProbeTest {

    private static final String HEAD = "{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":{\"_id\":\"c1\"}";

    private static String withExtra(String json) {
        return HEAD + ",\"extra\":" + json + "}}";
    }

    @Test
    void aRealDeliveryIsAccepted() {
        assertThat(TexterWebhooks.parse(withExtra("[1,2,{\"a\":\"b\"}]"))).isInstanceOf(KnownWebhookEvent.class);
    }

    @Test
    void nestingBeyondJacksonsOwnLimitIsAnInvalidWebhook() {
        String deep = "[".repeat(1_001) + "]".repeat(1_001);
        assertThatThrownBy(() -> TexterWebhooks.parse(withExtra(deep))).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("beyond the limits").hasMessageContaining("nesting depth");
        String deepInEnvelope = "{\"eventName\":\"x\",\"more\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}";
        assertThatThrownBy(() -> TexterWebhooks.parse(deepInEnvelope)).isInstanceOf(InvalidWebhookException.class);
        // the default limit is lower than Jackson's 1,000
        assertThatThrownBy(() -> TexterWebhooks.parse(withExtra("[".repeat(70) + "]".repeat(70))))
                .isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void aHugeNameIsAnInvalidWebhook() {
        String body = HEAD + ",\"" + "n".repeat(60_000) + "\":1}}";
        assertThatThrownBy(() -> TexterWebhooks.parse(body)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("beyond the limits");
        String inEnvelope = "{\"eventName\":\"x\",\"" + "n".repeat(60_000) + "\":1}";
        assertThatThrownBy(() -> TexterWebhooks.parse(inEnvelope)).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void aHugeNumberIsAnInvalidWebhook() {
        assertThatThrownBy(() -> TexterWebhooks.parse(withExtra("1" + "0".repeat(1_000))))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("beyond the limits");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"x\",\"n\":1" + "0".repeat(1_000) + "}"))
                .isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void aHugeStringIsAnInvalidWebhook() {
        assertThatThrownBy(() -> TexterWebhooks.parse(withExtra("\"" + "s".repeat(300_000) + "\"")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("beyond the limits");
    }

    @Test
    void manySmallKeysAreRefusedQuickly() {
        StringBuilder keys = new StringBuilder("{\"eventName\":\"x\",\"eventData\":{");
        for (int i = 0; i < 60_000; i++) {
            keys.append("\"k").append(i).append("\":1,");
        }
        keys.append("\"z\":1}}");
        byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> TexterWebhooks.parse(body)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("Token count");
    }

    @Test
    void fiftyMegabytesOfTinyKeysAreRefusedBeforeParsing() {
        byte[] body = new byte[50 * 1024 * 1024];
        byte[] key = "\"a\":1,".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + key.length <= body.length; i += key.length) {
            System.arraycopy(key, 0, body, i, key.length);
        }
        body[0] = '{';
        long start = System.nanoTime();
        assertThatThrownBy(() -> TexterWebhooks.parse(body)).isInstanceOf(InvalidWebhookException.class)
                .hasMessage("Webhook body is larger than 1048576 bytes");
        assertThatThrownBy(() -> TexterWebhooks.parse(new String(body, StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidWebhookException.class);
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void aStreamIsReadNoFurtherThanTheLimitPlusOne() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served.addAndGet(len);
                return len;
            }
        };
        WebhookLimits limits = WebhookLimits.builder().maxBytes(4096).build();
        assertThatThrownBy(() -> TexterWebhooks.parse(endless, limits)).isInstanceOf(InvalidWebhookException.class)
                .hasMessage("Webhook body is larger than 4096 bytes");
        assertThat(served.get()).isEqualTo(4097);
        assertThat(TexterWebhooks.parse(new ByteArrayInputStream(withExtra("1").getBytes(StandardCharsets.UTF_8)),
                limits).eventName()).isEqualTo("chatResolved");
    }

    @Test
    void customLimitsApply() {
        WebhookLimits tight = WebhookLimits.builder().maxTokens(10).maxNestingDepth(3).maxStringLength(5)
                .maxNameLength(9).maxNumberLength(3).build();
        assertThat(TexterWebhooks.parse("{\"eventName\":\"chat\"}", tight).eventName()).isEqualTo("chat");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatResolved\"}", tight))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("String value length");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"x\",\"n\":1234}", tight))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("Number value length");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"x\",\"n\":[[[1]]]}", tight))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"x\",\"n\":[1,1,1,1,1,1,1,1,1]}", tight))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("Token count");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"x\",\"longerName\":1}", tight))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("Name length");
        assertThat(tight.toString()).contains("maxTokens=10");
        assertThat(WebhookLimits.defaults().maxBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void badLimitsAreRefused() {
        assertThatThrownBy(() -> WebhookLimits.builder().maxBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be at least 1, got 0");
        assertThatThrownBy(() -> WebhookLimits.builder().maxBytes(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes must be at most");
        assertThatThrownBy(() -> WebhookLimits.builder().maxTokens(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookLimits.builder().maxNestingDepth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookLimits.builder().maxStringLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookLimits.builder().maxNameLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookLimits.builder().maxNumberLength(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
