package com.texterchat.dsl.scenario;

import com.texterchat.dsl.internal.Check;
import com.texterchat.model.AddConditionOperation;
import com.texterchat.model.AddLoaderOperation;
import com.texterchat.model.RemoveConditionOperation;
import com.texterchat.model.RemoveLoaderOperation;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioDraftOperation;
import com.texterchat.model.ScenarioLoaderPosition;
import com.texterchat.model.ScenarioLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One edit of a scenario's draft (Update Draft). There are exactly twelve kinds, one record each; each becomes
 * an operation object holding exactly one key. Values are checked when the record is made.
 *
 * <pre>{@code
 * List<DraftOperation> edits = List.of(
 *         DraftOperation.rename("(SUB) VIP messages"),
 *         DraftOperation.addCondition(0, "filtrex", Map.of("expression", "inArray(labels, \"VIP\")")));
 * texter.editAndPublishDraft(scenarioId, edits, "Only VIP chats");
 * }</pre>
 */
public sealed interface DraftOperation {

    /** The operation as the generated model, holding exactly one key. */
    ScenarioDraftOperation toModel();

    /**
     * The Update Draft body for {@code operations}, in order.
     *
     * @throws com.texterchat.dsl.InvalidRequestException when the list is empty
     */
    static List<ScenarioDraftOperation> toModels(List<? extends DraftOperation> operations) {
        Check.count("operations", operations, 1, Integer.MAX_VALUE);
        List<ScenarioDraftOperation> models = new ArrayList<>();
        operations.forEach(operation -> models.add(operation.toModel()));
        return ScenarioRules.validateOperations(models);
    }

    /** Adds a trigger event ({@code addTriggerEvent}). */
    static DraftOperation addTriggerEvent(String event) {
        return new AddTriggerEvent(event);
    }

    /** Removes a trigger event ({@code removeTriggerEvent}). */
    static DraftOperation removeTriggerEvent(String event) {
        return new RemoveTriggerEvent(event);
    }

    /** Adds a loader at {@code position} ({@code addLoader}); its data is available under {@code alias}. */
    static DraftOperation addLoader(ScenarioLoaderPosition position, String name, String alias, Map<String, ?> params) {
        return new AddLoader(position, name, alias, params, null);
    }

    /** Removes the loader at {@code index} of {@code position} ({@code removeLoader}). */
    static DraftOperation removeLoader(ScenarioLoaderPosition position, int index) {
        return new RemoveLoader(position, index);
    }

    /** Adds a condition to the AND-group {@code groupIndex} ({@code addCondition}). */
    static DraftOperation addCondition(int groupIndex, String name, Map<String, ?> params) {
        return new AddCondition(groupIndex, name, params, null);
    }

    /** Removes condition {@code index} of group {@code groupIndex} ({@code removeCondition}). */
    static DraftOperation removeCondition(int groupIndex, int index) {
        return new RemoveCondition(groupIndex, index);
    }

    /** Appends an action ({@code addAction}), e.g. {@link ScenarioComponents#request}. */
    static DraftOperation addAction(ScenarioComponent action) {
        return new AddAction(action.getName() == null ? "" : action.getName(),
                action.getParams() == null ? Map.of() : action.getParams(), action.getConfidentialData());
    }

    /** Removes the action at {@code index} ({@code removeAction}). */
    static DraftOperation removeAction(int index) {
        return new RemoveAction(index);
    }

    /** Adds a loop ({@code addLoop}). */
    static DraftOperation addLoop(LoopPosition position, Map<String, ?> loop) {
        return new AddLoop(position, loop);
    }

    /** Removes the loop at {@code index} ({@code removeLoop}). */
    static DraftOperation removeLoop(int index) {
        return new RemoveLoop(index);
    }

    /** Renames the scenario ({@code rename}). */
    static DraftOperation rename(String name) {
        return new Rename(name);
    }

    /** Runs the actions in parallel, or in order ({@code setUnorderedActions}). */
    static DraftOperation setUnorderedActions(boolean unordered) {
        return new SetUnorderedActions(unordered);
    }

    /**
     * {@code {"addTriggerEvent": event}}.
     *
     * @param event the event name, e.g. {@code domain.chat.labels}
     */
    record AddTriggerEvent(String event) implements DraftOperation {
        /** Checks the event name. */
        public AddTriggerEvent {
            Check.notBlank("addTriggerEvent", event);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().addTriggerEvent(event);
        }
    }

    /**
     * {@code {"removeTriggerEvent": event}}.
     *
     * @param event the event name
     */
    record RemoveTriggerEvent(String event) implements DraftOperation {
        /** Checks the event name. */
        public RemoveTriggerEvent {
            Check.notBlank("removeTriggerEvent", event);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().removeTriggerEvent(event);
        }
    }

    /**
     * {@code {"addLoader": {name, position, params, alias, confidentialData?}}}.
     *
     * @param position before or after the conditions
     * @param name the loader, e.g. {@code chat}
     * @param alias the provider name of the loaded data
     * @param params the loader's parameters
     * @param confidentialData whether the parameters hold secrets; {@code null} leaves it out
     */
    record AddLoader(ScenarioLoaderPosition position, String name, String alias, Map<String, ?> params,
            @Nullable Boolean confidentialData) implements DraftOperation {
        /** Checks the values and copies the parameters. */
        public AddLoader {
            Check.that(position != ScenarioLoaderPosition.UNKNOWN, "addLoader.position",
                    "must be beforeConditions or afterConditions");
            Check.notBlank("addLoader.name", name);
            Check.notBlank("addLoader.alias", alias);
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().addLoader(new AddLoaderOperation().name(name).position(position)
                    .params(new LinkedHashMap<>(params)).alias(alias).confidentialData(confidentialData));
        }
    }

    /**
     * {@code {"removeLoader": {index, position}}}.
     *
     * @param position the list
     * @param index the loader's index
     */
    record RemoveLoader(ScenarioLoaderPosition position, int index) implements DraftOperation {
        /** Checks the values. */
        public RemoveLoader {
            Check.that(position != ScenarioLoaderPosition.UNKNOWN, "removeLoader.position",
                    "must be beforeConditions or afterConditions");
            ScenarioRules.index("removeLoader.index", index);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().removeLoader(new RemoveLoaderOperation().index(index).position(position));
        }
    }

    /**
     * {@code {"addCondition": {name, params, groupIndex, confidentialData?}}}.
     *
     * @param groupIndex the AND-group to add to
     * @param name the condition, e.g. {@code filtrex}
     * @param params the condition's parameters
     * @param confidentialData whether the parameters hold secrets; {@code null} leaves it out
     */
    record AddCondition(int groupIndex, String name, Map<String, ?> params, @Nullable Boolean confidentialData)
            implements DraftOperation {
        /** Checks the values and copies the parameters. */
        public AddCondition {
            ScenarioRules.index("addCondition.groupIndex", groupIndex);
            Check.notBlank("addCondition.name", name);
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().addCondition(new AddConditionOperation().name(name)
                    .params(new LinkedHashMap<>(params)).groupIndex(groupIndex).confidentialData(confidentialData));
        }
    }

    /**
     * {@code {"removeCondition": {groupIndex, index}}}.
     *
     * @param groupIndex the group
     * @param index the condition
     */
    record RemoveCondition(int groupIndex, int index) implements DraftOperation {
        /** Checks the indexes. */
        public RemoveCondition {
            ScenarioRules.index("removeCondition.groupIndex", groupIndex);
            ScenarioRules.index("removeCondition.index", index);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().removeCondition(
                    new RemoveConditionOperation().groupIndex(groupIndex).index(index));
        }
    }

    /**
     * {@code {"addAction": {name, params, confidentialData?}}}.
     *
     * @param name the action, e.g. {@code request}
     * @param params the action's parameters
     * @param confidentialData whether the parameters hold secrets; {@code null} leaves it out
     */
    record AddAction(String name, Map<String, ?> params, @Nullable Boolean confidentialData) implements DraftOperation {
        /** Checks the action like a document's action and copies the parameters. */
        public AddAction {
            Check.notBlank("addAction.name", name);
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        @Override
        public ScenarioDraftOperation toModel() {
            ScenarioComponent action = new ScenarioComponent()
                    .name(name).params(new LinkedHashMap<>(params)).confidentialData(confidentialData);
            ScenarioRules.action(action, "addAction");
            return new ScenarioDraftOperation().addAction(action);
        }
    }

    /**
     * {@code {"removeAction": index}}.
     *
     * @param index the action's index
     */
    record RemoveAction(int index) implements DraftOperation {
        /** Checks the index. */
        public RemoveAction {
            ScenarioRules.index("removeAction", index);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().removeAction(index);
        }
    }

    /**
     * {@code {"addLoop": {loop, position}}}.
     *
     * @param position where it runs
     * @param loop the loop definition
     */
    record AddLoop(LoopPosition position, Map<String, ?> loop) implements DraftOperation {
        /** Checks and copies the definition. */
        public AddLoop {
            Check.that(!loop.isEmpty(), "addLoop.loop", "must not be empty");
            loop = Collections.unmodifiableMap(new LinkedHashMap<>(loop));
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().addLoop(
                    new ScenarioLoop().loop(new LinkedHashMap<>(loop)).position(position.value()));
        }
    }

    /**
     * {@code {"removeLoop": index}}.
     *
     * @param index the loop's index
     */
    record RemoveLoop(int index) implements DraftOperation {
        /** Checks the index. */
        public RemoveLoop {
            ScenarioRules.index("removeLoop", index);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().removeLoop(index);
        }
    }

    /**
     * {@code {"rename": name}}.
     *
     * @param name the new scenario name
     */
    record Rename(String name) implements DraftOperation {
        /** Checks the name. */
        public Rename {
            Check.notBlank("rename", name);
        }

        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().rename(name);
        }
    }

    /**
     * {@code {"setUnorderedActions": unordered}}.
     *
     * @param unordered {@code true} runs the actions in parallel
     */
    record SetUnorderedActions(boolean unordered) implements DraftOperation {
        @Override
        public ScenarioDraftOperation toModel() {
            return new ScenarioDraftOperation().setUnorderedActions(unordered);
        }
    }
}
