package com.texterchat.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks requests, and answers stubbed through the test kit's helpers, against {@code openapi.json}: the route,
 * the Bearer token, path and query parameters (with their literal, bracketed names), the content type and the
 * JSON body. The schema checks are networknt's json-schema-validator with its OpenAPI 3.0 dialect; this class
 * only turns the HTTP request into JSON values (a query value {@code 5} into the integer 5, a repeated
 * {@code labels[]} into an array) and the validator's findings into {@link Violation}s.
 *
 * <p>The schemas are copied once per JVM into a small document of their own (the components plus, per operation,
 * its parameter, body and response schemas), which the validator compiles lazily, one schema on its first use.
 */
public final class SpecValidator {

    /** The status Texter answers a request that does not fit the spec. */
    public static final int BAD_REQUEST = 400;
    /** The status Texter answers a request without a Bearer token. */
    public static final int UNAUTHORIZED = 401;
    /** The status Texter answers a path or method it does not know. */
    public static final int NOT_FOUND = 404;

    private static final String BASE = "https://texter.invalid/openapi-schemas.json";
    private static final int SHOWN_VALUE_CHARS = 200;
    private static final int MAX_VIOLATIONS = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static volatile @Nullable CompletableFuture<SpecValidator> loading;

    private final TexterSpec spec;
    private final SchemaRegistry registry;
    private final Map<String, Rules> rules;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /**
     * What one check found.
     *
     * @param in      where: {@code route}, {@code header}, {@code path}, {@code query}, {@code body} or {@code response}
     * @param pointer the parameter or header name, or the JSON pointer into the body ({@code ""} for the whole body)
     * @param rule    the rule broken, as the spec writes it, e.g. {@code maxItems 100} or {@code required [to]}
     * @param value   the offending value, shortened, or {@code (missing)}
     */
    public record Violation(String in, String pointer, String rule, String value) {
        /** One line, e.g. {@code body /to: minLength 5, got "1"}. */
        public String describe() {
            return in + (pointer.isEmpty() ? "" : " " + pointer) + ": " + rule + ", got " + value;
        }
    }

    /**
     * The verdict on one request.
     *
     * @param operation  the operation it was for, or null when the route is unknown
     * @param status     the status Texter would answer it with when there are violations
     * @param violations empty when the request fits the spec
     */
    public record Verdict(@Nullable SpecOperation operation, int status, List<Violation> violations) {
    }

    private SpecValidator(TexterSpec spec) {
        this.spec = spec;
        JsonNode document = spec.document();
        ObjectNode schemas = NODES.objectNode();
        schemas.putObject("components").set("schemas", document.path("components").path("schemas"));
        ObjectNode byOperation = schemas.putObject("x-operations");
        Map<String, Rules> all = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode pathItem = path.getValue();
            for (Map.Entry<String, JsonNode> op : pathItem.properties()) {
                JsonNode operationId = op.getValue().get("operationId");
                if (operationId == null || !spec.operations().containsKey(operationId.asText())) {
                    continue;
                }
                all.put(operationId.asText(), rules(document, pathItem, op.getValue(),
                        byOperation.putObject(operationId.asText()), operationId.asText()));
            }
        }
        this.rules = Collections.unmodifiableMap(all);
        String text = schemas.toString();
        Dialect dialect = Dialect.builder(Dialects.getOpenApi30())
                // the x-texter-* and x-enum-varnames extensions: annotations, no rules (and no warning each)
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        this.registry = SchemaRegistry.withDialect(dialect, builder -> builder
                .schemas(Map.of(BASE, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                        // formats (email, date-time, int32) stay descriptions: the validator's email check refuses
                        // addresses Texter takes (agent@acme.example, a reserved top-level domain), and a mock
                        // must not refuse what Texter may accept
                        .formatAssertionsEnabled(false).build()));
    }

    /** The validator of the spec on the classpath, built on first use (or by {@link #loadInBackground()}). */
    public static SpecValidator get() {
        try {
            return loading().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof java.lang.Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Starts building the validator (and compiling its most used schemas) on a background thread. */
    public static void loadInBackground() {
        loading();
    }

    private static CompletableFuture<SpecValidator> loading() {
        CompletableFuture<SpecValidator> current = loading;
        if (current == null) {
            synchronized (SpecValidator.class) {
                current = loading;
                if (current == null) {
                    current = BackgroundLoad.start("texter-testkit-validator-loader",
                            () -> new SpecValidator(TexterSpec.get()));
                    loading = current;
                }
            }
        }
        return current;
    }

    /**
     * Checks one request as Texter would see it.
     *
     * @param method  the HTTP method
     * @param url     path and query as sent, still percent-encoded
     * @param headers the request's headers by (case-insensitive) name, null when absent
     * @param body    the body as sent ({@code ""} for none)
     */
    public Verdict checkRequest(String method, String url, Function<String, @Nullable String> headers, String body) {
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        SpecOperation operation = spec.operationFor(method, path);
        if (operation == null) {
            return new Verdict(null, NOT_FOUND, List.of(new Violation("route", "", "no operation of openapi.json",
                    method.toUpperCase(Locale.ROOT) + " " + path)));
        }
        String authorization = headers.apply("Authorization");
        if (!hasBearerToken(authorization)) {
            return new Verdict(operation, UNAUTHORIZED, List.of(new Violation("header", "Authorization",
                    "Bearer token required", authorization == null ? "(missing)" : "(not a Bearer token)")));
        }
        Rules rules = this.rules.get(operation.id());
        List<Violation> violations = new ArrayList<>();
        checkPath(rules, operation.pathParameterValues(path), violations);
        checkQuery(rules, queryStart < 0 ? "" : url.substring(queryStart + 1), violations);
        checkBody(rules, headers.apply("Content-Type"), body, violations);
        return new Verdict(operation, BAD_REQUEST, cap(violations));
    }

    /**
     * Whether an {@code Authorization} header carries a Bearer token, the check {@link #checkRequest} makes.
     *
     * @param authorization the header's value, null when absent
     */
    public static boolean hasBearerToken(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }

    /** Checks an answer stubbed for an operation against its success response schema. */
    public List<Violation> checkResponse(SpecOperation operation, String body) {
        Rules rules = this.rules.get(operation.id());
        if (rules == null || rules.response == null) {
            return List.of();
        }
        JsonNode value;
        if (rules.textResponse) {
            value = NODES.textNode(body);
        } else {
            try {
                value = Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                return List.of(new Violation("response", "", "JSON body", shorten(body)));
            }
            if (value == null || value.isMissingNode()) {
                return List.of(new Violation("response", "", "JSON body", "(empty)"));
            }
        }
        List<Violation> violations = new ArrayList<>();
        validate(rules.response, value, "response", "", violations);
        return cap(violations);
    }

    /** The JSON error body Texter answers a refused request with: {@code success: false} and the reason. */
    public static String errorBody(String error) {
        ObjectNode body = NODES.objectNode();
        body.put("success", false);
        body.put("error", error);
        return body.toString();
    }

    private void checkPath(Rules rules, Map<String, String> values, List<Violation> violations) {
        for (Parameter parameter : rules.path) {
            String value = values.get(parameter.name);
            if (value != null) {
                validate(parameter.pointer, parameter.coerce(List.of(value)), "path", parameter.name, violations);
            }
        }
    }

    private void checkQuery(Rules rules, String query, List<Violation> violations) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        Map<String, Parameter> declared = new LinkedHashMap<>();
        for (Parameter parameter : rules.query) {
            declared.put(parameter.name, parameter);
        }
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            Parameter parameter = declared.get(entry.getKey());
            if (parameter == null) {
                violations.add(new Violation("query", entry.getKey(), "not a parameter of the operation (it takes "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())) + ")",
                        shorten(String.join(",", entry.getValue()))));
            } else if (!parameter.array && entry.getValue().size() > 1) {
                violations.add(new Violation("query", parameter.name, "a single value", shorten(entry.getValue().toString())));
            } else {
                validate(parameter.pointer, parameter.coerce(entry.getValue()), "query", parameter.name, violations);
            }
        }
        for (Parameter parameter : rules.query) {
            if (parameter.required && !values.containsKey(parameter.name)) {
                violations.add(new Violation("query", parameter.name, "required", "(missing)"));
            }
        }
    }

    private void checkBody(Rules rules, @Nullable String contentType, String body, List<Violation> violations) {
        if (rules.body == null) {
            return;
        }
        if (body.isBlank()) {
            if (rules.bodyRequired) {
                violations.add(new Violation("body", "", "required (a JSON body)", "(empty)"));
            }
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            violations.add(new Violation("header", "Content-Type", "application/json",
                    contentType == null ? "(missing)" : shorten(contentType)));
            return;
        }
        JsonNode value;
        try {
            value = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            violations.add(new Violation("body", "", "JSON (" + e.getOriginalMessage() + ")", shorten(body)));
            return;
        }
        validate(rules.body, value, "body", "", violations);
    }

    private void validate(String pointer, JsonNode value, String in, String name, List<Violation> violations) {
        Schema schema = compiled.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        for (Error error : schema.validate(value)) {
            String location = error.getInstanceLocation().toString();
            String shownValue;
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                location = location + "/" + escape(error.getProperty());
                shownValue = "(missing)";
            } else {
                shownValue = error.getInstanceNode() == null ? "(missing)" : shorten(error.getInstanceNode().toString());
            }
            String where = name.isEmpty() ? location : name + location;
            violations.add(new Violation(in, where, rule(error), shownValue));
        }
    }

    private static String rule(Error error) {
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        JsonNode rule = error.getSchemaNode();
        if ("type".equals(keyword) && rule != null) {
            return "type " + rule.asText();
        }
        if ("required".equals(keyword) && error.getProperty() != null) {
            return "required";
        }
        if (rule == null || rule.isContainerNode() && !rule.isArray()) {
            return keyword;
        }
        return keyword + " " + (rule.isTextual() ? rule.asText() : shorten(rule.toString()));
    }

    private static List<Violation> cap(List<Violation> violations) {
        return violations.size() <= MAX_VIOLATIONS ? List.copyOf(violations)
                : List.copyOf(violations.subList(0, MAX_VIOLATIONS));
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "...";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Rules rules(JsonNode document, JsonNode pathItem, JsonNode operation, ObjectNode target,
            String operationId) {
        Rules rules = new Rules();
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(document, parameter);
                parameters.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
            }
        }
        ArrayNode parameterSchemas = target.putArray("parameters");
        for (JsonNode parameter : parameters.values()) {
            String in = parameter.path("in").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            JsonNode schema = parameter.path("schema");
            String pointer = "/x-operations/" + operationId + "/parameters/" + parameterSchemas.size();
            parameterSchemas.add(schema);
            JsonNode resolved = resolve(document, schema);
            boolean array = "array".equals(resolved.path("type").asText());
            String itemType = array ? resolve(document, resolved.path("items")).path("type").asText("string")
                    : resolved.path("type").asText("string");
            boolean exploded = parameter.path("explode").asBoolean(true);
            Parameter p = new Parameter(parameter.path("name").asText(), parameter.path("required").asBoolean(false),
                    pointer, array, exploded, itemType);
            (in.equals("path") ? rules.path : rules.query).add(p);
        }
        JsonNode requestBody = resolve(document, operation.path("requestBody"));
        JsonNode bodySchema = requestBody.path("content").path("application/json").path("schema");
        if (!bodySchema.isMissingNode()) {
            target.set("requestBody", bodySchema);
            rules.body = "/x-operations/" + operationId + "/requestBody";
            rules.bodyRequired = requestBody.path("required").asBoolean(false);
        }
        String successStatus = null;
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (response.getKey().matches("2\\d\\d") && (successStatus == null
                    || response.getKey().compareTo(successStatus) < 0)) {
                successStatus = response.getKey();
            }
        }
        if (successStatus != null) {
            JsonNode content = resolve(document, operation.path("responses").path(successStatus)).path("content");
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                if (media.getValue().has("schema")) {
                    target.set("response", media.getValue().get("schema"));
                    rules.response = "/x-operations/" + operationId + "/response";
                    rules.textResponse = media.getKey().startsWith("text/");
                }
                break;
            }
        }
        return rules;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 20; depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** What to check for one operation: pointers into the schema document. */
    private static final class Rules {
        final List<Parameter> path = new ArrayList<>();
        final List<Parameter> query = new ArrayList<>();
        @Nullable String body;
        boolean bodyRequired;
        @Nullable String response;
        boolean textResponse;
    }

    /** One path or query parameter, and how its text becomes the JSON value its schema describes. */
    private record Parameter(String name, boolean required, String pointer, boolean array, boolean exploded,
            String itemType) {

        JsonNode coerce(List<String> values) {
            if (!array) {
                return scalar(values.get(0));
            }
            ArrayNode items = NODES.arrayNode();
            for (String value : values) {
                if (exploded) {
                    items.add(scalar(value));
                } else {
                    for (String part : value.split(",", -1)) {
                        items.add(scalar(part));
                    }
                }
            }
            return items;
        }

        private JsonNode scalar(String text) {
            try {
                switch (itemType) {
                    case "integer":
                        return NODES.numberNode(new BigInteger(text));
                    case "number":
                        return NODES.numberNode(new BigDecimal(text));
                    case "boolean":
                        if (text.equals("true") || text.equals("false")) {
                            return NODES.booleanNode(Boolean.parseBoolean(text));
                        }
                        return NODES.textNode(text);
                    default:
                        return NODES.textNode(text);
                }
            } catch (NumberFormatException e) {
                return NODES.textNode(text);
            }
        }
    }
}
