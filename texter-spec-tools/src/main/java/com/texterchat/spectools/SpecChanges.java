package com.texterchat.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a new spec changes against the current one, in the SDK's terms: operations (by operationId), their
 * parameters, models and their fields, enum values and webhook events, each with the Java identifiers of the
 * generated code it takes away (for {@link SourceScan}). Both specs are merged ones (overlay applied). openapi-diff
 * gives the full picture; this is the part the SDK's handwritten code depends on.
 */
public final class SpecChanges {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private SpecChanges() {
    }

    /**
     * One change.
     *
     * @param breaking whether code or data written for the current spec can break on it
     * @param summary one line naming the change
     * @param identifiers what handwritten code may still use and no longer finds: Java identifiers of the generated
     *     code (an enum constant as {@code Class.CONSTANT}, a getter as {@code getName(}) and wire values as string
     *     literals
     * @param context a class a file must mention for a hit of a member identifier to count (the model of a removed
     *     field), or {@code null}
     */
    public record Change(boolean breaking, String summary, List<String> identifiers, @Nullable String context) {
    }

    /** The changes from {@code current} to {@code next}, breaking ones first. */
    public static List<Change> between(JsonNode current, JsonNode next) {
        List<Change> changes = new ArrayList<>();
        operations(current, next, changes);
        schemas(current, next, changes);
        webhookEvents(current, next, changes);
        List<Change> sorted = new ArrayList<>(changes.stream().filter(Change::breaking).toList());
        sorted.addAll(changes.stream().filter(c -> !c.breaking()).toList());
        return sorted;
    }

    private record Op(String id, String route, JsonNode node) {
    }

    private static Map<String, Op> operationsOf(JsonNode spec) {
        Map<String, Op> ops = new TreeMap<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                String id = m.getValue().path("operationId").asText("");
                ops.put(id, new Op(id, m.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), m.getValue()));
            }
        }));
        return ops;
    }

    private static void operations(JsonNode current, JsonNode next, List<Change> out) {
        Map<String, Op> before = operationsOf(current);
        Map<String, Op> after = operationsOf(next);
        Map<String, Op> afterByRoute = new LinkedHashMap<>();
        after.values().forEach(op -> afterByRoute.put(op.route(), op));
        for (Op old : before.values()) {
            Op now = after.get(old.id());
            if (now == null) {
                Op sameRoute = afterByRoute.get(old.route());
                if (sameRoute != null && !before.containsKey(sameRoute.id())) {
                    out.add(new Change(true, "operation renamed: " + old.id() + " -> " + sameRoute.id() + " ("
                            + old.route() + "): the generated method " + old.id() + "(...) is gone",
                            List.of(old.id() + "(", "\"" + old.id() + "\""), null));
                } else {
                    out.add(new Change(true, "operation removed: " + old.id() + " (" + old.route() + ")",
                            List.of(old.id() + "(", "\"" + old.id() + "\""), null));
                }
                continue;
            }
            if (!now.route().equals(old.route())) {
                String oldPath = old.route().substring(old.route().indexOf(' ') + 1);
                out.add(new Change(true, "operation moved: " + old.id() + " " + old.route() + " -> " + now.route(),
                        List.of("\"" + oldPath + "\""), null));
            }
            parameters(old, now, out);
        }
        for (Op now : after.values()) {
            if (!before.containsKey(now.id()) && before.values().stream().noneMatch(o -> o.route().equals(now.route()))) {
                out.add(new Change(false, "operation added: " + now.id() + " (" + now.route() + ")", List.of(), null));
            }
        }
    }

    private static Map<String, JsonNode> parametersOf(Op op) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        op.node().path("parameters").forEach(p -> params.put(p.path("in").asText() + " " + p.path("name").asText(), p));
        return params;
    }

    private static void parameters(Op old, Op now, List<Change> out) {
        Map<String, JsonNode> before = parametersOf(old);
        Map<String, JsonNode> after = parametersOf(now);
        after.forEach((key, p) -> {
            boolean required = p.path("required").asBoolean(false);
            if (!before.containsKey(key)) {
                out.add(new Change(required, (required ? "required" : "optional") + " parameter added to " + now.id()
                        + ": " + key + (required ? " (the generated method takes one more argument)" : ""),
                        required ? List.of(now.id() + "(") : List.of(), null));
            } else if (required && !before.get(key).path("required").asBoolean(false)) {
                out.add(new Change(true, "parameter became required in " + now.id() + ": " + key,
                        List.of(now.id() + "("), null));
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> out.add(new Change(true,
                "parameter removed from " + now.id() + ": " + key + " (the generated method takes one argument less)",
                List.of(now.id() + "("), null)));
    }

    private static void schemas(JsonNode current, JsonNode next, List<Change> out) {
        JsonNode before = current.path("components").path("schemas");
        JsonNode after = next.path("components").path("schemas");
        before.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode old = entry.getValue();
            JsonNode now = after.get(name);
            if (now == null) {
                out.add(new Change(true, "model removed: " + name, List.of(name), null));
                return;
            }
            enumValues(name, name, old, now, out);
            JsonNode newProperties = now.path("properties");
            old.path("properties").properties().forEach(p -> {
                JsonNode newProperty = newProperties.get(p.getKey());
                if (newProperty == null) {
                    String camel = camel(p.getKey());
                    out.add(new Change(true, "field removed: " + name + "." + p.getKey() + " (get" + camel + "(), "
                            + lowerFirst(camel) + "(...) are gone)", List.of("get" + camel + "(",
                            "." + lowerFirst(camel) + "("), name));
                } else {
                    enumValues(name, name + "." + camel(p.getKey()) + "Enum", p.getValue(), newProperty, out);
                }
            });
            newProperties.properties().forEach(p -> {
                if (!old.path("properties").has(p.getKey())) {
                    out.add(new Change(false, "field added: " + name + "." + p.getKey(), List.of(), null));
                }
            });
        });
        after.properties().forEach(entry -> {
            if (!before.has(entry.getKey())) {
                out.add(new Change(false, "model added: " + entry.getKey(), List.of(), null));
            }
        });
    }

    private static void enumValues(String schema, String javaType, JsonNode old, JsonNode now, List<Change> out) {
        if (!old.has("enum")) {
            return;
        }
        Map<String, String> before = enumConstants(old);
        Map<String, String> after = enumConstants(now);
        String simpleType = javaType.substring(javaType.lastIndexOf('.') + 1);
        List<String> removed = before.keySet().stream().filter(v -> !after.containsKey(v)).toList();
        List<String> added = after.keySet().stream().filter(v -> !before.containsKey(v)).toList();
        for (String value : removed) {
            String constant = before.get(value);
            String hint = added.size() == removed.size() && added.size() == 1
                    ? "; renamed to " + added.get(0) + "? A server still sending \"" + value + "\" decodes to UNKNOWN"
                    : "; a server still sending it decodes to UNKNOWN";
            out.add(new Change(true, "enum value removed: " + schema + " " + value + " (" + javaType + "."
                    + constant + " is gone" + hint + ")", List.of(simpleType + "." + constant, "\"" + value + "\""),
                    null));
        }
        for (String value : added) {
            out.add(new Change(false, "enum value added: " + schema + " " + value + " (" + javaType + "."
                    + after.get(value) + ")", List.of(), null));
        }
    }

    /** Wire value to the generator's constant name (x-enum-varnames, else upper snake case). */
    static Map<String, String> enumConstants(JsonNode schema) {
        Map<String, String> constants = new LinkedHashMap<>();
        JsonNode names = schema.path("x-enum-varnames");
        int i = 0;
        for (JsonNode value : schema.path("enum")) {
            String wire = value.asText();
            constants.put(wire, names.has(i) ? names.get(i).asText() : constantName(wire));
            i++;
        }
        return constants;
    }

    static String constantName(String value) {
        String snake = value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
        return snake.isEmpty() || Character.isDigit(snake.charAt(0)) ? "NUMBER_" + snake : snake;
    }

    private static void webhookEvents(JsonNode current, JsonNode next, List<Change> out) {
        Set<String> before = eventNames(current);
        Set<String> after = eventNames(next);
        before.stream().filter(e -> !after.contains(e)).forEach(e -> out.add(new Change(true,
                "webhook event removed: " + e, List.of("\"" + e + "\""), null)));
        after.stream().filter(e -> !before.contains(e)).forEach(e -> out.add(new Change(false,
                "webhook event added: " + e, List.of(), null)));
    }

    private static Set<String> eventNames(JsonNode spec) {
        Set<String> names = new LinkedHashSet<>();
        spec.path("x-texter-webhook-events").forEach(e -> names.add(e.path("eventName").asText()));
        return names;
    }

    /** The generator's property-name camel case: body_text_named_params -> BodyTextNamedParams. */
    static String camel(String property) {
        StringBuilder name = new StringBuilder();
        for (String part : property.split("[_\\-\\s]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
