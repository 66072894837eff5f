package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.util.List;

/**
 * Runs one imported scenario document against one event, as Texter's scenario engine would: trigger match, loaders
 * before conditions, conditions (OR of AND-groups), loaders after conditions, then the actions in order.
 */
public final class ScenarioEngine {

    /** An engine that posts {@code request} actions with the JDK HTTP client (loopback receivers). */
    public ScenarioEngine() {
    }

    /**
     * Runs {@code document} for {@code event}. Never throws because of a receiver: an unreachable or failing
     * receiver is recorded in the returned delivery.
     *
     * @param scenarioId the id of the stored scenario (recorded in each delivery)
     * @param document the scenario document (the {@code data} of Import Subscription, or a revision's content)
     * @param event the event
     * @param host the simulated project
     * @return the deliveries of its {@code request} actions, in order; empty when the trigger does not match or a
     *     condition fails
     */
    public List<WebhookDelivery> run(String scenarioId, JsonNode document, SimEvent event, ScenarioHost host) {
        throw new UnsupportedOperationException("scenario engine not written yet");
    }
}
