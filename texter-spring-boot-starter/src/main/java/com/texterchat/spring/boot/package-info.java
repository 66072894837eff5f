/**
 * Spring Boot auto-configuration of the Texter SDK: {@link com.texterchat.client.TexterClient} and
 * {@link com.texterchat.Texter} from the {@code texter.*} properties ({@link TexterProperties}), the webhook endpoint
 * publishing each verified delivery as a {@link TexterWebhookEvent}, Micrometer metrics and the Actuator health
 * indicator {@code texter}. Works with Spring Boot 3.5 and 4.0.
 */
@NullMarked
package com.texterchat.spring.boot;

import org.jspecify.annotations.NullMarked;
