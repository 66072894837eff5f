package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.testsupport.RawHttpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The read timeout bounds the whole response, body included (issue #13, deadlines). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BodyDeadlineProbeTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    /** Slack for a busy build machine; the defect being probed blocked for the whole drip (minutes). */
    private static final Duration SLACK = Duration.ofMillis(2500);

    @Test
    void headersAtOnceThenOneBytePerSecondTimesOut() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.headersThenDrip(1000, Duration.ofSeconds(1)), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build();
            assertTimesOutInTime(client);
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
        }
    }

    @Test
    void anEndlessBodyTimesOut() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.endlessDrip(Duration.ofMillis(50)), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build();
            assertTimesOutInTime(client);
            assertThat(client.labels().getLabel("VIP").getId()).isEqualTo("VIP");
            assertThat(server.connections()).as("the stalled connection is dropped, not reused").isEqualTo(2);
        }
    }

    @Test
    void headersThatNeverComeTimeOut() {
        try (RawHttpServer server = RawHttpServer.start(exchange -> exchange.drip(new byte[100],
                Duration.ofSeconds(1)))) {
            assertTimesOutInTime(ProbeClients.builder(server, READ_TIMEOUT).build());
        }
    }

    private static void assertTimesOutInTime(TexterClient client) {
        long start = System.nanoTime();
        TexterIoException e = catchThrowableOfType(TexterIoException.class, () -> client.labels().getLabel("VIP"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).as("a timeout TexterIoException").isNotNull();
        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage()).contains("getLabel").contains("timed out");
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50)).isLessThan(READ_TIMEOUT.plus(SLACK));
    }
}
