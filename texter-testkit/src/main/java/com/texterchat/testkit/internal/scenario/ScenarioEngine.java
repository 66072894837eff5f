package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one imported scenario document against one event, as Texter's scenario engine would: trigger match, loaders
 * before conditions, conditions (OR of AND-groups), loaders after conditions, then the actions in order.
 *
 * <p>What it runs:
 * <ul>
 *   <li><b>values</b>: {@code ##provide} injections and {@code %provider:key%} interpolations, resolved against the
 *       event's providers and what the loaders added (see {@link Values}: a whole-string placeholder keeps the
 *       value's type, a missing value drops its key);
 *   <li><b>loaders</b> ({@code loaders.beforeConditions}, {@code loaders.afterConditions}) through
 *       {@link ScenarioHost#load}; what a loader returns is added to the providers (under the loader's
 *       {@code alias} when it returns one provider). A loader that finds nothing ends the run, unsuccessful and
 *       without actions, as a run whose data is missing;
 *   <li><b>conditions</b>: {@code filtrex} (see {@link Filtrex}) and {@code compare} ({@code comparison}
 *       {@code Equal}, {@code Not equal}, {@code Greater than}, {@code Greater than or equal}, {@code Less than},
 *       {@code Less than or equal}; spelled with or without spaces, any case). The outer list is OR, each inner
 *       list AND; no groups, or an empty group, pass;
 *   <li><b>actions</b> in order ({@code options.unorderedActions} runs them in order too): {@code request} is sent
 *       here (see {@link RequestAction}; connect timeout 2 s, 5 s for the whole exchange; loopback receivers
 *       only unless built otherwise), every other action goes to {@link ScenarioHost#runAction}. An action the
 *       host does not know is recorded as skipped; one that throws ends the run, unsuccessful.
 * </ul>
 *
 * <p>A document the engine cannot run (no actions, an unknown condition kind, a malformed expression, ...) is
 * refused by {@link #validate} with an {@link IllegalArgumentException} naming the part; {@link #run} and
 * {@link #execute} refuse it the same way, naming the scenario too, before running anything. Thread-safe.
 */
public final class ScenarioEngine {

    /** The connect timeout of {@code request} actions. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The time a {@code request} action waits for the whole exchange. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final String BEFORE = "beforeConditions";
    private static final String AFTER = "afterConditions";

    private final RequestAction requests;

    /** An engine that posts {@code request} actions with the JDK HTTP client (loopback receivers). */
    public ScenarioEngine() {
        this(REQUEST_TIMEOUT, true);
    }

    /**
     * An engine with its own request timeout and receiver rule.
     *
     * @param requestTimeout how long a {@code request} action waits for the whole exchange (the connect timeout is
     *     the smaller of it and {@link #CONNECT_TIMEOUT})
     * @param loopbackOnly whether {@code request} actions may only reach this machine (localhost, 127.0.0.0/8,
     *     ::1); a URL elsewhere is then recorded as not sent. Off only for a person running the standalone
     *     simulator against their own receiver
     */
    public ScenarioEngine(Duration requestTimeout, boolean loopbackOnly) {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        Duration connect = requestTimeout.compareTo(CONNECT_TIMEOUT) < 0 ? requestTimeout : CONNECT_TIMEOUT;
        this.requests = new RequestAction(connect, requestTimeout, loopbackOnly);
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
     * @throws IllegalArgumentException when the document is not one the engine can run ({@link #validate})
     */
    public List<WebhookDelivery> run(String scenarioId, JsonNode document, SimEvent event, ScenarioHost host) {
        return execute(scenarioId, document, event, host).deliveries();
    }

    /**
     * Runs {@code document} for {@code event} and tells what every step did, as Texter's List Scenario Runs
     * records it. Never throws because of a receiver or of the host: those are recorded in the run.
     *
     * @param scenarioId the id of the stored scenario
     * @param document the scenario document
     * @param event the event
     * @param host the simulated project
     * @return the run
     * @throws IllegalArgumentException when the document is not one the engine can run ({@link #validate})
     */
    public ScenarioRun execute(String scenarioId, JsonNode document, SimEvent event, ScenarioHost host) {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(host, "host");
        String name = Objects.requireNonNull(document, "document").path("name").asText("");
        try {
            validate(document);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario " + scenarioId + (name.isEmpty() ? "" : " (" + name + ")")
                    + ": " + e.getMessage(), e);
        }
        return new Run(scenarioId, name, document, event, host).run();
    }

    /**
     * Checks that the engine can run a document: trigger events, loaders, conditions of a known kind with a valid
     * expression or comparison, at least one action, a {@code url} for each {@code request}, and only
     * transformers the simulator knows in its placeholders.
     *
     * @param document the scenario document
     * @throws IllegalArgumentException naming the part that is wrong and why
     */
    public static void validate(JsonNode document) {
        DocumentRules.check(document);
    }

    /**
     * Checks what Texter would refuse in a document stored as a revision (Import Subscription) or as a draft
     * (Update Draft): malformed structure, a malformed {@code filtrex} expression or comparison, a {@code request}
     * without its URL, malformed placeholders. What only the engine lacks (an unknown condition kind or transformer,
     * the {@code ^} operator, no actions; see {@link UnsupportedByEngine}) passes: such a document is stored, and
     * {@link #validate} names the reason when an event would run it.
     *
     * @param document the scenario document
     * @param draft whether it is a draft, which may still lack trigger events and actions
     * @throws IllegalArgumentException naming the part that is wrong and why
     */
    public static void validateForTexter(JsonNode document, boolean draft) {
        DocumentRules.check(document, draft ? DocumentRules.Level.DRAFT : DocumentRules.Level.REVISION);
    }

    /** The state of one run. */
    private final class Run {

        private final String scenarioId;
        private final String name;
        private final JsonNode document;
        private final SimEvent event;
        private final ScenarioHost host;
        private final Map<String, JsonNode> providers;
        private final List<ScenarioStep> steps = new ArrayList<>();
        private final List<WebhookDelivery> deliveries = new ArrayList<>();
        private final Instant started;

        Run(String scenarioId, String name, JsonNode document, SimEvent event, ScenarioHost host) {
            this.scenarioId = scenarioId;
            this.name = name;
            this.document = document;
            this.event = event;
            this.host = host;
            this.providers = new HashMap<>(event.providers());
            this.started = host.now();
        }

        ScenarioRun run() {
            boolean triggered = false;
            for (JsonNode trigger : document.path("triggerEvents")) {
                triggered |= trigger.asText().equals(event.trigger());
            }
            if (!triggered) {
                return result(false, false, true);
            }
            steps.add(ScenarioStep.event(event.trigger()));
            if (!load(BEFORE)) {
                return result(true, false, false);
            }
            if (!conditions()) {
                return result(true, false, true);
            }
            if (!load(AFTER)) {
                return result(true, true, false);
            }
            return result(true, true, actions());
        }

        private ScenarioRun result(boolean triggered, boolean conditionsResult, boolean success) {
            return new ScenarioRun(scenarioId, name, event.trigger(), started, triggered, conditionsResult, success,
                    steps, deliveries);
        }

        private SimEvent current() {
            return new SimEvent(event.trigger(), providers);
        }

        /** Runs the loaders of one position; false when one failed (the run ends). */
        private boolean load(String position) {
            JsonNode loaders = document.path("loaders").path(position);
            for (int i = 0; i < loaders.size(); i++) {
                JsonNode loader = loaders.get(i);
                String loaderName = loader.path("name").asText();
                JsonNode params = resolved(loader.path("params"));
                Map<String, JsonNode> loaded;
                try {
                    loaded = host.load(loaderName, params, current());
                } catch (RuntimeException e) {
                    steps.add(ScenarioStep.loader(loaderName, position, i, Optional.of("the loader failed: " + e)));
                    return false;
                }
                if (loaded.isEmpty()) {
                    steps.add(ScenarioStep.loader(loaderName, position, i,
                            Optional.of("the loader found nothing for " + params)));
                    return false;
                }
                String alias = loader.path("alias").asText("");
                if (loaded.size() == 1 && !alias.isEmpty()) {
                    providers.put(alias, loaded.values().iterator().next());
                } else {
                    providers.putAll(loaded);
                }
                steps.add(ScenarioStep.loader(loaderName, position, i, Optional.empty()));
            }
            return true;
        }

        /** The OR of the AND-groups; true when there are none. */
        private boolean conditions() {
            JsonNode groups = document.path("conditions");
            if (groups.isEmpty()) {
                return true;
            }
            for (int g = 0; g < groups.size(); g++) {
                boolean all = true;
                JsonNode group = groups.get(g);
                for (int c = 0; c < group.size() && all; c++) {
                    JsonNode condition = group.get(c);
                    boolean passed = Conditions.test(condition.path("name").asText(),
                            condition.path("params"), providers);
                    steps.add(ScenarioStep.condition(condition.path("name").asText(), g, c, passed));
                    all = passed;
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        /** Runs the actions in order; false when one failed. */
        private boolean actions() {
            JsonNode actions = document.path("actions");
            for (int i = 0; i < actions.size(); i++) {
                JsonNode action = actions.get(i);
                String actionName = action.path("name").asText();
                if (actionName.equals("request")) {
                    // what is sent: a value written as one %provider:key% arrives as a string, as Texter's
                    // interpolation delivers it (##provide keeps its type)
                    JsonNode params = Values.resolveForDelivery(action.path("params"), providers);
                    WebhookDelivery delivery = requests.send(scenarioId, name, event.trigger(), params, host.now());
                    deliveries.add(delivery);
                    steps.add(ScenarioStep.action(actionName, i, delivery.error()));
                    continue;
                }
                JsonNode params = resolved(action.path("params"));
                boolean known;
                try {
                    known = host.runAction(actionName, params, current());
                } catch (RuntimeException e) {
                    steps.add(ScenarioStep.action(actionName, i, Optional.of("the action failed: " + e)));
                    return false;
                }
                steps.add(ScenarioStep.action(actionName, i, known ? Optional.empty()
                        : Optional.of("skipped: the simulator does not run action " + actionName)));
            }
            return true;
        }

        private JsonNode resolved(JsonNode params) {
            JsonNode value = Values.resolve(params, providers);
            return value.isMissingNode() ? JsonNodeFactory.instance.objectNode() : value;
        }
    }
}
