package com.texterchat.testkit.internal.scenario;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of a {@link ScenarioRun}, shaped like a step of Texter's Scenario Run object.
 *
 * @param type {@code event}, {@code loader}, {@code condition} or {@code action}
 * @param name the component's name ({@code domain.message.created}, {@code chat}, {@code filtrex}, {@code request})
 * @param position loaders only: {@code beforeConditions} or {@code afterConditions}
 * @param groupIndex conditions only: the index of the condition's group
 * @param index the component's index in its list (in its group, for a condition)
 * @param result conditions only: whether the condition passed
 * @param error what went wrong or why the step was skipped; empty when it ran as it should
 */
public record ScenarioStep(
        String type,
        String name,
        Optional<String> position,
        OptionalInt groupIndex,
        OptionalInt index,
        Optional<Boolean> result,
        Optional<String> error) {

    static ScenarioStep event(String trigger) {
        return new ScenarioStep("event", trigger, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty());
    }

    static ScenarioStep loader(String name, String position, int index, Optional<String> error) {
        return new ScenarioStep("loader", name, Optional.of(position), OptionalInt.empty(), OptionalInt.of(index),
                Optional.empty(), error);
    }

    static ScenarioStep condition(String name, int group, int index, boolean result) {
        return new ScenarioStep("condition", name, Optional.empty(), OptionalInt.of(group), OptionalInt.of(index),
                Optional.of(result), Optional.empty());
    }

    static ScenarioStep action(String name, int index, Optional<String> error) {
        return new ScenarioStep("action", name, Optional.empty(), OptionalInt.empty(), OptionalInt.of(index),
                Optional.empty(), error);
    }
}
