package com.texterchat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests that fit the repository's openapi.json, built from the spec itself (read independently of the test
 * kit): every operation's path with valid parameter values, and its request body examples.
 */
public final class SpecRequests {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation as the spec writes it. */
    public record Op(String id, String method, String pathTemplate, JsonNode operation) {
    }

    private SpecRequests() {
    }

    /** Every operation, by operationId, in spec order. */
    public static Map<String, Op> operations() {
        Map<String, Op> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : RepoSpec.root().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    String id = op.getValue().path("operationId").asText();
                    operations.put(id, new Op(id, op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    /** The operation's path (relative to the API base URL) with a valid value for each path parameter. */
    public static String path(String operationId) {
        Op op = operations().get(operationId);
        String path = op.pathTemplate();
        for (JsonNode parameter : op.operation().path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                path = path.replace("{" + name + "}", validPathValue(name, parameter.path("schema")));
            }
        }
        return path;
    }

    /** The operation's request body examples as JSON text (empty when it takes no body). */
    public static List<String> bodies(String operationId) {
        JsonNode media = operations().get(operationId).operation().path("requestBody").path("content")
                .path("application/json");
        List<String> bodies = new ArrayList<>();
        if (media.has("example")) {
            bodies.add(media.get("example").toString());
        }
        for (JsonNode example : media.path("examples")) {
            bodies.add(example.path("value").toString());
        }
        return bodies;
    }

    private static String validPathValue(String name, JsonNode schema) {
        if (schema.path("type").asText().equals("integer")) {
            return "1";
        }
        if (name.equals("language")) {
            return "en_US";
        }
        if (name.equals("templateName")) {
            return "order_ready";
        }
        return "sample-" + name;
    }
}
