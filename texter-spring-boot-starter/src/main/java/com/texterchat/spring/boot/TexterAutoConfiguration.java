package com.texterchat.spring.boot;

import com.texterchat.Texter;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.micrometer.TexterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configures a {@link TexterClient} from {@link TexterProperties} (then every {@link TexterClientCustomizer})
 * and the entry object {@link Texter} over it; each backs off when the application defines its own bean of that
 * type. With Micrometer on the class path and a {@link MeterRegistry} bean, the client reports to it through
 * {@link TexterMetrics}.
 */
@AutoConfiguration
@EnableConfigurationProperties(TexterProperties.class)
public class TexterAutoConfiguration {

    /** The environment variable read when {@code texter.token} is unset. */
    static final String TOKEN_VARIABLE = "TEXTER_API_TOKEN";
    /** The environment variable read when {@code texter.project-id} is unset. */
    static final String PROJECT_VARIABLE = "TEXTER_PROJECT_ID";

    /** Made by Spring. */
    public TexterAutoConfiguration() {
    }

    /**
     * The client: project ID, token, base URL, timeouts, retries and logging from the properties, then the
     * customizers. Closed with the application context.
     *
     * @param properties the {@code texter.*} properties
     * @param environment where {@code TEXTER_API_TOKEN} and {@code TEXTER_PROJECT_ID} are looked up when the
     *     properties leave them unset
     * @param customizers applied after the properties, in order
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public TexterClient texterClient(TexterProperties properties, Environment environment,
            ObjectProvider<TexterClientCustomizer> customizers) {
        TexterClient.Builder builder = TexterClient.builder();
        String projectId = firstSet(properties.getProjectId(), environment.getProperty(PROJECT_VARIABLE));
        if (projectId != null) {
            builder.projectId(projectId.strip());
        }
        if (hasText(properties.getBaseUrl())) {
            builder.baseUrl(properties.getBaseUrl());
        }
        String token = firstSet(properties.getToken(), environment.getProperty(TOKEN_VARIABLE));
        if (token != null) {
            builder.token(token.strip());
        }
        if (properties.getConnectTimeout() != null) {
            builder.connectTimeout(properties.getConnectTimeout());
        }
        if (properties.getReadTimeout() != null) {
            builder.readTimeout(properties.getReadTimeout());
        }
        if (properties.getCallTimeout() != null) {
            builder.callTimeout(properties.getCallTimeout());
        }
        if (properties.getMaxResponseSize() != null) {
            builder.maxResponseSize(properties.getMaxResponseSize());
        }
        builder.logLevel(properties.getLogLevel());
        builder.retryPolicy(retryPolicy(properties.getRetry()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Texter client not configured: " + e.getMessage()
                    + "; set texter.project-id (or texter.base-url) and texter.token (or " + TOKEN_VARIABLE + ")", e);
        }
    }

    /**
     * The SDK's entry object over the client.
     *
     * @param client the client
     * @return {@code Texter.of(client)}
     */
    @Bean
    @ConditionalOnMissingBean
    public Texter texter(TexterClient client) {
        return Texter.of(client);
    }

    private static RetryPolicy retryPolicy(TexterProperties.Retry retry) {
        if (!retry.isEnabled()) {
            return RetryPolicy.disabled();
        }
        RetryPolicy.Builder builder = RetryPolicy.builder();
        if (retry.getMaxRetries() != null) {
            builder.maxRetries(retry.getMaxRetries());
        }
        if (retry.getInitialBackoff() != null) {
            builder.initialBackoff(retry.getInitialBackoff());
        }
        if (retry.getMaxBackoff() != null) {
            builder.maxBackoff(retry.getMaxBackoff());
        }
        if (retry.getMaxRetryAfter() != null) {
            builder.maxRetryAfter(retry.getMaxRetryAfter());
        }
        return builder.build();
    }

    private static @Nullable String firstSet(@Nullable String first, @Nullable String second) {
        return hasText(first) ? first : hasText(second) ? second : null;
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** Micrometer: the client's calls and attempts as meters of the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        /**
         * Adds {@link TexterMetrics} to the client when a {@link MeterRegistry} bean exists.
         *
         * @param registries the registry, if any
         * @return the customizer
         */
        @Bean
        TexterClientCustomizer texterMetricsCustomizer(ObjectProvider<MeterRegistry> registries) {
            return builder -> registries.ifAvailable(registry -> builder.listener(TexterMetrics.of(registry)));
        }
    }
}
