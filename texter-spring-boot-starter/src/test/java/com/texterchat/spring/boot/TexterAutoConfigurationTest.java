package com.texterchat.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The auto-configuration without a web server: properties, the token's sources, back-off, the conditional parts. */
class TexterAutoConfigurationTest {

    private static final String TOKEN = "spring-test-token-0123456789";
    private static final String SECRET = "spring-webhook-secret-0123456789";

    private static final AutoConfigurations ALL = AutoConfigurations.of(TexterAutoConfiguration.class,
            TexterWebhookAutoConfiguration.class, TexterHealthAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"total\":0,\"problems\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/server/api/v2";
    }

    @Test
    void thePropertiesConfigureTheClientAndTheTexterWrapsIt() {
        runner.withPropertyValues("texter.base-url=" + baseUrl(), "texter.token=" + TOKEN,
                "texter.call-timeout=7s", "texter.retry.max-retries=5", "texter.retry.initial-backoff=20ms")
                .run(context -> {
                    TexterClient client = context.getBean(TexterClient.class);
                    assertThat(client.baseUrl()).hasToString(baseUrl());
                    assertThat(client.callTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(client.retryPolicy().maxRetries()).isEqualTo(5);
                    assertThat(client.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(20));
                    assertThat(context.getBean(Texter.class).client()).isSameAs(client);

                    client.channels().listChannelHealthProblems(null, null, null, null);
                    assertThat(authorizations).containsExactly("Bearer " + TOKEN);
                });
    }

    @Test
    void theProjectIdGivesTexterUrlAndRetriesCanBeTurnedOff() {
        runner.withPropertyValues("texter.project-id=demo", "texter.token=" + TOKEN, "texter.retry.enabled=false")
                .run(context -> {
                    TexterClient client = context.getBean(TexterClient.class);
                    assertThat(client.baseUrl()).hasToString("https://demo.texterchat.com/server/api/v2");
                    assertThat(client.retryPolicy().maxRetries()).isZero();
                });
    }

    @Test
    void withoutTexterTokenTheTokenComesFromTexterApiToken() {
        runner.withPropertyValues("texter.base-url=" + baseUrl(), "TEXTER_API_TOKEN=" + TOKEN).run(context -> {
            context.getBean(TexterClient.class).channels().listChannelHealthProblems(null, null, null, null);
            assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        });
    }

    @Test
    void withoutAnyTokenTheStartFailsNamingBothSettings() {
        runner.withPropertyValues("texter.base-url=" + baseUrl(), "TEXTER_API_TOKEN=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("token");
            assertThat(context.getStartupFailure()).hasStackTraceContaining("texter.token")
                    .hasStackTraceContaining("TEXTER_API_TOKEN");
        });
    }

    @Test
    void anInvalidBaseUrlFailsTheStart() {
        runner.withPropertyValues("texter.base-url=http://texter.example.com/api", "texter.token=" + TOKEN)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("plain http is only allowed for loopback hosts"));
    }

    @Test
    void anApplicationsOwnClientWinsAndTheTexterUsesIt() {
        TexterClient own = TexterClient.builder().baseUrl(baseUrl()).token(TOKEN).build();
        runner.withBean(TexterClient.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(TexterClient.class);
            assertThat(context.getBean(TexterClient.class)).isSameAs(own);
            assertThat(context.getBean(Texter.class).client()).isSameAs(own);
        });
    }

    @Test
    void anApplicationsOwnTexterWins() {
        runner.withPropertyValues("texter.base-url=" + baseUrl(), "texter.token=" + TOKEN)
                .withBean("ownTexter", Texter.class, () -> Texter.of(TexterClient.builder().baseUrl(baseUrl())
                        .token(TOKEN).build()))
                .run(context -> {
                    assertThat(context).hasSingleBean(Texter.class);
                    assertThat(context).hasBean("ownTexter").doesNotHaveBean("texter");
                });
    }

    @Test
    void customizersRunAfterTheProperties() {
        runner.withPropertyValues("texter.base-url=http://127.0.0.1:9/server/api/v2", "texter.token=" + TOKEN)
                .withBean(TexterClientCustomizer.class, () -> builder -> builder.baseUrl(baseUrl()))
                .run(context -> assertThat(context.getBean(TexterClient.class).baseUrl()).hasToString(baseUrl()));
    }

    @Test
    void thePropertiesNeverShowTheTokenOrTheSecret() {
        runner.withPropertyValues("texter.base-url=" + baseUrl(), "texter.token=" + TOKEN,
                "texter.webhook.secret=" + SECRET).run(context -> {
                    TexterProperties properties = context.getBean(TexterProperties.class);
                    assertThat(properties.getToken()).isEqualTo(TOKEN);
                    assertThat(properties.toString()).doesNotContain(TOKEN).doesNotContain(SECRET)
                            .contains("token=****", "secret=****", "baseUrl=" + baseUrl());
                    assertThat(context.getBean(TexterClient.class).toString()).doesNotContain(TOKEN);
                });
    }

    @Test
    void theHealthIndicatorIsRegisteredUnlessTurnedOffOrReplaced() {
        ApplicationContextRunner configured = runner.withPropertyValues("texter.base-url=" + baseUrl(),
                "texter.token=" + TOKEN);
        configured.run(context -> assertThat(context).hasBean("texterHealthIndicator"));
        configured.withPropertyValues("texter.health.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("texterHealthIndicator"));
        configured.withBean("texterHealthIndicator", String.class, () -> "own")
                .run(context -> assertThat(context.getBean("texterHealthIndicator")).isEqualTo("own"));
    }

    @Test
    void theWebhookRouteNeedsAServletApplicationAndASecret() {
        WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("texter.base-url=" + baseUrl(), "texter.token=" + TOKEN);
        web.withPropertyValues("texter.webhook.secret=" + SECRET)
                .run(context -> assertThat(context).hasBean("texterWebhookRoute"));
        web.run(context -> assertThat(context).doesNotHaveBean("texterWebhookRoute"));
        web.withPropertyValues("texter.webhook.secret=" + SECRET, "texter.webhook.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("texterWebhookRoute"));
        runner.withPropertyValues("texter.base-url=" + baseUrl(), "texter.token=" + TOKEN,
                "texter.webhook.secret=" + SECRET).run(context -> assertThat(context)
                        .doesNotHaveBean("texterWebhookRoute"));
    }

    @Test
    void aBlankOrShortSecretOrARelativePathFailsTheStart() {
        WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("texter.base-url=" + baseUrl(), "texter.token=" + TOKEN);
        web.withPropertyValues("texter.webhook.secret=  ").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("texter.webhook.secret is blank"));
        web.withPropertyValues("texter.webhook.secret=short").run(context -> assertThat(context).hasFailed());
        web.withPropertyValues("texter.webhook.secret=" + SECRET, "texter.webhook.path=hooks")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("texter.webhook.path must start with '/'"));
    }
}
