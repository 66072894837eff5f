package com.texterchat.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generating, accepting and comparing webhook secrets, and keeping them out of every text. */
class WebhookSecretTest {

    private static final String VALUE = "s3cr3t-Value_of-20+chars";

    @Test
    void aGeneratedSecretIs32RandomBytesInBase64UrlWithoutPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = WebhookSecret.generate().value();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(value)).hasSize(32);
            seen.add(value);
        }
        assertThat(seen).as("200 generated secrets are all different").hasSize(200);
    }

    @Test
    void aGeneratedSecretPassesItsOwnRulesAndMatchesItself() {
        WebhookSecret secret = WebhookSecret.generate();
        assertThat(WebhookSecret.of(secret.value())).isEqualTo(secret);
        assertThat(secret.matches(secret.value())).isTrue();
    }

    @Test
    void ofKeepsTheValueExactly() {
        assertThat(WebhookSecret.of(VALUE).value()).isEqualTo(VALUE);
        assertThat(WebhookSecret.of("!".repeat(16)).value()).hasSize(WebhookSecret.MIN_LENGTH);
        assertThat(WebhookSecret.of("~".repeat(1024)).value()).hasSize(WebhookSecret.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankValueIsRefused(String blank) {
        assertThatThrownBy(() -> WebhookSecret.of(blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret must not be blank");
    }

    @Test
    void aShortValueIsRefusedNamingTheLimitButNotTheValue() {
        String shortValue = "tooShort-123456"; // 15
        assertThatThrownBy(() -> WebhookSecret.of(shortValue)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters, got 15")
                .message().doesNotContain(shortValue);
    }

    @Test
    void aLongValueIsRefusedNamingTheLimitButNotTheValue() {
        String longValue = "x".repeat(1025);
        assertThatThrownBy(() -> WebhookSecret.of(longValue)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1024 characters, got 1025")
                .message().doesNotContain("xxxxxxxx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with a space in the middle", "with\ra-carriage-return", "newline-in\nthe-middle",
            "non-ascii-\u00e9-is-refused", "tab\tin-the-middle-here"})
    void characterThatCannotTravelInAHeaderOrUrlUnchangedAreRefused(String value) {
        assertThatThrownBy(() -> WebhookSecret.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visible ASCII characters")
                .message().doesNotContain(value.substring(0, 8));
    }

    @Test
    void matchesOnlyTheExactValue() {
        WebhookSecret secret = WebhookSecret.of(VALUE);
        assertThat(secret.matches(VALUE)).isTrue();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(VALUE.substring(0, VALUE.length() - 1))).as("a prefix").isFalse();
        assertThat(secret.matches(VALUE + "x")).as("longer").isFalse();
        assertThat(secret.matches(VALUE.toUpperCase(java.util.Locale.ROOT))).as("other case").isFalse();
        assertThat(secret.matches(" " + VALUE)).as("with a space").isFalse();
        assertThat(secret.matches("X" + VALUE.substring(1))).as("first character wrong").isFalse();
    }

    @Test
    void toStringEqualsAndHashCodeShowNothingOfTheValue() {
        WebhookSecret secret = WebhookSecret.of(VALUE);
        assertThat(secret.toString()).isEqualTo("WebhookSecret[redacted]").doesNotContain(VALUE);
        assertThat(secret).isEqualTo(WebhookSecret.of(VALUE)).isNotEqualTo(WebhookSecret.of(VALUE + "x"));
        assertThat(secret.hashCode()).isEqualTo(WebhookSecret.generate().hashCode());
    }
}
