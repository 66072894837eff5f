package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as delay-seconds or HTTP date. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-11-01T15:48:14Z");

    @Test
    void secondsAndDatesAreReadAndAnythingElseIsIgnored() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sat, 01 Nov 2025 15:48:44 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 01 Nov 2025 15:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).hasValueSatisfying(d ->
                assertThat(d).isGreaterThan(Duration.ofDays(365)));
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void theHeaderNameIsMatchedInAnyCase() {
        assertThat(RetryAfter.from(Map.of("retry-after", List.of("3")), NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("4")), NOW)).contains(Duration.ofSeconds(4));
        assertThat(RetryAfter.from(Map.of("Content-Type", List.of("text/plain")), NOW)).isEmpty();
    }
}
