package com.texterchat.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.client.webhook.WebhookSecret;
import com.texterchat.dsl.scenario.WebhookSubscriptions;
import com.texterchat.testkit.simulator.TexterSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// readme:start spring-test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "texter.test.simulator=true", "texter.webhook.secret=test-webhook-secret-0123"})
class SupportBotTest {

    @Autowired
    TexterSimulator simulator;

    @Autowired
    SimulatorWebhooks webhooks;

    @Autowired
    Texter texter;

    @Test
    void theBotAnswersAnIncomingMessage() {
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages(webhooks.url())
                .withSecret(WebhookSecret.of("test-webhook-secret-0123")));

        simulator.simulate().incomingMessage("0521234567", "Hello?");

        String chatId = simulator.chatIdOf("0521234567").orElseThrow();
        assertThat(simulator.verify().messageSentToChat(chatId).getText())
                .isEqualTo("Thanks! An agent will answer shortly.");
    }
}
// readme:end
