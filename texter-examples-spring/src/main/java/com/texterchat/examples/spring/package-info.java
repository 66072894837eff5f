/**
 * A support bot on Spring Boot and the Texter starter: {@link com.texterchat.examples.spring.SupportBotApplication}
 * (the application), {@link com.texterchat.examples.spring.SubscriptionSetup} (imports the webhook subscription with
 * its secret at start-up, once) and {@link com.texterchat.examples.spring.SpringSupportBot} (answers each new
 * incoming message with the DSL).
 */
@NullMarked
package com.texterchat.examples.spring;

import org.jspecify.annotations.NullMarked;
