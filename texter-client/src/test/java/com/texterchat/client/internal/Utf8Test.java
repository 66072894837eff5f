package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The UTF-8 check Jackson's byte parser lacks. Its fast path trusts the JDK's decoder to turn every sequence the
 * byte walk flags into U+FFFD; the exhaustive test below holds it to that for every lead and second byte.
 */
class Utf8Test {

    private static byte[] body(int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"text\":\"ab".getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void flagsOverlongSurrogateAndOutOfRangeSequencesAtTheirOffset() {
        int at = "{\"text\":\"ab".length();
        assertThat(Utf8.firstInvalid(body(0xC0, 0xAF))).isEqualTo(at);               // overlong '/'
        assertThat(Utf8.firstInvalid(body(0xE0, 0x80, 0xAF))).isEqualTo(at);         // overlong, three bytes
        assertThat(Utf8.firstInvalid(body(0xED, 0xA0, 0x80))).isEqualTo(at);         // encoded surrogate D800
        assertThat(Utf8.firstInvalid(body(0xF0, 0x80, 0x80, 0xAF))).isEqualTo(at);   // overlong, four bytes
        assertThat(Utf8.firstInvalid(body(0xF4, 0x90, 0x80, 0x80))).isEqualTo(at);   // beyond U+10FFFF
        assertThat(Utf8.firstInvalid(body(0xF5, 0x80, 0x80, 0x80))).isEqualTo(at);
    }

    @Test
    void passesValidTextIncludingAReplacementCharacterThatWasSent() {
        assertThat(Utf8.firstInvalid(body())).isEqualTo(-1);
        assertThat(Utf8.firstInvalid(body(0xD7, 0xA9, 0xD7, 0x9C))).isEqualTo(-1);          // Hebrew
        assertThat(Utf8.firstInvalid(body(0xEF, 0xBF, 0xBD))).isEqualTo(-1);                // U+FFFD itself
        assertThat(Utf8.firstInvalid(body(0xF0, 0x9F, 0x98, 0x80))).isEqualTo(-1);          // an emoji
        assertThat(Utf8.firstInvalid(body(0xF4, 0x8F, 0xBF, 0xBF))).isEqualTo(-1);          // U+10FFFF
    }

    @Test
    void theFastPathAgreesWithTheByteWalkForEveryLeadAndSecondByte() {
        for (int lead = 0xC0; lead <= 0xFF; lead++) {
            for (int second = 0x80; second <= 0xBF; second++) {
                byte[] bytes = body(lead, second, 0x80, 0x80);
                assertThat(Utf8.firstInvalid(bytes))
                        .as("lead %02X, second %02X", lead, second)
                        .isEqualTo(Utf8.scan(bytes));
            }
        }
    }

    @Test
    void bodiesThatAreNotUtf8AreLeftToJackson() {
        assertThat(Utf8.isUtf8Json("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE))).isFalse();
        assertThat(Utf8.isUtf8Json("{\"a\":1}".getBytes(StandardCharsets.UTF_16))).isFalse();
        assertThat(Utf8.firstInvalid("{\"a\":\"\u05ea\"}".getBytes(StandardCharsets.UTF_16BE))).isEqualTo(-1);
        assertThat(Utf8.isUtf8Json("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
