package com.texterchat.spring.boot;

import com.texterchat.client.TexterClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator health indicator {@code texter} (bean {@code texterHealthIndicator}): down while a channel health
 * problem impairing sending is active, from List Channel Health Problems, cached for {@code texter.health.cache-for}
 * (30 s by default). Spring Boot 3 and 4 keep {@code HealthIndicator} in different packages; the variant of the Boot
 * present is registered. Off with {@code texter.health.enabled=false}, or by defining a bean of that name.
 */
@AutoConfiguration(after = TexterAutoConfiguration.class)
@ConditionalOnProperty(prefix = "texter.health", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TexterHealthAutoConfiguration {

    private static final String BOOT_4_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";
    private static final String BOOT_3_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";

    /** Made by Spring. */
    public TexterHealthAutoConfiguration() {
    }

    static ChannelHealth channelHealth(TexterClient client, TexterProperties properties) {
        return new ChannelHealth(client, properties.getHealth().getCacheFor(), Clock.systemUTC());
    }

    /** Spring Boot 4: module spring-boot-health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT_4_INDICATOR)
    @ConditionalOnBean(TexterClient.class)
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "texterHealthIndicator")
        TexterHealthContributor texterHealthIndicator(TexterClient client, TexterProperties properties) {
            return new TexterHealthContributor(channelHealth(client, properties));
        }
    }

    /** Spring Boot 3: Actuator's own package. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT_3_INDICATOR)
    @ConditionalOnMissingClass(BOOT_4_INDICATOR)
    @ConditionalOnBean(TexterClient.class)
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "texterHealthIndicator")
        TexterHealthIndicator texterHealthIndicator(TexterClient client, TexterProperties properties) {
            return new TexterHealthIndicator(channelHealth(client, properties));
        }
    }
}
