package com.texterchat.dsl.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.texterchat.client.json.TexterJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;

/** JSON of models, of the reference fixtures and of openapi.json's examples, and comparisons between them. */
public final class Json {

    private static final ObjectMapper MAPPER = TexterJson.mapper();
    private static JsonNode spec;

    private Json() {
    }

    /** The JSON the SDK sends for {@code model}. */
    public static JsonNode of(Object model) {
        return MAPPER.valueToTree(model);
    }

    /** Parses JSON text. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code src/test/resources/reference/<name>.json}, with {@code {{placeholder}}}s replaced. */
    public static JsonNode reference(String name, Map<String, String> placeholders) {
        try (InputStream in = Json.class.getResourceAsStream("/reference/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture reference/" + name + ".json");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                text = text.replace("{{" + p.getKey() + "}}", p.getValue());
            }
            return parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code src/test/resources/reference/<name>.json}. */
    public static JsonNode reference(String name) {
        return reference(name, Map.of());
    }

    /** The request-body example {@code example} of operation {@code operationId} in the repository's openapi.json. */
    public static JsonNode specRequestExample(String operationId, String example) {
        return specExample(operationId, "/requestBody/content/application~1json/examples/" + example + "/value",
                "request example " + example);
    }

    /** The example {@code example} of the 200 response of operation {@code operationId} in openapi.json. */
    public static JsonNode specResponseExample(String operationId, String example) {
        return specExample(operationId, "/responses/200/content/application~1json/examples/" + example + "/value",
                "response example " + example);
    }

    private static JsonNode specExample(String operationId, String pointer, String what) {
        for (JsonNode path : spec().get("paths")) {
            for (JsonNode operation : path) {
                if (operation.path("operationId").asText().equals(operationId)) {
                    JsonNode value = operation.at(pointer);
                    assertThat(value.isMissingNode()).as("%s of %s", what, operationId).isFalse();
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId + " in openapi.json");
    }

    /** The repository's openapi.json, parsed once. */
    public static synchronized JsonNode spec() {
        if (spec == null) {
            spec = parse(readSpec());
        }
        return spec;
    }

    /** The {@code example} of the schema {@code name} in the repository's openapi.json. */
    public static JsonNode specSchemaExample(String name) {
        JsonNode example = spec().at("/components/schemas/" + name + "/example");
        assertThat(example.isMissingNode()).as("example of schema %s", name).isFalse();
        return example;
    }

    /**
     * Asserts that {@code actual} equals {@code expected} (key order aside), failing with the JSON pointer of the
     * first difference, as an RFC 6902 diff from {@code expected} to {@code actual} (zjsonpatch) reports it.
     *
     * @param what names the documents in the failure message
     */
    public static void assertEqualJson(String what, JsonNode actual, JsonNode expected) {
        JsonNode patch = JsonDiff.asJson(expected, actual, EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION,
                DiffFlags.OMIT_COPY_OPERATION));
        if (!patch.isEmpty()) {
            JsonNode first = patch.get(0);
            String pointer = first.get("path").asText();
            fail("%s: first difference at %s (%s): expected %s, was %s; %d difference(s) in all: %s", what,
                    pointer.isEmpty() ? "/" : pointer, first.get("op").asText(), text(expected.at(pointer)),
                    text(actual.at(pointer)), patch.size(), patch);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }

    /** Asserts that {@code actual} equals {@code expected} field for field (key order aside). */
    public static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(actual.toPrettyString()).isEqualTo(reorder(expected, actual).toPrettyString());
    }

    /**
     * Asserts that {@code actual} holds everything {@code expected} has: every key with a contained value, and
     * arrays element by element (for fixtures that are cut off, see reference/README.md).
     */
    public static void assertContainsJson(JsonNode actual, JsonNode expected) {
        contains(actual, expected, "$");
    }

    private static void contains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                fail("%s: expected an object, was %s", path, actual);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey())) {
                    fail("%s: missing key '%s' in %s", path, field.getKey(), actual);
                }
                contains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                fail("%s: expected an array of at least %d items, was %s", path, expected.size(), actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                contains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else if (!expected.equals(actual)) {
            fail("%s: expected %s, was %s", path, expected, actual);
        }
    }

    /** {@code expected} with its keys in {@code actual}'s order, so a failing diff shows only real differences. */
    private static JsonNode reorder(JsonNode expected, JsonNode actual) {
        if (!expected.isObject() || !actual.isObject()) {
            if (expected.isArray() && actual.isArray()) {
                var array = MAPPER.createArrayNode();
                for (int i = 0; i < expected.size(); i++) {
                    array.add(i < actual.size() ? reorder(expected.get(i), actual.get(i)) : expected.get(i));
                }
                return array;
            }
            return expected;
        }
        var object = MAPPER.createObjectNode();
        actual.fieldNames().forEachRemaining(name -> {
            if (expected.has(name)) {
                object.set(name, reorder(expected.get(name), actual.get(name)));
            }
        });
        expected.fieldNames().forEachRemaining(name -> {
            if (!object.has(name)) {
                object.set(name, expected.get(name));
            }
        });
        return object;
    }

    /** The spec texter-api-generated packages as a resource (the same file as the repository's openapi.json). */
    private static String readSpec() {
        try (InputStream in = Json.class.getClassLoader().getResourceAsStream("META-INF/texter/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/texter/openapi.json is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
