package com.texterchat.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies an OpenAPI Overlay 1.0 document to a spec, and tells the SDK's own additions apart from the rest.
 *
 * <p>Each action of the overlay selects nodes with its JSONPath {@code target} (Jayway JsonPath) and either
 * removes them ({@code "remove": true}) or merges its {@code update} into each: into an object recursively (objects
 * merge key by key, any other value replaces the old one), into an array by appending (an array update appends
 * each of its elements). Actions run in their order. An action whose target selects nothing changes nothing and is
 * reported in {@link Result#unmatched()}: after Texter's file replaced ours, those are the additions that lost their
 * place (a renamed path, a removed operation).
 */
public final class SpecOverlay {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private SpecOverlay() {
    }

    /**
     * The merged spec and what did not apply.
     *
     * @param spec the spec with every action applied (a new tree; the input is left as it was)
     * @param unmatched one line per action whose target selected nothing: its number (from 1) and target
     */
    public record Result(JsonNode spec, List<String> unmatched) {
    }

    /** Applies {@code overlay} (an Overlay 1.0 document) to a copy of {@code spec}. */
    public static Result apply(JsonNode spec, JsonNode overlay) {
        if (!overlay.path("overlay").asText("").startsWith("1.")) {
            throw new IllegalArgumentException("not an OpenAPI Overlay 1.x document (no \"overlay\": \"1.0.0\")");
        }
        JsonNode document = spec.deepCopy();
        List<String> unmatched = new ArrayList<>();
        int number = 0;
        for (JsonNode action : overlay.path("actions")) {
            number++;
            String target = action.path("target").asText("");
            if (target.isEmpty()) {
                throw new IllegalArgumentException("overlay action " + number + " has no target");
            }
            JsonPath path = JsonPath.compile(target);
            List<JsonNode> selected = select(document, path);
            if (selected.isEmpty()) {
                unmatched.add("action " + number + ": " + target);
                continue;
            }
            if (action.path("remove").asBoolean(false)) {
                if ("$".equals(target)) {
                    throw new IllegalArgumentException("overlay action " + number + " removes the whole document");
                }
                path.delete(document, JACKSON);
            } else if (action.has("update")) {
                for (JsonNode node : selected) {
                    merge(node, action.get("update"), number, target);
                }
            }
        }
        return new Result(document, List.copyOf(unmatched));
    }

    private static List<JsonNode> select(JsonNode document, JsonPath path) {
        Object found = path.read(document, JACKSON);
        List<JsonNode> nodes = new ArrayList<>();
        if (found == null) {
            return nodes;
        }
        JsonNode node = (JsonNode) found;
        if (path.isDefinite()) {
            if (!node.isMissingNode() && !node.isNull()) {
                nodes.add(node);
            }
        } else {
            node.forEach(nodes::add);
        }
        return nodes;
    }

    private static void merge(JsonNode target, JsonNode update, int number, String where) {
        if (target instanceof ObjectNode object && update.isObject()) {
            for (Map.Entry<String, JsonNode> field : update.properties()) {
                JsonNode old = object.get(field.getKey());
                if (old != null && old.isObject() && field.getValue().isObject()) {
                    merge(old, field.getValue(), number, where);
                } else {
                    object.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        } else if (target instanceof ArrayNode array) {
            if (update.isArray()) {
                update.forEach(element -> array.add(element.deepCopy()));
            } else {
                array.add(update.deepCopy());
            }
        } else {
            throw new IllegalArgumentException("overlay action " + number + " (" + where
                    + ") updates a value that is neither an object nor an array");
        }
    }

    /**
     * Whether {@code key} of an object is one of the SDK's additions: an {@code x-texter-*} extension, the
     * generator's {@code x-enum-varnames}, or an {@code example}/{@code examples}. Keys of a schema's
     * {@code properties} are property names, never additions.
     */
    public static boolean isOurs(String key) {
        return key.startsWith("x-texter-") || key.equals("x-enum-varnames") || key.equals("example")
                || key.equals("examples");
    }

    /**
     * A copy of {@code spec} without the SDK's additions ({@link #isOurs(String)}), the shape Texter's own file is
     * expected to have: what stays when the overlay's content is taken out.
     */
    public static JsonNode strip(JsonNode spec) {
        JsonNode copy = spec.deepCopy();
        strip(copy, false);
        return copy;
    }

    private static void strip(JsonNode node, boolean propertyNames) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!propertyNames && isOurs(field.getKey())) {
                    fields.remove();
                } else {
                    strip(field.getValue(), !propertyNames && field.getKey().equals("properties"));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> strip(element, false));
        }
    }
}
