package com.texterchat.spring.boot.test;

import com.texterchat.spring.boot.TexterAutoConfiguration;
import com.texterchat.spring.boot.TexterClientCustomizer;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.simulator.TexterSimulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * With {@code texter.test.simulator=true}: a {@link TexterSimulator} bean (started with the context, closed with
 * it; define your own bean to seed it), the auto-configured client pointed at it with the test kit's token (whatever
 * {@code texter.base-url} and {@code texter.token} say, so a test never reaches Texter), and
 * {@link SimulatorWebhooks}, the URL at which the simulator reaches this application's webhook endpoint.
 */
@AutoConfiguration(before = TexterAutoConfiguration.class)
@ConditionalOnProperty(prefix = "texter.test", name = "simulator", havingValue = "true")
public class TexterSimulatorAutoConfiguration {

    /** Made by Spring. */
    public TexterSimulatorAutoConfiguration() {
    }

    /**
     * The simulator, with an empty project.
     *
     * @return a started simulator
     */
    @Bean
    @ConditionalOnMissingBean
    public TexterSimulator texterSimulator() {
        return TexterSimulator.start();
    }

    /**
     * Points the client at the simulator; applied after every other customizer.
     *
     * @param simulator the simulator
     * @return the customizer
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public TexterClientCustomizer texterSimulatorClient(TexterSimulator simulator) {
        return builder -> builder.baseUrl(simulator.apiBaseUrl()).token(TexterMockServer.TOKEN);
    }

    /**
     * The application's webhook URL as the simulator reaches it.
     *
     * @param environment where the server's port is found once it has started
     * @return the webhook target
     */
    @Bean
    @ConditionalOnMissingBean
    public SimulatorWebhooks simulatorWebhooks(Environment environment) {
        return new SimulatorWebhooks(environment);
    }
}
