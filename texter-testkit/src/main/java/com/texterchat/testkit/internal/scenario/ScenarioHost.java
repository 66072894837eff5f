package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** What the scenario engine needs from the simulated project: loaders, chat actions and the clock. */
public interface ScenarioHost {

    /**
     * Runs a loader of a scenario document (for example {@code chat}, which loads the event's chat).
     *
     * @param loaderName the loader's {@code name}
     * @param params the loader's {@code params}, with placeholders already resolved (may be an empty object)
     * @param event the event being run, with the providers loaded so far
     * @return the providers the loader adds, by provider name (for {@code chat}: {@code {"chat": {"chat": <view>,
     *     "externalBot": <boolean>}}}); empty when it finds nothing
     */
    Map<String, JsonNode> load(String loaderName, JsonNode params, SimEvent event);

    /**
     * Runs an action other than {@code request} (for example assigning the chat or changing its labels).
     *
     * @param actionName the action's {@code name}
     * @param params the action's {@code params}, with placeholders already resolved
     * @param event the event being run
     * @return {@code false} when the simulator does not know the action (the engine records it as skipped)
     */
    boolean runAction(String actionName, JsonNode params, SimEvent event);

    /** The simulator's clock (for delivery timestamps). */
    Instant now();
}
