package com.texterchat.testkit.internal.sim;

import static com.texterchat.testkit.internal.sim.SimModel.NODES;
import static com.texterchat.testkit.internal.sim.SimModel.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.testkit.internal.TexterSpec;
import com.texterchat.testkit.internal.scenario.ScenarioEngine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scenario and subscription operations: import, drafts, revisions, activation, copies, runs, and the component
 * lists (which answer the spec's examples: the simulator has no catalogue of its own).
 */
final class SimScenarios {

    private static final String DEFAULT_AUTHOR = "texter-simulator-api-token";
    private final SimModel m;

    SimScenarios(SimModel model) {
        this.m = model;
    }

    SimReply handle(String operationId, SimOperations.Request r) {
        return switch (operationId) {
            case "importSubscription" -> importSubscription(r);
            case "listSubscriptions" -> list(r);
            case "copyScenario" -> copy(r);
            case "createEmptyScenario" -> createEmpty(r);
            case "createScenarioDraft" -> createDraft(r);
            case "updateScenarioDraft" -> updateDraft(r);
            case "deleteScenarioDraft" -> deleteDraft(r);
            case "createScenarioRevision" -> publish(r);
            case "deleteScenarioRevision" -> deleteRevision(r);
            case "activateSubscription" -> activate(r);
            case "inactivateSubscription" -> inactivate(r);
            case "deleteSubscription" -> delete(r);
            case "listScenarioRuns" -> runs(r);
            case "listActionComponents", "listConditionComponents", "listEventComponents", "listLoaderComponents" ->
                    new SimReply(200, TexterSpec.get().operation(operationId).defaultBody());
            default -> SimReply.error(501, "The simulator does not implement " + operationId);
        };
    }

    /** Stores an imported document as a new scenario; also used by seeds. */
    ObjectNode store(JsonNode document, String asStatus, @Nullable String author) {
        String id = m.nextId();
        ObjectNode scenario = NODES.objectNode();
        scenario.put("_id", id);
        scenario.putArray("drafts");
        scenario.putArray("inactiveRevisions");
        ObjectNode revision = revision(id, document, asStatus, author);
        switch (asStatus) {
            case "draft" -> ((ArrayNode) scenario.get("drafts")).add(revision);
            case "inactive" -> ((ArrayNode) scenario.get("inactiveRevisions")).add(revision);
            default -> scenario.set("activeRevision", revision);
        }
        m.scenarios.put(id, scenario);
        return scenario;
    }

    private ObjectNode revision(String scenarioId, JsonNode document, String status, @Nullable String author) {
        ObjectNode revision = NODES.objectNode();
        revision.put("_id", m.nextId());
        revision.put("scenarioId", scenarioId);
        revision.put("name", document.path("name").asText(""));
        if (document.hasNonNull("description")) {
            revision.put("description", document.path("description").asText());
        }
        revision.put("status", status);
        if (!status.equals("draft")) {
            revision.put("version", 1);
        }
        for (String field : List.of("triggerEvents", "conditions", "loaders", "actions", "loops", "tags", "options")) {
            if (document.has(field)) {
                revision.set(field, document.get(field).deepCopy());
            }
        }
        if (!revision.has("conditions")) {
            revision.putArray("conditions");
        }
        if (!revision.has("loaders")) {
            revision.putObject("loaders");
        }
        if (!revision.has("options")) {
            revision.putObject("options").put("unorderedActions", false);
        }
        ObjectNode metadata = revision.putObject("metadata");
        metadata.put("authorUid", author == null ? DEFAULT_AUTHOR : author);
        metadata.put("created", m.millis());
        if (status.equals("active")) {
            metadata.put("activated", m.millis());
        } else if (status.equals("draft")) {
            metadata.put("modified", m.millis());
        }
        return revision;
    }

    private SimReply importSubscription(SimOperations.Request r) {
        String status = r.bodyText("asStatus");
        String asStatus = status == null ? "active" : status;
        SimReply refused = refused("data.", r.body().path("data"), asStatus.equals("draft"));
        if (refused != null) {
            return refused;
        }
        ObjectNode scenario = store(r.body().path("data"), asStatus, r.bodyText("authorUid"));
        return created(scenario);
    }

    /**
     * The 400 Texter answers for a document it cannot accept (see {@link ScenarioEngine#validateForTexter}); null
     * when it can. A document Texter accepts but the engine does not run is stored, its reason listed when it runs.
     */
    private static @Nullable SimReply refused(String prefix, JsonNode document, boolean draft) {
        try {
            ScenarioEngine.validateForTexter(document, draft);
            return null;
        } catch (IllegalArgumentException e) {
            return SimReply.badRequest("Invalid scenario: " + prefix + e.getMessage());
        }
    }

    private static SimReply created(ObjectNode scenario) {
        return new SimReply(201, scenario.toString());
    }

    private SimReply list(SimOperations.Request r) {
        boolean includeSystem = r.boolQuery("includeSystem");
        ObjectNode answer = NODES.objectNode();
        ArrayNode list = NODES.arrayNode();
        for (ObjectNode scenario : m.scenarios.values()) {
            if (includeSystem || !scenario.path("system").asBoolean(false)) {
                list.add(scenario);
            }
        }
        answer.put("total", list.size());
        answer.set("scenarios", list);
        return SimReply.ok(answer);
    }

    private @Nullable ObjectNode scenario(SimOperations.Request r) {
        return m.scenarios.get(r.path("scenarioId"));
    }

    private static List<ObjectNode> revisions(ObjectNode scenario) {
        List<ObjectNode> all = new ArrayList<>();
        if (scenario.get("activeRevision") instanceof ObjectNode active) {
            all.add(active);
        }
        for (JsonNode inactive : scenario.path("inactiveRevisions")) {
            all.add((ObjectNode) inactive);
        }
        return all;
    }

    private static @Nullable ObjectNode version(ObjectNode scenario, int version) {
        for (ObjectNode revision : revisions(scenario)) {
            if (revision.path("version").asInt() == version) {
                return revision;
            }
        }
        return null;
    }

    private static int latestVersion(ObjectNode scenario) {
        int latest = 0;
        for (ObjectNode revision : revisions(scenario)) {
            latest = Math.max(latest, revision.path("version").asInt());
        }
        return latest;
    }

    private SimReply copy(SimOperations.Request r) {
        ObjectNode source = scenario(r);
        if (source == null) {
            return SimReply.notFound("Scenario");
        }
        ObjectNode from = version(source, r.body().path("fromVersion").asInt());
        if (from == null) {
            return SimReply.notFound("Revision " + r.body().path("fromVersion").asInt());
        }
        ObjectNode document = from.deepCopy();
        document.put("name", String.valueOf(r.bodyText("newName")));
        return created(store(document, "active", r.bodyText("authorUid")));
    }

    private SimReply createEmpty(SimOperations.Request r) {
        ObjectNode document = NODES.objectNode();
        document.put("name", String.valueOf(r.bodyText("name")));
        if (r.bodyText("description") != null) {
            document.put("description", r.bodyText("description"));
        }
        document.putArray("triggerEvents").add(String.valueOf(r.bodyText("triggerEvent")));
        document.putArray("actions");
        if (String.valueOf(r.bodyText("triggerEvent")).isBlank()) {
            return SimReply.badRequest("Invalid scenario: triggerEvent must be an event name, was blank");
        }
        return created(store(document, "draft", r.bodyText("authorUid")));
    }

    private SimReply createDraft(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        JsonNode fromVersion = r.body().path("fromVersion");
        ObjectNode from = fromVersion.isInt() ? version(scenario, fromVersion.asInt())
                : scenario.get("activeRevision") instanceof ObjectNode active ? active : null;
        if (from == null) {
            return SimReply.notFound(fromVersion.isInt() ? "Revision " + fromVersion.asInt() : "Active revision");
        }
        ObjectNode draft = revision(scenario.path("_id").asText(), from, "draft", r.bodyText("authorUid"));
        draft.put("parentVersion", from.path("version").asInt());
        ArrayNode drafts = scenario.putArray("drafts");
        drafts.add(draft);
        return SimReply.ok(scenario);
    }

    private SimReply updateDraft(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        JsonNode drafts = scenario.path("drafts");
        if (drafts.isEmpty()) {
            return SimReply.notFound("Draft");
        }
        ObjectNode draft = ((ObjectNode) drafts.get(0)).deepCopy();
        for (JsonNode operation : r.body()) {
            Iterator<Map.Entry<String, JsonNode>> fields = operation.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                SimReply refused = apply(draft, field.getKey(), field.getValue());
                if (refused != null) {
                    return refused;
                }
            }
        }
        SimReply invalid = refused("draft.", draft, true);
        if (invalid != null) {
            return invalid;
        }
        obj(draft, "metadata").put("modified", m.millis());
        ((ArrayNode) drafts).set(0, draft);
        return SimReply.ok(scenario);
    }

    private static @Nullable SimReply apply(ObjectNode draft, String operation, JsonNode value) {
        switch (operation) {
            case "rename" -> draft.put("name", value.asText());
            case "addTriggerEvent" -> arr(draft, "triggerEvents").add(value.asText());
            case "removeTriggerEvent" -> {
                ArrayNode events = arr(draft, "triggerEvents");
                for (int i = events.size() - 1; i >= 0; i--) {
                    if (events.get(i).asText().equals(value.asText())) {
                        events.remove(i);
                    }
                }
            }
            case "addAction" -> arr(draft, "actions").add(value.deepCopy());
            case "removeAction" -> {
                ArrayNode actions = arr(draft, "actions");
                if (value.asInt() >= actions.size()) {
                    return SimReply.badRequest("No action at index " + value.asInt());
                }
                actions.remove(value.asInt());
            }
            case "addLoop" -> arr(draft, "loops").add(value.deepCopy());
            case "removeLoop" -> {
                ArrayNode loops = arr(draft, "loops");
                if (value.asInt() >= loops.size()) {
                    return SimReply.badRequest("No loop at index " + value.asInt());
                }
                loops.remove(value.asInt());
            }
            case "setUnorderedActions" -> obj(draft, "options").put("unorderedActions", value.asBoolean());
            case "addCondition" -> {
                ArrayNode groups = arr(draft, "conditions");
                int group = value.path("groupIndex").asInt();
                while (groups.size() <= group) {
                    groups.addArray();
                }
                ObjectNode condition = ((ObjectNode) value.deepCopy());
                condition.remove("groupIndex");
                ((ArrayNode) groups.get(group)).add(condition);
            }
            case "removeCondition" -> {
                JsonNode group = arr(draft, "conditions").get(value.path("groupIndex").asInt());
                if (!(group instanceof ArrayNode conditions) || value.path("index").asInt() >= conditions.size()) {
                    return SimReply.badRequest("No condition at that group and index");
                }
                conditions.remove(value.path("index").asInt());
            }
            case "addLoader" -> {
                ObjectNode loader = ((ObjectNode) value.deepCopy());
                String position = loader.remove("position").asText();
                arr(obj(draft, "loaders"), position).add(loader);
            }
            case "removeLoader" -> {
                JsonNode list = draft.path("loaders").path(value.path("position").asText());
                if (!(list instanceof ArrayNode loaders) || value.path("index").asInt() >= loaders.size()) {
                    return SimReply.badRequest("No loader at that position and index");
                }
                loaders.remove(value.path("index").asInt());
            }
            default -> {
                return SimReply.badRequest("Unknown draft operation " + operation);
            }
        }
        return null;
    }

    private SimReply deleteDraft(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        if (scenario.path("drafts").isEmpty()) {
            return SimReply.notFound("Draft");
        }
        scenario.putArray("drafts");
        return SimReply.ok(scenario);
    }

    private SimReply publish(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        JsonNode drafts = scenario.path("drafts");
        if (drafts.isEmpty()) {
            return SimReply.notFound("Draft");
        }
        ObjectNode revision = ((ObjectNode) drafts.get(0)).deepCopy();
        SimReply invalid = refused("draft.", revision, false);
        if (invalid != null) {
            return invalid;
        }
        revision.put("_id", m.nextId());
        revision.put("status", "active");
        revision.put("version", latestVersion(scenario) + 1);
        if (r.bodyText("revisionComment") != null) {
            revision.put("revisionComment", r.bodyText("revisionComment"));
        }
        ObjectNode metadata = obj(revision, "metadata");
        metadata.remove("modified");
        metadata.put("activated", m.millis());
        if (r.bodyText("authorUid") != null) {
            metadata.put("authorUid", r.bodyText("authorUid"));
        }
        deactivateCurrent(scenario);
        scenario.set("activeRevision", revision);
        scenario.putArray("drafts");
        return SimReply.ok(scenario);
    }

    private static void deactivateCurrent(ObjectNode scenario) {
        if (scenario.remove("activeRevision") instanceof ObjectNode active) {
            active.put("status", "inactive");
            arr(scenario, "inactiveRevisions").insert(0, active);
        }
    }

    private SimReply deleteRevision(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        int version = Integer.parseInt(r.path("version"));
        if (scenario.get("activeRevision") instanceof ObjectNode active && active.path("version").asInt() == version) {
            return SimReply.badRequest("Revision " + version + " is active; inactivate it first");
        }
        ArrayNode inactive = arr(scenario, "inactiveRevisions");
        for (int i = 0; i < inactive.size(); i++) {
            if (inactive.get(i).path("version").asInt() == version) {
                inactive.remove(i);
                return SimReply.ok(scenario);
            }
        }
        return SimReply.notFound("Revision " + version);
    }

    private SimReply activate(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        ArrayNode inactive = arr(scenario, "inactiveRevisions");
        JsonNode wanted = r.body().path("version");
        int index = -1;
        for (int i = 0; i < inactive.size(); i++) {
            int version = inactive.get(i).path("version").asInt();
            if (wanted.isInt() ? version == wanted.asInt()
                    : index < 0 || version > inactive.get(index).path("version").asInt()) {
                index = i;
            }
        }
        if (index < 0) {
            if (!wanted.isInt() && scenario.has("activeRevision")) {
                return SimReply.ok(scenario); // already active
            }
            return SimReply.notFound(wanted.isInt() ? "Revision " + wanted.asInt() : "Inactive revision");
        }
        ObjectNode revision = (ObjectNode) inactive.remove(index);
        deactivateCurrent(scenario);
        revision.put("status", "active");
        obj(revision, "metadata").put("activated", m.millis());
        scenario.set("activeRevision", revision);
        return SimReply.ok(scenario);
    }

    private SimReply inactivate(SimOperations.Request r) {
        ObjectNode scenario = scenario(r);
        if (scenario == null) {
            return SimReply.notFound("Scenario");
        }
        if (!scenario.has("activeRevision")) {
            return SimReply.badRequest("The subscription is not active");
        }
        deactivateCurrent(scenario);
        return SimReply.ok(scenario);
    }

    private SimReply delete(SimOperations.Request r) {
        return m.scenarios.remove(r.path("scenarioId")) == null ? SimReply.notFound("Scenario") : SimReply.okText();
    }

    private SimReply runs(SimOperations.Request r) {
        String scenarioId = r.query("scenarioId");
        String success = r.query("success");
        List<ObjectNode> matching = new ArrayList<>();
        for (int i = m.runs.size() - 1; i >= 0; i--) {
            ObjectNode run = m.runs.get(i);
            if ((scenarioId == null || scenarioId.equals(text(run, "scenarioId")))
                    && (success == null || Boolean.parseBoolean(success) == run.path("success").asBoolean())) {
                matching.add(run);
            }
        }
        ObjectNode answer = NODES.objectNode();
        answer.put("total", matching.size());
        ArrayNode list = answer.putArray("runs");
        SimModel.page(matching, r.intQuery("skip", 0), r.intQuery("limit", 30)).forEach(list::add);
        return SimReply.ok(answer);
    }

    static ObjectNode obj(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode child ? child : parent.putObject(field);
    }

    static ArrayNode arr(ObjectNode parent, String field) {
        return parent.get(field) instanceof ArrayNode child ? child : parent.putArray(field);
    }
}
