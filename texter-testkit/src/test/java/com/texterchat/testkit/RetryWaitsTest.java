package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import com.texterchat.testkit.junit.TexterTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The injected clients retry as in production but record the waits instead of spending them. */
@TexterTest
class RetryWaitsTest {

    @Test
    void aRateLimitWithRetryAfterIsRetriedWithoutWaiting(TexterMockServer texter, Texter client) {
        texter.fault("getLabel").times(1).rateLimited(Duration.ofSeconds(5));

        long start = System.nanoTime();
        client.labels().getLabel("VIP");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(texter.verify().requests("getLabel")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(429, 200);
        assertThat(took).as("wall time of a retried 429 with Retry-After: 5").isLessThan(Duration.ofSeconds(2));
        assertThat(texter.retryWaits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void backoffAfterServerErrorsIsRecordedToo(TexterMockServer texter, TexterClient client) {
        texter.fault("getLabel").times(2).status(503);

        client.labels().getLabel("VIP");

        assertThat(texter.verify().requests("getLabel")).extracting(ReceivedRequest::responseStatus)
                .containsExactly(503, 503, 200);
        assertThat(texter.retryWaits()).hasSize(2).allSatisfy(wait -> assertThat(wait).isPositive());
    }

    @Test
    void builtClientsShareTheRecordingAndResetForgetsIt(TexterMockServer texter) {
        TexterClient built = texter.clientBuilder().build();
        texter.fault("getLabel").times(1).rateLimited(Duration.ofSeconds(3));

        built.labels().getLabel("VIP");

        assertThat(built.retryPolicy().maxRetries()).isEqualTo(texter.retryPolicy().maxRetries());
        assertThat(texter.retryWaits()).containsExactly(Duration.ofSeconds(3));
        texter.reset();
        assertThat(texter.retryWaits()).isEmpty();
    }
}
