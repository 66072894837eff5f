package com.texterchat.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.examples.TexterTour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the tour does before any example runs: usage, and refusing wrong arguments. No Texter is started. */
class TourTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private TourResult run(Map<String, String> environment, String... args) {
        return Tour.builder().environment(environment).arguments(List.of(args))
                .output(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .examples(TexterTour.examples()).build().run();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsage() {
        TourResult result = run(Map.of(), "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.examples()).isEmpty();
        assertThat(output()).contains("Usage: TexterTour").contains("TEXTER_TOUR_PHONE").contains("--allow-sends");
    }

    @Test
    void anUnknownExampleIsAConfigurationError() {
        TourResult result = run(Map.of(), "--only", "bots");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(output()).contains("Error: --only: unknown example 'bots'; the examples are bot, campaign, crm,"
                + " subscription").contains("Usage: TexterTour");
    }

    @Test
    void aWrongVariableIsAConfigurationError() {
        TourResult result = run(Map.of("TEXTER_TOUR_ALLOW_SENDS", "maybe"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(output()).contains("Error: TEXTER_TOUR_ALLOW_SENDS must be true or false, got 'maybe'");
    }

    @Test
    void anInvalidProjectIdIsAConfigurationErrorThatKeepsTheTokenOut() {
        TourResult result = run(Map.of("TEXTER_PROJECT_ID", "acme.evil.com", "TEXTER_API_TOKEN", "tok-123456"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(output()).contains("TEXTER_PROJECT_ID is invalid").doesNotContain("tok-123456");
    }
}
