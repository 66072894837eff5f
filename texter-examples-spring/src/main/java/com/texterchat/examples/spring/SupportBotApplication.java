package com.texterchat.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The support bot as a Spring Boot application. The Texter starter configures the client and the {@code Texter}
 * entry object from {@code texter.*} and serves the webhook endpoint ({@code texter.webhook.path}, checking
 * {@code texter.webhook.secret}); {@link SubscriptionSetup} subscribes that endpoint at start-up and
 * {@link SpringSupportBot} answers what arrives. Configuration (see {@code application.properties}):
 *
 * <pre>
 * TEXTER_PROJECT_ID=my-project
 * TEXTER_API_TOKEN=...                        # the API token, from your secret store
 * TEXTER_WEBHOOK_SECRET=...                   # 16+ visible ASCII characters, e.g. from WebhookSecret.generate()
 * BOT_WEBHOOK_URL=https://bot.example.com/texter/webhook   # where Texter reaches this application
 * </pre>
 */
@SpringBootApplication
public class SupportBotApplication {

    /** Made by Spring. */
    public SupportBotApplication() {
    }

    /**
     * Starts the bot.
     *
     * @param args Spring Boot's command line arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(SupportBotApplication.class, args);
    }
}
