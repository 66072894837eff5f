package com.texterchat.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TourTargetsTest {

    private static TourTargets targets(String webhookUrl, boolean texterReachesLoopback) {
        return new TourTargets("972521234567", null, "972509876543", List.of(), "VIP", null, null, webhookUrl,
                texterReachesLoopback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/texter/webhook", "http://localhost:8089/texter/webhook",
            "http://[::1]:8089/texter/webhook"})
    void aRealTexterCannotReachThisMachine(String url) {
        assertThat(targets(null, false).unreachableReason(url)).startsWith("Texter cannot reach " + url)
                .contains("TEXTER_TOUR_WEBHOOK_URL");
    }

    @Test
    void publicUrlsAndTheEmbeddedTexterAreFine() {
        assertThat(targets(null, false).unreachableReason("https://hooks.example.com/texter")).isNull();
        assertThat(targets(null, true).unreachableReason("http://127.0.0.1:8089/texter/webhook")).isNull();
    }

    @Test
    void subscriptionsPointAtThePublicUrlWhenThereIsOne() {
        URI receiver = URI.create("http://127.0.0.1:8089/texter/webhook");

        assertThat(targets("https://tunnel.example.com/t", false).subscriptionUrl(receiver))
                .isEqualTo("https://tunnel.example.com/t");
        assertThat(targets(null, false).subscriptionUrl(receiver)).isEqualTo(receiver.toString());
    }
}
