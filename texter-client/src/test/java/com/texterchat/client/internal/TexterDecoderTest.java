package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pre-check that spares the {@code success} scan for bodies that cannot hold the key. */
class TexterDecoderTest {

    private static boolean precheck(String body) {
        return precheck(body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean precheck(byte[] body) {
        return TexterDecoder.mayHaveSuccessKey(Utf8.isUtf8Json(body) ? new String(body, StandardCharsets.UTF_8) : null);
    }

    @Test
    void aBodyWithoutTheKeyIsNotScanned() {
        assertThat(precheck("{\"data\":[{\"_id\":\"c1\",\"title\":\"a \\\"quoted\\\" success\"}],\"total\":1}")).isFalse();
        assertThat(precheck("")).isFalse();
        assertThat(precheck("OK")).isFalse();
    }

    @Test
    void aBodyThatMayHoldTheKeyIsScanned() {
        assertThat(precheck("{\"success\":true}")).isTrue();
        assertThat(precheck("{\"data\":{\"success\":false}}")).isTrue();
        assertThat(precheck("{\"succ\\u0065ss\":false}")).isTrue();
        assertThat(precheck("{\"title\":\"\\u05ea\"}")).isTrue();
        assertThat(precheck("{\"success\":false}".getBytes(StandardCharsets.UTF_16BE))).isTrue();
        assertThat(precheck("{\"success\":false}".getBytes(StandardCharsets.UTF_16LE))).isTrue();
        assertThat(precheck("{\"success\":false}".getBytes(StandardCharsets.UTF_16))).isTrue();
        assertThat(precheck("{}".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    }
}
