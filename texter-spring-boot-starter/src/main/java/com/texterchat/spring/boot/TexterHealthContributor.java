package com.texterchat.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health indicator {@code texter} on Spring Boot 4 (module spring-boot-health,
 * {@code org.springframework.boot.health.contributor}). Loaded only when that module is present.
 */
final class TexterHealthContributor implements HealthIndicator {

    private final ChannelHealth health;

    TexterHealthContributor(ChannelHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        ChannelHealth.Report report = health.report();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
