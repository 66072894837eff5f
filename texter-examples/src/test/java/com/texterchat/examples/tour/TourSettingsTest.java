package com.texterchat.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TourSettingsTest {

    @Test
    void noVariablesMeanTheEmbeddedTexterWithWritesOff() {
        TourSettings settings = TourSettings.parse(Map.of(), List.of());

        assertThat(settings.realApi()).isFalse();
        assertThat(settings.allowSends()).isFalse();
        assertThat(settings.only()).isEmpty();
        assertThat(settings.recipients()).isEmpty();
        assertThat(settings.receiverPort()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"TEXTER_PROJECT_ID, acme", "TEXTER_API_TOKEN, t0k3n", "TEXTER_BASE_URL, https://proxy.example.com"})
    void anyConnectionVariableMeansARealProject(String name, String value) {
        assertThat(TourSettings.parse(Map.of(name, value), List.of()).realApi()).isTrue();
    }

    @Test
    void blankConnectionVariablesCountAsUnset() {
        assertThat(TourSettings.parse(Map.of("TEXTER_PROJECT_ID", " ", "TEXTER_API_TOKEN", ""), List.of()).realApi())
                .isFalse();
    }

    @Test
    void sendsAreAllowedByTheArgumentOrTheVariable() {
        assertThat(TourSettings.parse(Map.of(), List.of("--allow-sends")).allowSends()).isTrue();
        assertThat(TourSettings.parse(Map.of("TEXTER_TOUR_ALLOW_SENDS", "TRUE"), List.of()).allowSends()).isTrue();
        assertThat(TourSettings.parse(Map.of("TEXTER_TOUR_ALLOW_SENDS", "false"), List.of()).allowSends()).isFalse();
    }

    @Test
    void onlyTakesIdsInEitherForm() {
        assertThat(TourSettings.parse(Map.of(), List.of("--only", "Bot, crm")).only()).containsOnly("bot", "crm");
        assertThat(TourSettings.parse(Map.of(), List.of("--only=campaign")).only()).containsOnly("campaign");
    }

    @Test
    void numbersAreKeptAsDigits() {
        TourSettings settings = TourSettings.parse(Map.of(
                "TEXTER_TOUR_PHONE", "+972 52-123-4567",
                "TEXTER_TOUR_RECIPIENTS", "+972500000001, 972 50 000 0002"), List.of());

        assertThat(settings.phone()).isEqualTo("972521234567");
        assertThat(settings.recipients()).containsExactly("972500000001", "972500000002");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TEXTER_TOUR_ALLOW_SENDS   | yes                    | TEXTER_TOUR_ALLOW_SENDS must be true or false, got 'yes'",
            "TEXTER_TOUR_PHONE         | call me                | TEXTER_TOUR_PHONE must be a phone number of 7-15 digits",
            "TEXTER_TOUR_PHONE         | 12345                  | TEXTER_TOUR_PHONE must be a phone number of 7-15 digits",
            "TEXTER_TOUR_PHONE         | 1234567890123456       | TEXTER_TOUR_PHONE must be a phone number of 7-15 digits",
            "TEXTER_TOUR_ACCOUNT_ID    | acme                   | TEXTER_TOUR_ACCOUNT_ID must be a phone number",
            "TEXTER_TOUR_RECIPIENTS    | 972500000001,,97250000 | TEXTER_TOUR_RECIPIENTS[1] must be a phone number",
            "TEXTER_TOUR_RECIPIENTS    | 972500000001,+972500000001 | TEXTER_TOUR_RECIPIENTS[1] repeats +972500000001",
            "TEXTER_TOUR_AGENT_EMAIL   | dana                   | TEXTER_TOUR_AGENT_EMAIL must be an email address, got 'dana'",
            "TEXTER_TOUR_WEBHOOK_URL   | ftp://example.com/hook | TEXTER_TOUR_WEBHOOK_URL must be an absolute http(s) URL",
            "TEXTER_TOUR_WEBHOOK_URL   | /texter/webhook        | TEXTER_TOUR_WEBHOOK_URL must be an absolute http(s) URL",
            "TEXTER_TOUR_RECEIVER_PORT | 70000                  | TEXTER_TOUR_RECEIVER_PORT must be a port number 0-65535",
            "TEXTER_TOUR_RECEIVER_PORT | eighty                 | TEXTER_TOUR_RECEIVER_PORT must be a port number 0-65535"})
    void aWrongVariableIsNamedWithWhatItAccepts(String name, String value, String message) {
        assertThatThrownBy(() -> TourSettings.parse(Map.of(name, value), List.of()))
                .isInstanceOf(TourConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void tooLongNamesAreRefused() {
        String name = "x".repeat(101);
        assertThatThrownBy(() -> TourSettings.parse(Map.of("TEXTER_TOUR_LABEL", name), List.of()))
                .hasMessage("TEXTER_TOUR_LABEL must be 1-100 characters, was 101");
        assertThatThrownBy(() -> TourSettings.parse(Map.of("TEXTER_TOUR_DEPARTMENT_ID", name), List.of()))
                .hasMessage("TEXTER_TOUR_DEPARTMENT_ID must be 1-100 characters, was 101");
    }

    @Test
    void aCampaignHasAtMostAHundredRecipients() {
        String numbers = IntStream.rangeClosed(1, 101).mapToObj(i -> String.valueOf(972500000000L + i))
                .collect(Collectors.joining(","));

        assertThatThrownBy(() -> TourSettings.parse(Map.of("TEXTER_TOUR_RECIPIENTS", numbers), List.of()))
                .hasMessage("TEXTER_TOUR_RECIPIENTS must list at most 100 numbers, got 101");
    }

    @Test
    void unknownArgumentsAreRefused() {
        assertThatThrownBy(() -> TourSettings.parse(Map.of(), List.of("--send-everything")))
                .isInstanceOf(TourConfigException.class)
                .hasMessageContaining("unknown argument '--send-everything'");
        assertThatThrownBy(() -> TourSettings.parse(Map.of(), List.of("--only")))
                .hasMessageContaining("--only needs example ids");
        assertThatThrownBy(() -> TourSettings.parse(Map.of(), List.of("--only=,")))
                .hasMessageContaining("--only needs example ids");
    }

    @Test
    void toStringNeverShowsTheVariables() {
        TourSettings settings = TourSettings.parse(Map.of("TEXTER_API_TOKEN", "s3cr3t-token", "TEXTER_PROJECT_ID",
                "acme"), List.of());

        assertThat(settings.toString()).doesNotContain("s3cr3t-token").contains("real API");
    }
}
