package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** A simulated project for engine tests: loaders answer from a function, actions are recorded. */
final class FakeHost implements ScenarioHost {

    static final Instant NOW = Instant.parse("2026-11-30T10:15:30Z");

    /** One call the engine made. */
    record Call(String name, JsonNode params, SimEvent event) {
    }

    private final BiFunction<String, JsonNode, Map<String, JsonNode>> loader;
    private final List<Call> loads = new ArrayList<>();
    private final List<Call> actions = new ArrayList<>();
    private final List<String> knownActions;

    FakeHost(BiFunction<String, JsonNode, Map<String, JsonNode>> loader, String... knownActions) {
        this.loader = loader;
        this.knownActions = List.of(knownActions);
    }

    /** A host without loaders or actions. */
    static FakeHost none() {
        return new FakeHost((name, params) -> Map.of());
    }

    @Override
    public Map<String, JsonNode> load(String loaderName, JsonNode params, SimEvent event) {
        loads.add(new Call(loaderName, params, event));
        return loader.apply(loaderName, params);
    }

    @Override
    public boolean runAction(String actionName, JsonNode params, SimEvent event) {
        actions.add(new Call(actionName, params, event));
        if (actionName.equals("explode")) {
            throw new IllegalStateException("no such chat");
        }
        return knownActions.contains(actionName);
    }

    @Override
    public Instant now() {
        return NOW;
    }

    List<Call> loads() {
        return List.copyOf(loads);
    }

    List<Call> actions() {
        return List.copyOf(actions);
    }
}
