package com.texterchat.client.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.texterchat.client.TexterClient;
import com.texterchat.client.testsupport.TestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Micrometer listener, recording into a {@link SimpleMeterRegistry} from calls to a real server. */
class TexterMetricsTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void callsAttemptsAndRetriesAreTimedAndCountedPerOperationAndOutcome() {
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/chats/67bf")).inScenario("s")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/chats/67bf")).inScenario("s")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"title\":\"Dana\"}")));
        server.wireMock().stubFor(any(urlPathEqualTo(TestServer.API + "/labels/VIP"))
                .willReturn(aResponse().withStatus(404)));
        TexterClient client = server.clientBuilder().listener(TexterMetrics.of(registry, List.of(Tag.of("project",
                "demo")))).build();

        client.chats().getChat("67bf");
        client.chats().getChat("67bf");
        catchThrowable(() -> client.labels().getLabel("VIP"));

        Timer calls = registry.get(TexterMetrics.CALLS).tags("operation", "getChat", "method", "GET",
                "uri", "/chats/{chatId}", "status", "200", "outcome", "SUCCESS", "project", "demo").timer();
        assertThat(calls.count()).isEqualTo(2);
        assertThat(calls.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get(TexterMetrics.ATTEMPTS).tags("operation", "getChat", "status", "503",
                "outcome", "SERVER_ERROR").timer().count()).isEqualTo(1);
        assertThat(registry.get(TexterMetrics.ATTEMPTS).tags("operation", "getChat", "status", "200").timer().count())
                .isEqualTo(2);
        assertThat(registry.get(TexterMetrics.RETRIES).tags("operation", "getChat", "uri", "/chats/{chatId}")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get(TexterMetrics.CALLS).tags("operation", "getLabel", "status", "404",
                "outcome", "CLIENT_ERROR").timer().count()).isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("67bf")));
    }

    @Test
    void aCallWithoutAnAnswerIsAnIoErrorWithoutStatus() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TexterClient client = server.clientBuilder().listener(TexterMetrics.of(registry)).build();

        catchThrowable(() -> client.labels().getLabel("VIP"));

        Timer calls = registry.get(TexterMetrics.CALLS).tags("operation", "getLabel", "status", "NONE",
                "outcome", "IO_ERROR").timer();
        assertThat(calls.count()).isEqualTo(1);
        assertThat(registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct())
                .as("a reset GET is not retried: the JDK has resent it already").containsExactlyInAnyOrder(
                        TexterMetrics.CALLS, TexterMetrics.ATTEMPTS);
    }
}
