/**
 * Scenarios, the automations behind webhook subscriptions: {@link com.texterchat.dsl.scenario.ScenarioBuilder}
 * writes a scenario document, {@link com.texterchat.dsl.scenario.ScenarioValues} the two ways a value is
 * taken from the event or a loader, {@link com.texterchat.dsl.scenario.WebhookSubscriptions} the ready import
 * bodies of the 19 webhook events, and {@link com.texterchat.dsl.scenario.DraftOperation} the 12 kinds of
 * Update Draft operations.
 */
@NullMarked
package com.texterchat.dsl.scenario;

import org.jspecify.annotations.NullMarked;
