package com.texterchat.spring.boot.test;

import java.util.Objects;
import org.springframework.core.env.Environment;

/**
 * Where the simulator delivers webhooks in a test: this application's own endpoint on loopback,
 * {@code http://127.0.0.1:<local.server.port><texter.webhook.path>}. Import a subscription to {@link #url()} (with
 * the secret of {@code texter.webhook.secret}) and the simulated events arrive at the application's listeners.
 * Needs a running server: {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} or {@code DEFINED_PORT}.
 */
public final class SimulatorWebhooks {

    private final Environment environment;

    SimulatorWebhooks(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The endpoint's URL.
     *
     * @return e.g. {@code http://127.0.0.1:54321/texter/webhook}
     * @throws IllegalStateException when no web server has started (no {@code local.server.port})
     */
    public String url() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("no local.server.port: the simulator can only reach a running server;"
                    + " use @SpringBootTest(webEnvironment = RANDOM_PORT)");
        }
        return "http://127.0.0.1:" + port + environment.getProperty("texter.webhook.path", "/texter/webhook");
    }

    @Override
    public String toString() {
        return "SimulatorWebhooks[" + environment.getProperty("local.server.port", "no server yet") + "]";
    }
}
