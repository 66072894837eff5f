package com.texterchat.testkit.internal.scenario;

import com.texterchat.testkit.simulator.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/**
 * What one run of a scenario document for one event did, shaped like Texter's Scenario Run object (what List
 * Scenario Runs answers), plus the webhooks it sent.
 *
 * @param scenarioId the scenario that ran
 * @param scenarioName its name
 * @param trigger the event's trigger
 * @param started when the run started, on the simulator's clock
 * @param triggered whether the document listens to the trigger at all; when not, nothing else ran
 * @param conditionsResult whether the conditions passed (so the actions ran)
 * @param success whether the run completed without a failed step (a receiver's answer, even a 500, is not a
 *     failed step: it is recorded in its delivery)
 * @param steps the steps, in the order they ran
 * @param deliveries the webhooks its {@code request} actions sent, in order
 */
public record ScenarioRun(
        String scenarioId,
        String scenarioName,
        String trigger,
        Instant started,
        boolean triggered,
        boolean conditionsResult,
        boolean success,
        List<ScenarioStep> steps,
        List<WebhookDelivery> deliveries) {

    /** Copies the lists so the record cannot change afterwards. */
    public ScenarioRun {
        steps = List.copyOf(steps);
        deliveries = List.copyOf(deliveries);
    }
}
