package com.texterchat.dsl.scenario;

import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.ScenarioLoader;
import com.texterchat.model.ScenarioLoaders;
import com.texterchat.model.ScenarioLoop;
import com.texterchat.model.ScenarioOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A scenario document, the portable form of a scenario that Import Subscription takes. Start with {@link
 * Scenarios#scenario(String)}.
 *
 * <p>A scenario runs when one of its trigger events fires: loaders listed before the conditions run, then the
 * conditions are checked — they pass when <em>any</em> group passes, and a group passes when <em>all</em> its
 * conditions do — then the loaders listed after the conditions run, then the actions.
 *
 * <pre>{@code
 * ScenarioDocument doc = Scenarios.scenario("(SUB) New Incoming Messages")
 *         .trigger("domain.message.created")
 *         .afterConditions(ScenarioComponents.loader("chat", "chat",
 *                 Map.of("id", ScenarioValues.provide("message", "parent_chat"))))
 *         .anyOf(g -> g.add(ScenarioComponents.filtrex("direction == \"incoming\"",
 *                 ScenarioValues.provide("message", "message"))))
 *         .action(ScenarioComponents.request("https://example.com/hook", Map.of(...)))
 *         .build();
 * }</pre>
 *
 * <p>The document always carries {@code loaders}, {@code conditions} and {@code options} (empty when nothing
 * was added), as Texter's own templates do. The {@code version} is {@code v1}, or {@code v1.1} once a loop is
 * added.
 */
public final class ScenarioBuilder {

    private final String name;
    private @Nullable String description;
    private final List<String> triggerEvents = new ArrayList<>();
    private @Nullable List<ScenarioLoader> beforeConditions;
    private @Nullable List<ScenarioLoader> afterConditions;
    private final List<List<ScenarioComponent>> conditions = new ArrayList<>();
    private final List<ScenarioComponent> actions = new ArrayList<>();
    private final List<ScenarioLoop> loops = new ArrayList<>();
    private @Nullable List<String> tags;
    private boolean unorderedActions;

    ScenarioBuilder(String name) {
        this.name = name;
    }

    /** A description shown in Texter. */
    public ScenarioBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** Adds trigger events, e.g. {@code domain.message.created}, {@code domain.chat.resolved}. */
    public ScenarioBuilder trigger(String... events) {
        triggerEvents.addAll(List.of(events));
        return this;
    }

    /**
     * Adds loaders that run before the conditions (their aliases can be used in conditions). Called without
     * arguments it only makes the (empty) {@code beforeConditions} list appear in the document.
     */
    public ScenarioBuilder beforeConditions(ScenarioLoader... loaders) {
        beforeConditions = append(beforeConditions, loaders);
        return this;
    }

    /** Adds loaders that run once the conditions passed. */
    public ScenarioBuilder afterConditions(ScenarioLoader... loaders) {
        afterConditions = append(afterConditions, loaders);
        return this;
    }

    /** Adds a condition group: the scenario runs when any group passes; a group passes when all its conditions do. */
    public ScenarioBuilder anyOf(Consumer<ConditionGroup> group) {
        ConditionGroup added = new ConditionGroup();
        group.accept(added);
        conditions.add(added.conditions);
        return this;
    }

    /** Adds a condition group holding the given conditions (all must pass). */
    public ScenarioBuilder allOf(ScenarioComponent... conditions) {
        return anyOf(g -> g.conditions.addAll(List.of(conditions)));
    }

    /** Adds an action; actions run in order unless {@link #unorderedActions(boolean)} is set. */
    public ScenarioBuilder action(ScenarioComponent action) {
        actions.add(action);
        return this;
    }

    /** Adds a loop (this makes the document version {@code v1.1}). */
    public ScenarioBuilder loop(LoopPosition position, Map<String, ?> loop) {
        loops.add(new ScenarioLoop().loop(new LinkedHashMap<>(loop)).position(position.value()));
        return this;
    }

    /**
     * Adds a parallel {@code foreach} loop over {@code input}, exposing each item under the provider {@code as}.
     *
     * @param concurrency how many items run at once (Texter spells the key {@code concurency})
     */
    public ScenarioBuilder foreach(LoopPosition position, String as, Object input, int concurrency) {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("type", "foreach");
        loop.put("as", as);
        loop.put("input", input);
        loop.put("confidentialData", false);
        loop.put("foreachMode", "parallel");
        loop.put("concurency", concurrency);
        return loop(position, loop);
    }

    /** Tags of the scenario. */
    public ScenarioBuilder tags(String... tags) {
        this.tags = new ArrayList<>(List.of(tags));
        return this;
    }

    /** Runs the actions in parallel instead of one after the other. */
    public ScenarioBuilder unorderedActions(boolean unorderedActions) {
        this.unorderedActions = unorderedActions;
        return this;
    }

    /**
     * Builds the document and checks it against {@link ScenarioRules}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks
     */
    public ScenarioDocument build() {
        ScenarioLoaders loaders = new ScenarioLoaders()
                .beforeConditions(beforeConditions == null ? null : new ArrayList<>(beforeConditions))
                .afterConditions(afterConditions == null ? null : new ArrayList<>(afterConditions));
        List<List<ScenarioComponent>> groups = new ArrayList<>();
        conditions.forEach(group -> groups.add(new ArrayList<>(group)));
        ScenarioDocument document = new ScenarioDocument()
                .version(loops.isEmpty() ? ScenarioDocument.VersionEnum.V1 : ScenarioDocument.VersionEnum.V1_1)
                .name(name)
                .description(description)
                .triggerEvents(new ArrayList<>(triggerEvents))
                .loaders(loaders)
                .conditions(groups)
                .actions(new ArrayList<>(actions))
                .loops(loops.isEmpty() ? null : new ArrayList<>(loops))
                .tags(tags == null ? null : new ArrayList<>(tags))
                .options(new ScenarioOptions().unorderedActions(unorderedActions));
        return ScenarioRules.validate(document);
    }

    private static List<ScenarioLoader> append(@Nullable List<ScenarioLoader> list, ScenarioLoader... loaders) {
        List<ScenarioLoader> result = list == null ? new ArrayList<>() : list;
        result.addAll(List.of(loaders));
        return result;
    }

    /** One AND-group of conditions. */
    public static final class ConditionGroup {
        private final List<ScenarioComponent> conditions = new ArrayList<>();

        ConditionGroup() {
        }

        /** Adds a condition, e.g. {@link ScenarioComponents#filtrex} or {@link ScenarioComponents#compare}. */
        public ConditionGroup add(ScenarioComponent condition) {
            conditions.add(condition);
            return this;
        }
    }
}
