package com.texterchat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the spec marks {@code x-texter-inferred} says so in the generated javadoc, and nothing else does: checked on
 * the sources the generator wrote into target/generated-sources.
 */
class InferredJavadocTest {

    private static final Path GENERATED = Path.of("target/generated-sources/openapi/src/main/java/com/texterchat");
    private static final String OPERATION_NOTE = "<b>Inferred:</b> Texter's reference does not show this operation";
    private static final String PARAMETER_NOTE = "<b>Inferred:</b> not on Texter's reference page";
    private static final String CLASS_NOTE = "<b>Inferred:</b> Texter's reference does not document this object";
    private static final String FIELD_NOTE = "<b>Inferred:</b> Texter's reference does not show this field";
    private static final Pattern OPERATION = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@Deprecated\\s*)?@RequestLine\\(\"(\\w+) ([^\"?]*)", Pattern.DOTALL);

    private static JsonNode spec;
    /** "METHOD path" to the javadoc of every generated method (plain and query-map variant) of that operation. */
    private static final Map<String, List<String>> JAVADOC = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        spec = new ObjectMapper().readTree(SpecFiles.openApiJson().toFile());
        try (Stream<Path> files = Files.list(GENERATED.resolve("api"))) {
            for (Path file : files.toList()) {
                Matcher m = OPERATION.matcher(Files.readString(file));
                while (m.find()) {
                    JAVADOC.computeIfAbsent(m.group(2) + " " + m.group(3), k -> new ArrayList<>()).add(m.group(1));
                }
            }
        }
    }

    @Test
    void everyInferredOperationAndOnlyThoseSayItIsInferred() {
        Map<String, JsonNode> operations = OpenApiSpecTest.operationsOf(spec);
        assertThat(JAVADOC.keySet()).containsExactlyInAnyOrderElementsOf(operations.keySet());
        for (Map.Entry<String, JsonNode> op : operations.entrySet()) {
            boolean marked = op.getValue().path("x-texter-inferred").asBoolean(false);
            for (String javadoc : JAVADOC.get(op.getKey())) {
                assertThat(javadoc.contains(OPERATION_NOTE)).as("inferred note on %s", op.getKey()).isEqualTo(marked);
            }
        }
    }

    @Test
    void everyInferredParameterSaysItIsInferred() {
        long marked = 0;
        for (Map.Entry<String, JsonNode> op : OpenApiSpecTest.operationsOf(spec).entrySet()) {
            int count = 0;
            for (JsonNode p : op.getValue().path("parameters")) {
                count += p.path("x-texter-inferred").asBoolean(false) ? 1 : 0;
            }
            final int params = count;
            marked += params;
            if (params > 0) {
                // The plain method documents every parameter, so its javadoc carries one note per inferred one.
                assertThat(JAVADOC.get(op.getKey())).as("javadoc of %s", op.getKey())
                        .anySatisfy(javadoc -> assertThat(javadoc.split(Pattern.quote(PARAMETER_NOTE), -1))
                                .hasSize(params + 1));
            }
        }
        assertThat(marked).isPositive();
    }

    @Test
    void everyInferredModelAndFieldSaysItIsInferred() throws IOException {
        int classes = 0;
        int fields = 0;
        for (Map.Entry<String, JsonNode> schema : spec.path("components").path("schemas").properties()) {
            JsonNode properties = schema.getValue().path("properties");
            if (!properties.isObject()) {
                continue; // enums and free-form schemas: no class of ours with a javadoc of its own
            }
            String source = Files.readString(GENERATED.resolve("model/" + schema.getKey() + ".java"));
            String classDoc = source.substring(0, source.indexOf("public class "));
            boolean marked = schema.getValue().path("x-texter-inferred").asBoolean(false);
            classes += marked ? 1 : 0;
            assertThat(classDoc.contains(CLASS_NOTE)).as("inferred note on class %s", schema.getKey())
                    .isEqualTo(marked);
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                if (property.getValue().path("x-texter-inferred").asBoolean(false)) {
                    fields++;
                    assertThat(source).as("getter of %s.%s", schema.getKey(), property.getKey()).containsPattern(
                            "(?s)" + Pattern.quote(FIELD_NOTE) + "((?!\\*/).)*\\*/\\s*(@[^\\n]*\\s*)*public [^\\n]* get"
                                    + getterSuffix(property.getKey()) + "\\(\\)");
                }
            }
        }
        assertThat(classes).isPositive();
        assertThat(fields).isPositive();
    }

    /** The generator's getter name after "get": body_text_named_params -> BodyTextNamedParams. */
    private static String getterSuffix(String property) {
        StringBuilder name = new StringBuilder();
        for (String part : property.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
