package com.texterchat.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.spring.boot.TexterAutoConfiguration;
import com.texterchat.testkit.simulator.TexterSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The simulator wiring of texter.test.simulator=true: the client's target, forged deliveries from the simulator,
 * and the wiring's conditions. The same configuration as {@link SupportBotTest}, so both share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "texter.test.simulator=true", "texter.webhook.secret=test-webhook-secret-0123"})
class SimulatorWiringTest {

    @Autowired
    TexterSimulator simulator;

    @Autowired
    SimulatorWebhooks webhooks;

    @Autowired
    Texter texter;

    @Autowired
    TexterClient client;

    @BeforeEach
    @AfterEach
    void reset() {
        simulator.reset();
    }

    @Test
    void theClientTalksToTheSimulatorAndItsWebhooksToThisServer() {
        assertThat(client.baseUrl()).hasToString(simulator.apiBaseUrl());
        assertThat(webhooks.url()).startsWith("http://127.0.0.1:").endsWith("/texter/webhook");
    }

    @Test
    void aSubscriptionWithAnotherSecretIsRefusedAndReachesNoListener() {
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(webhooks.url())
                .withSecret(WebhookSecret.of("not-the-apps-secret-0123")));

        simulator.simulate().incomingMessage("0521234567", "Hello?");

        assertThat(simulator.deliveries()).extracting(delivery -> delivery.status().orElse(-1)).containsExactly(401);
        assertThat(simulator.verify().count("sendMessage")).isZero();
    }

    @Test
    void aSubscriptionWithoutASecretIsRefused() {
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(webhooks.url()));

        simulator.simulate().incomingMessage("0521234567", "Hello?");

        assertThat(simulator.deliveries()).extracting(delivery -> delivery.status().orElse(-1)).containsExactly(401);
    }

    @Test
    void theWiringNeedsThePropertyAndTheWebhookUrlARunningServer() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                TexterSimulatorAutoConfiguration.class, TexterAutoConfiguration.class));
        runner.withPropertyValues("texter.project-id=demo", "texter.token=not-for-the-simulator-0123")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(TexterSimulator.class);
                    assertThat(context.getBean(TexterClient.class).baseUrl())
                            .hasToString("https://demo.texterchat.com/server/api/v2");
                });
        runner.withPropertyValues("texter.test.simulator=true", "texter.project-id=demo",
                "texter.token=not-for-the-simulator-0123").run(context -> {
                    TexterSimulator started = context.getBean(TexterSimulator.class);
                    assertThat(context.getBean(TexterClient.class).baseUrl()).hasToString(started.apiBaseUrl());
                    assertThatThrownBy(() -> context.getBean(SimulatorWebhooks.class).url())
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("RANDOM_PORT");
                });
    }
}
