package com.texterchat.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.Message;
import com.texterchat.model.MessageType;
import com.texterchat.model.TemplateLocalizationStatus;
import com.texterchat.model.Template;
import feign.Param;
import feign.QueryMap;
import java.io.File;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in {@code openapi.json} (responses, request bodies, webhook payloads) is read into its
 * generated model and written back; nothing documented may be lost or changed on the way. Plus: unknown
 * fields and unknown enum values never break parsing.
 */
class SpecExamplesRoundTripTest {

    private static final ObjectMapper JSON = TexterJson.mapper();
    private static final String API_PACKAGE = "com.texterchat.api.";
    /** The spec the generated module was made from, as it ships in its jar. */
    private static final String SPEC_RESOURCE = "/META-INF/texter/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** The operations of the spec by {@code "METHOD /path"}. */
    private static Map<String, JsonNode> operationsOf(JsonNode spec) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.put(m.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), m.getValue());
            }
        }));
        return ops;
    }

    /** One example of the spec and the Java type it binds to. */
    record Example(String name, JsonNode value, Type type) {
    }

    /** Every example of the spec: request bodies and 2xx responses of each operation, and each webhook's data. */
    static List<Example> examples() throws Exception {
        JsonNode spec;
        try (InputStream in = SpecExamplesRoundTripTest.class.getResourceAsStream(SPEC_RESOURCE)) {
            assertThat(in).as(SPEC_RESOURCE + " (shipped by texter-api-generated)").isNotNull();
            spec = JSON.readTree(in);
        }
        List<Example> examples = new ArrayList<>();
        operationsOf(spec).forEach((key, op) -> {
            Method method = apiMethod(op);
            forEachExample(op.path("requestBody").path("content").path("application/json"), (name, value) ->
                    examples.add(new Example(key + " request " + name, value, bodyType(method))));
            op.path("responses").properties().forEach(r -> {
                if (r.getKey().startsWith("2")) {
                    forEachExample(r.getValue().path("content").path("application/json"), (name, value) ->
                            examples.add(new Example(key + " response " + name, value,
                                    method.getGenericReturnType())));
                }
            });
        });
        for (JsonNode event : spec.path("x-texter-webhook-events")) {
            String schemaName = event.path("eventData").asText().replace("#/components/schemas/", "");
            JsonNode example = spec.at("/components/schemas/" + schemaName + "/example");
            examples.add(new Example("webhook " + event.path("eventName").asText(), example,
                    Class.forName("com.texterchat.model." + schemaName)));
        }
        // at least one example per operation and per webhook event (no fixed count: the spec may grow)
        assertThat(examples)
                .hasSizeGreaterThanOrEqualTo(operationsOf(spec).size() + spec.path("x-texter-webhook-events").size());
        return examples;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleSurvivesARoundTripThroughItsModel() throws Exception {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.name(),
                () -> assertRoundTrip(example.value(), example.type())));
    }

    @Test
    void unknownFieldsAndEnumValuesDoNotBreakParsing() throws Exception {
        ObjectNode chat = (ObjectNode) JSON.readTree("{\"_id\":\"c1\",\"status\":2,\"title\":\"John\"}");
        chat.put("status", 42);
        chat.putObject("featureFromTheFuture").put("enabled", true);
        chat.withObjectProperty("channelInfo").put("name", "telegram").put("id", "1");

        Chat parsed = JSON.treeToValue(chat, Chat.class);

        assertThat(parsed.getId()).isEqualTo("c1");
        assertThat(parsed.getStatus()).isEqualTo(ChatStatus.UNKNOWN);
        assertThat(parsed.getChannelInfo().getName()).hasToString("unknown_default_open_api");

        Message message = JSON.readValue("{\"_id\":\"m1\",\"type\":\"reaction\",\"status\":9,\"emoji\":\"+1\"}",
                Message.class);
        assertThat(message.getType()).isEqualTo(MessageType.UNKNOWN);

        Template template = JSON.readValue("{\"name\":\"t\",\"provider_template\":{\"localizations\":"
                + "[{\"language\":\"en\",\"status\":\"PAUSED\"}]}}", Template.class);
        assertThat(template.getProviderTemplate().getLocalizations().get(0).getStatus())
                .isEqualTo(TemplateLocalizationStatus.UNKNOWN);
    }

    @Test
    void theComparisonUsedAboveDetectsALostField() throws Exception {
        JsonNode original = JSON.readTree("{\"a\":1,\"b\":{\"c\":\"2025-01-01T00:00:00.000Z\"}}");
        assertThat(differences(original, JSON.readTree("{\"a\":1.0,\"b\":{\"c\":\"2025-01-01T00:00:00Z\"}}")))
                .isEmpty();
        assertThat(differences(original, JSON.readTree("{\"a\":1,\"b\":{}}"))).containsExactly("/b/c: missing");
        assertThat(differences(original, JSON.readTree("{\"a\":1,\"b\":{\"c\":\"2025-01-01T00:00:00Z\",\"d\":false}}")))
                .containsExactly("/b/d: added false");
        assertThat(differences(original, JSON.readTree("{\"a\":2,\"b\":{\"c\":\"2025-01-01T00:00:00Z\"}}")))
                .containsExactly("/a: 1 became 2");
    }

    private static void assertRoundTrip(JsonNode example, Type type) throws Exception {
        JavaType javaType = JSON.getTypeFactory().constructType(type);
        Object model = JSON.readValue(JSON.treeAsTokens(example), javaType);
        JsonNode written = JSON.valueToTree(model);
        List<String> differences = differences(example, written);
        if (!differences.isEmpty()) {
            fail("Round trip through " + javaType + " changed the example:\n  " + String.join("\n  ", differences));
        }
    }

    /** Differences between the documented JSON and what the model wrote, both ways. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing");
        } else if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name) && actual.get(name).isNull()) {
                    // A property without a declared type (e.g. ScenarioRunStep.output) is written as null when
                    // absent; that adds no information. Any other added value is reported.
                    continue;
                }
                if (!expected.has(name)) {
                    out.add(path + "/" + name + ": added " + actual.get(name));
                } else {
                    compare(path + "/" + name, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + expected.size() + " items became " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!sameValue(expected, actual)) {
            out.add(path + ": " + expected + " became " + actual);
        }
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
        }
        if (expected.isTextual() && actual.isTextual() && !expected.asText().equals(actual.asText())) {
            return sameInstant(expected.asText(), actual.asText());
        }
        return expected.equals(actual);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void forEachExample(JsonNode mediaType, BiConsumer<String, JsonNode> action) {
        if (mediaType.has("example")) {
            action.accept("example", mediaType.get("example"));
        }
        Iterator<Map.Entry<String, JsonNode>> examples = mediaType.path("examples").properties().iterator();
        examples.forEachRemaining(e -> action.accept(e.getKey(), e.getValue().path("value")));
    }

    private static Method apiMethod(JsonNode op) {
        String tag = op.path("tags").path(0).asText().replace(" ", "");
        String id = op.path("operationId").asText();
        try {
            Class<?> api = Class.forName(API_PACKAGE + tag + "Api");
            return Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no method " + id + " on " + api.getSimpleName()));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated API for tag " + tag, e);
        }
    }

    private static Type bodyType(Method method) {
        Type[] types = method.getGenericParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            boolean annotated = Arrays.stream(annotations[i])
                    .anyMatch(a -> a instanceof Param || a instanceof QueryMap);
            if (!annotated && types[i] != File.class) {
                return types[i];
            }
        }
        return Optional.<Type>empty().orElseThrow(() -> new AssertionError(method + " has no body parameter"));
    }
}
