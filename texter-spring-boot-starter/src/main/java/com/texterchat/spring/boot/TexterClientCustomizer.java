package com.texterchat.spring.boot;

import com.texterchat.client.TexterClient;

/**
 * Adjusts the builder of the auto-configured {@link TexterClient} after the {@code texter.*} properties are applied
 * (a listener, a default header, an HTTP proxy). Every bean of this type is applied, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * TexterClientCustomizer tenantHeader() {
 *     return builder -> builder.defaultHeader("X-Tenant", "acme");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TexterClientCustomizer {

    /**
     * Changes the builder before the client is built.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(TexterClient.Builder builder);
}
