package com.texterchat.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.Texter;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.micrometer.TexterMetrics;
import com.texterchat.model.Problem;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.simulator.TexterSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Actuator health indicator {@code texter} against the simulator (no cache here: {@link ChannelHealthTest}
 * covers it), and the client's meters in the application's registry.
 */
@SpringBootTest(classes = HealthAndMetricsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"texter.health.cache-for=0s", "management.endpoint.health.show-details=always"})
class HealthAndMetricsTest {

    private static final TexterSimulator SIMULATOR = TexterSimulator.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void texter(DynamicPropertyRegistry registry) {
        registry.add("texter.base-url", SIMULATOR::apiBaseUrl);
        registry.add("texter.token", () -> TexterMockServer.TOKEN);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    Texter texter;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
    }

    @Test
    void healthIsDownWhileAProblemImpairsSendingAndUpAgainWhenItIsResolved() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(json(health()).path("status").asText()).isEqualTo("UP");

        Problem problem = SIMULATOR.simulate().channelProblem("whatsapp_business_has_limited_messaging_availability",
                "error", "Messaging is limited");

        HttpResponse<String> down = health();
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode details = json(down).path("details");
        assertThat(json(down).path("status").asText()).isEqualTo("DOWN");
        assertThat(details.path("activeProblems")).singleElement().satisfies(shown -> {
            assertThat(shown.path("name").asText()).isEqualTo("whatsapp_business_has_limited_messaging_availability");
            assertThat(shown.path("severity").asText()).isEqualTo("error");
            assertThat(shown.path("impaired").toString()).isEqualTo("[\"send\"]");
        });
        assertThat(down.body()).doesNotContain(TexterMockServer.TOKEN);

        SIMULATOR.simulate().channelRecovered(problem.getId());

        assertThat(json(health()).path("status").asText()).isEqualTo("UP");
        assertThat(json(health()).path("details").path("activeProblems").isEmpty()).isTrue();
    }

    @Test
    void theApplicationsRegistryTimesEveryCall() {
        texter.labels().listLabels(null, null);

        Timer timer = registry.find(TexterMetrics.CALLS).tag("operation", "listLabels").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
    }

    private HttpResponse<String> health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/texter"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return TexterJson.mapper().readTree(response.body());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
