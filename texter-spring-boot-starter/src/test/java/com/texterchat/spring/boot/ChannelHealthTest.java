package com.texterchat.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.TexterClient;
import com.texterchat.model.ChannelName;
import com.texterchat.model.Problem;
import com.texterchat.model.ProblemList;
import com.texterchat.model.ProblemSeverity;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health report behind both Boot lines' indicators: its cache, its problems, its failures. */
class ChannelHealthTest {

    private static final TexterSimulator SIMULATOR = TexterSimulator.start();
    private static final String OPERATION = "listChannelHealthProblems";

    private final MovingClock clock = new MovingClock();

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
    }

    @Test
    void oneAnswerIsReusedUntilTheCacheTimeHasPassed() {
        ChannelHealth health = new ChannelHealth(SIMULATOR.client(), Duration.ofSeconds(30), clock);

        assertThat(health.report().up()).isTrue();
        SIMULATOR.simulate().channelProblem("messaging_limited", "error", "Messaging is limited");
        clock.advance(Duration.ofSeconds(29));
        assertThat(health.report().up()).as("cached").isTrue();
        assertThat(SIMULATOR.verify().count(OPERATION)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(health.report().up()).isFalse();
        assertThat(SIMULATOR.verify().count(OPERATION)).isEqualTo(2);
    }

    @Test
    void onlyAnActiveProblemImpairingSendingMakesItDownAndActiveProblemsAreShown() {
        ProblemList list = new ProblemList().total(3)
                .addProblemsItem(problem("p1", "receiving_delayed", ProblemSeverity.WARNING)
                        .impairedFunctionality(new HashMap<>(Map.of("send", false, "receive", true))))
                .addProblemsItem(problem("p2", "messaging_limited", ProblemSeverity.ERROR)
                        .impairedFunctionality(Map.of("send", true)).resolvedAt(1_767_225_700_000L))
                .addProblemsItem(problem("p3", "profile_incomplete", ProblemSeverity.WARNING));
        SIMULATOR.stubs().answer(OPERATION, list);
        ChannelHealth health = new ChannelHealth(SIMULATOR.client(), Duration.ZERO, clock);

        ChannelHealth.Report report = health.report();

        assertThat(report.up()).isTrue();
        assertThat(report.details().get("activeProblems")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(
                        Map.of("id", "p1", "name", "receiving_delayed", "severity", "warning", "channel", "whatsapp",
                                "accountId", "acc-1", "impaired", List.of("receive")),
                        Map.of("id", "p3", "name", "profile_incomplete", "severity", "warning", "channel", "whatsapp",
                                "accountId", "acc-1", "impaired", List.of()));

        list.getProblems().get(0).getImpairedFunctionality().put("send", true);
        SIMULATOR.stubs().answer(OPERATION, list);
        assertThat(health.report().up()).isFalse();
    }

    private static Problem problem(String id, String name, ProblemSeverity severity) {
        return new Problem().id(id).name(name).severity(severity).channel(ChannelName.WHATSAPP).accountId("acc-1")
                .message("explanation").createdAt(1_767_225_600_000L);
    }

    @Test
    void aFailedCallIsDownWithTheExceptionsClassAndIsCachedToo() {
        SIMULATOR.fault(OPERATION).status(500);
        try (TexterClient client = SIMULATOR.server().clientBuilder().retryPolicy(r -> r.maxRetries(0)).build()) {
            ChannelHealth health = new ChannelHealth(client, Duration.ofSeconds(30), clock);

            ChannelHealth.Report report = health.report();
            assertThat(report.up()).isFalse();
            assertThat(report.details().get("error").toString()).startsWith("com.texterchat.client.error.");
            assertThat(health.report()).isSameAs(report);
            assertThat(SIMULATOR.verify().count(OPERATION)).isEqualTo(1);
        }
    }

    @Test
    void aNegativeCacheTimeIsRefused() {
        assertThatThrownBy(() -> new ChannelHealth(SIMULATOR.client(), Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("texter.health.cache-for");
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
