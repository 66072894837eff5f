package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario document needs: for Texter to accept it ({@link Level#REVISION}, {@link Level#DRAFT}), or for the
 * engine to run it ({@link Level#ENGINE}); each refusal names the part. What Texter may accept but the engine does
 * not run (a condition kind, transformer or filtrex operator it lacks, no actions) is refused only at
 * {@link Level#ENGINE}, as {@link UnsupportedByEngine}.
 */
final class DocumentRules {

    /** How far a document is checked. */
    enum Level {
        /** A draft being edited: what Texter refuses, but trigger events and actions may still be missing. */
        DRAFT,
        /** An imported or published revision: what Texter refuses. */
        REVISION,
        /** What the engine needs to run it: everything. */
        ENGINE
    }

    private static final Set<String> LOADER_POSITIONS = Set.of("beforeConditions", "afterConditions");

    private final Level level;

    private DocumentRules(Level level) {
        this.level = level;
    }

    static void check(JsonNode document) {
        check(document, Level.ENGINE);
    }

    static void check(JsonNode document, Level level) {
        new DocumentRules(level).document(document);
    }

    private void document(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("the document must be a JSON object, was " + kind(document));
        }
        JsonNode triggers = document.path("triggerEvents");
        if (!triggers.isMissingNode() && !triggers.isArray()) {
            throw new IllegalArgumentException("triggerEvents: must be a list of event names, was " + kind(triggers));
        }
        if (level != Level.DRAFT && triggers.isEmpty()) {
            throw new IllegalArgumentException("triggerEvents: needs at least one trigger event, was "
                    + kind(triggers));
        }
        for (int i = 0; i < triggers.size(); i++) {
            if (!triggers.get(i).isTextual() || triggers.get(i).asText().isBlank()) {
                throw new IllegalArgumentException("triggerEvents[" + i + "]: must be an event name, was "
                        + kind(triggers.get(i)));
            }
        }
        loaders(document.path("loaders"));
        conditions(document.path("conditions"));
        actions(document.path("actions"));
    }

    private void loaders(JsonNode loaders) {
        if (loaders.isMissingNode() || loaders.isNull()) {
            return;
        }
        if (!loaders.isObject()) {
            throw new IllegalArgumentException("loaders: must be an object with beforeConditions and/or"
                    + " afterConditions, was " + kind(loaders));
        }
        for (Map.Entry<String, JsonNode> position : loaders.properties()) {
            String where = "loaders." + position.getKey();
            if (!LOADER_POSITIONS.contains(position.getKey())) {
                throw new IllegalArgumentException(where + ": not a loader position (beforeConditions,"
                        + " afterConditions)");
            }
            JsonNode list = position.getValue();
            if (!list.isArray()) {
                throw new IllegalArgumentException(where + ": must be a list of loaders, was " + kind(list));
            }
            for (int i = 0; i < list.size(); i++) {
                component(list.get(i), where + "[" + i + "]", "a loader");
            }
        }
    }

    private void conditions(JsonNode groups) {
        if (groups.isMissingNode() || groups.isNull()) {
            return;
        }
        if (!groups.isArray()) {
            throw new IllegalArgumentException("conditions: must be a list of condition groups (lists), was "
                    + kind(groups));
        }
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            if (!group.isArray()) {
                throw new IllegalArgumentException("conditions[" + g + "]: must be a list of conditions (a group"
                        + " whose conditions must all pass), was " + kind(group));
            }
            for (int c = 0; c < group.size(); c++) {
                String where = "conditions[" + g + "][" + c + "]";
                JsonNode condition = group.get(c);
                component(condition, where, "a condition");
                String name = condition.path("name").asText();
                JsonNode params = condition.path("params");
                switch (name) {
                    case "filtrex" -> {
                        JsonNode expression = params.path("expression");
                        if (!expression.isTextual()) {
                            throw new IllegalArgumentException(where + ".params.expression: a filtrex condition"
                                    + " needs its expression as a string, was " + kind(expression));
                        }
                        try {
                            Filtrex.parse(expression.textValue());
                        } catch (UnsupportedByEngine e) {
                            unsupported(where + ".params.expression: " + e.getMessage());
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(where + ".params.expression: " + e.getMessage(), e);
                        }
                    }
                    case "compare" -> {
                        if (Conditions.comparison(params.path("comparison").asText("")) == null) {
                            throw new IllegalArgumentException(where + ".params.comparison: "
                                    + kind(params.path("comparison")) + " is not a comparison (Equal, Not equal,"
                                    + " Greater than, Greater than or equal, Less than, Less than or equal)");
                        }
                    }
                    default -> unsupported(where + ".name: condition kind \"" + name
                            + "\" is not one the simulator runs (" + String.join(", ", Conditions.KINDS) + ")");
                }
            }
        }
    }

    private void actions(JsonNode actions) {
        if (!actions.isMissingNode() && !actions.isArray()) {
            throw new IllegalArgumentException("actions: must be a list of actions, was " + kind(actions));
        }
        if (actions.isEmpty()) {
            unsupported("actions: a scenario needs at least one action, was " + kind(actions));
        }
        for (int i = 0; i < actions.size(); i++) {
            String where = "actions[" + i + "]";
            JsonNode action = actions.get(i);
            component(action, where, "an action");
            if (action.path("name").asText().equals("request")) {
                JsonNode url = action.path("params").path("url");
                if (!url.isTextual() || url.asText().isBlank()) {
                    throw new IllegalArgumentException(where + ".params.url: a request action needs the URL to"
                            + " call, was " + kind(url));
                }
            }
        }
    }

    /** A loader, condition or action: an object with a name; its params' placeholders use known transformers. */
    private void component(JsonNode component, String where, String what) {
        if (!component.isObject()) {
            throw new IllegalArgumentException(where + ": " + what + " must be an object, was " + kind(component));
        }
        JsonNode name = component.path("name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new IllegalArgumentException(where + ".name: " + what + " needs a name, was " + kind(name));
        }
        placeholders(component.path("params"), where + ".params");
    }

    private void placeholders(JsonNode node, String where) {
        if (node.isTextual()) {
            try {
                Values.checkPlaceholders(node.textValue());
            } catch (UnsupportedByEngine e) {
                unsupported(where + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        } else if (node.isObject()) {
            node.properties().forEach(f -> placeholders(f.getValue(), where + "." + f.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                placeholders(node.get(i), where + "[" + i + "]");
            }
        }
    }

    /** A part the engine does not run: refused only when checking for the engine. */
    private void unsupported(String message) {
        if (level == Level.ENGINE) {
            throw new UnsupportedByEngine(message);
        }
    }

    private static String kind(JsonNode node) {
        if (node.isMissingNode()) {
            return "absent";
        }
        if (node.isTextual()) {
            return "\"" + node.textValue() + "\"";
        }
        if (node.isValueNode()) {
            return node.toString();
        }
        return node.isArray() ? (node.isEmpty() ? "an empty list" : "a list") : "an object";
    }
}
