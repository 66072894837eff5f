package com.texterchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The configuration rules and the backoff of {@link RetryPolicy}; the retries themselves are in FaultMatrixTest. */
class RetryPolicyTest {

    @Test
    void defaultsRetryTwiceAndDisabledNever() {
        assertThat(RetryPolicy.defaults().maxRetries()).isEqualTo(2);
        assertThat(RetryPolicy.defaults().maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.disabled().maxRetries()).isZero();
    }

    @Test
    void backoffDoublesPerRetryStaysInTheUpperHalfAndIsCapped() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1000)).build();

        IntStream.range(0, 200).forEach(i -> {
            assertThat(policy.backoffBefore(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.backoffBefore(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.backoffBefore(5)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(policy.backoffBefore(40)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        });
        assertThat(IntStream.range(0, 200).mapToObj(i -> policy.backoffBefore(2)).distinct().count())
                .as("jitter spreads the waits").isGreaterThan(10);
    }

    @Test
    void invalidSettingsAreRefusedNamingTheSettingAndItsLimit() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRetries must be between 0 and 10, got -1");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRetries must be between 0 and 10, got 11");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff must be at least 1 ms");
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff must be at least 1 ms");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter must not be negative");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(20)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not exceed maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.defaults().backoffBefore(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retry must be at least 1, got 0");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        RetryPolicy.Sleeper sleeper = d -> { };
        RetryPolicy policy = RetryPolicy.builder().maxRetries(5).initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(20)).maxRetryAfter(Duration.ofSeconds(3)).sleeper(sleeper).build();

        RetryPolicy copy = policy.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(policy);
        assertThat(copy.toString()).contains("maxRetries=5");
    }
}
