package com.texterchat.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.json.TexterJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parts of Texter's {@code openapi.json} the test kit is built from: every operation with its route and
 * response examples, and the webhook events with their example payloads.
 *
 * <p>The spec ships inside {@code texter-api-generated} at {@value #RESOURCE}; {@link #get()} reads it once
 * per JVM, so every mock server (and every reset) reuses the parsed routes and serialized example bodies.
 */
public final class TexterSpec {

    /** Where {@code texter-api-generated} puts the spec it was generated from. */
    public static final String RESOURCE = "META-INF/texter/openapi.json";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private final String basePath;
    private final Map<String, SpecOperation> operations;
    private final Map<String, SpecWebhookEvent> webhookEvents;
    private final JsonNode document;

    private TexterSpec(String basePath, Map<String, SpecOperation> operations,
            Map<String, SpecWebhookEvent> webhookEvents, JsonNode document) {
        this.document = document;
        this.basePath = basePath;
        this.operations = Collections.unmodifiableMap(operations);
        this.webhookEvents = Collections.unmodifiableMap(webhookEvents);
    }

    /** The spec on the classpath, parsed on first use and shared afterwards. */
    public static TexterSpec get() {
        return Holder.SPEC;
    }

    /** Parses a spec document; {@link #get()} is the cached classpath one. */
    public static TexterSpec parse(InputStream json) throws IOException {
        ObjectMapper mapper = TexterJson.mapper();
        JsonNode root = mapper.readTree(json);
        String basePath = basePath(root);
        Refs refs = new Refs(root);

        List<SpecOperation.Builder> builders = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    builders.add(operation(mapper, refs, basePath, path.getKey(),
                            op.getKey().toUpperCase(Locale.ROOT), op.getValue()));
                }
            }
        }
        Map<String, SpecOperation> operations = new LinkedHashMap<>();
        for (SpecOperation.Builder b : builders) {
            SpecOperation operation = b.build(builders);
            if (operations.put(operation.id(), operation) != null) {
                throw new IllegalStateException("operationId " + operation.id() + " appears twice in the spec");
            }
        }

        Map<String, SpecWebhookEvent> events = new LinkedHashMap<>();
        for (JsonNode event : root.path("x-texter-webhook-events")) {
            String name = event.path("eventName").asText();
            String ref = event.path("eventData").asText();
            JsonNode schema = refs.resolve(ref);
            JsonNode example = schema.path("example");
            if (!(example instanceof ObjectNode)) {
                throw new IllegalStateException("Webhook event " + name + ": " + ref + " has no object example");
            }
            List<String> keys = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(keys::add);
            events.put(name, new SpecWebhookEvent(name, ref.substring(ref.lastIndexOf('/') + 1),
                    mapper.writeValueAsString(example), keys));
        }
        return new TexterSpec(basePath, operations, events, root);
    }

    /** The path every operation is relative to, from the first server URL, e.g. {@code /server/api/v2}. */
    public String basePath() {
        return basePath;
    }

    /** Every operation, by operationId, in spec order. */
    public Map<String, SpecOperation> operations() {
        return operations;
    }

    /** One operation; unknown IDs fail with the list of known ones. */
    public SpecOperation operation(String operationId) {
        SpecOperation operation = operations.get(operationId);
        if (operation == null) {
            throw new IllegalArgumentException("operationId '" + operationId + "' is not in openapi.json;"
                    + " operation IDs are the generated client's method names, e.g. sendTemplateMessage. Known: "
                    + String.join(", ", operations.keySet()));
        }
        return operation;
    }

    /** The operation a request with this method and (raw, still percent-encoded) path was meant for, or null. */
    public @Nullable SpecOperation operationFor(String method, String rawPath) {
        for (SpecOperation operation : operations.values()) {
            if (operation.matches(method, rawPath)) {
                return operation;
            }
        }
        return null;
    }

    /** The whole spec document as parsed; shared, so callers must not change it. */
    public JsonNode document() {
        return document;
    }

    /** Every webhook event of {@code x-texter-webhook-events}, by eventName, in spec order. */
    public Map<String, SpecWebhookEvent> webhookEvents() {
        return webhookEvents;
    }

    private static SpecOperation.Builder operation(ObjectMapper mapper, Refs refs, String basePath, String path,
            String method, JsonNode op) throws IOException {
        String id = op.path("operationId").asText(null);
        if (id == null) {
            throw new IllegalStateException(method + " " + path + " has no operationId");
        }
        int status = -1;
        JsonNode success = null;
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
            if (response.getKey().matches("2\\d\\d")) {
                int code = Integer.parseInt(response.getKey());
                if (status < 0 || code < status) {
                    status = code;
                    success = refs.resolveIfRef(response.getValue());
                }
            }
        }
        if (success == null) {
            throw new IllegalStateException(id + " declares no 2xx response");
        }
        String contentType = null;
        Map<String, String> examples = new LinkedHashMap<>();
        String responseSchema = null;
        Iterator<Map.Entry<String, JsonNode>> contents = success.path("content").properties().iterator();
        if (contents.hasNext()) {
            Map.Entry<String, JsonNode> content = contents.next();
            contentType = content.getKey();
            JsonNode media = content.getValue();
            responseSchema = schemaName(media.path("schema"));
            boolean text = contentType.startsWith("text/");
            if (media.has("example")) {
                examples.put(SpecOperation.DEFAULT_EXAMPLE, body(mapper, media.get("example"), text));
            }
            for (Map.Entry<String, JsonNode> example : media.path("examples").properties()) {
                JsonNode value = refs.resolveIfRef(example.getValue()).get("value");
                if (value != null) {
                    examples.put(example.getKey(), body(mapper, value, text));
                }
            }
            if (examples.isEmpty()) {
                throw new IllegalStateException(id + ": its " + status + " " + contentType + " response has no example");
            }
        }
        String requestSchema = null;
        Iterator<JsonNode> requestContents = refs.resolveIfRef(op.path("requestBody")).path("content").elements();
        if (requestContents.hasNext()) {
            requestSchema = schemaName(requestContents.next().path("schema"));
        }
        return new SpecOperation.Builder(id, method, basePath, path, status, contentType, examples, requestSchema,
                responseSchema);
    }

    private static String body(ObjectMapper mapper, JsonNode example, boolean text) throws IOException {
        return text && example.isTextual() ? example.asText() : mapper.writeValueAsString(example);
    }

    /** {@code Foo} for {@code {"$ref": "#/components/schemas/Foo"}}, {@code Foo[]} for an array of them, else null. */
    private static @Nullable String schemaName(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if ("array".equals(schema.path("type").asText()) && schema.path("items").has("$ref")) {
            return schemaName(schema.get("items")) + "[]";
        }
        return null;
    }

    private static String basePath(JsonNode root) {
        String url = root.path("servers").path(0).path("url").asText("");
        // Server URLs may hold variables ({projectID}); only the path matters here.
        String path = URI.create(url.replaceAll("\\{[^}]*}", "x")).getPath();
        if (path == null || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Resolves local {@code #/...} references. */
    private static final class Refs {
        private final JsonNode root;

        Refs(JsonNode root) {
            this.root = root;
        }

        JsonNode resolveIfRef(JsonNode node) {
            JsonNode current = node;
            for (int depth = 0; current.has("$ref"); depth++) {
                if (depth > 20) {
                    throw new IllegalStateException("$ref cycle at " + node.get("$ref").asText());
                }
                current = resolve(current.get("$ref").asText());
            }
            return current;
        }

        JsonNode resolve(String ref) {
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local references are supported, got " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("Unresolvable reference " + ref);
            }
            return target;
        }
    }

    private static final class Holder {
        static final TexterSpec SPEC = loadFromClasspath();

        private static TexterSpec loadFromClasspath() {
            ClassLoader loader = TexterSpec.class.getClassLoader();
            try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath; it ships in"
                            + " texter-api-generated, which texter-testkit needs in the same version");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
