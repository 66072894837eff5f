package com.texterchat.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The health indicator {@code texter} on Spring Boot 3 (Actuator's {@code org.springframework.boot.actuate.health}). */
final class TexterHealthIndicator implements HealthIndicator {

    private final ChannelHealth health;

    TexterHealthIndicator(ChannelHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        ChannelHealth.Report report = health.report();
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
