package com.texterchat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Structural checks of {@code openapi.json}, the single source of truth of the SDK. Each check lists every
 * offending operation so a broken spec is fixed in one pass.
 */
class OpenApiSpecTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode spec;
    private static Map<String, JsonNode> operations;

    @BeforeAll
    static void load() throws IOException {
        spec = new ObjectMapper().readTree(SpecFiles.openApiJson().toFile());
        operations = operationsOf(spec);
    }

    /** Operations of a spec keyed by "METHOD path". */
    static Map<String, JsonNode> operationsOf(JsonNode spec) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.put(m.getKey().toUpperCase() + " " + path.getKey(), m.getValue());
            }
        }));
        return ops;
    }

    @Test
    void isOpenApi303WithBearerAuthAndTheTexterServer() {
        assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(spec.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(spec.at("/servers/0/url").asText()).isEqualTo("https://{projectID}.texterchat.com/server/api/v2");
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndExactlyOneDeclaredTag() {
        Set<String> declaredTags = new TreeSet<>();
        spec.path("tags").forEach(t -> declaredTags.add(t.path("name").asText()));
        List<String> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        operations.forEach((key, op) -> {
            String id = op.path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(key + ": no operationId");
            } else if (!ids.add(id)) {
                problems.add(key + ": duplicate operationId " + id);
            }
            JsonNode tags = op.path("tags");
            if (tags.size() != 1 || !declaredTags.contains(tags.path(0).asText())) {
                problems.add(key + ": needs exactly one declared tag, has " + tags);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationDocumentsA2xxResponseWithAnExample() {
        List<String> problems = new ArrayList<>();
        operations.forEach((key, op) -> {
            List<JsonNode> ok = new ArrayList<>();
            op.path("responses").properties().forEach(r -> {
                if (r.getKey().startsWith("2")) {
                    ok.add(r.getValue());
                }
            });
            if (ok.isEmpty()) {
                problems.add(key + ": no 2xx response");
            }
            for (JsonNode response : ok) {
                if (response.path("content").properties().isEmpty()) {
                    problems.add(key + ": 2xx response without content");
                }
                response.path("content").properties().forEach(c -> {
                    if (!hasExample(c.getValue())) {
                        problems.add(key + ": response " + c.getKey() + " has no example");
                    }
                });
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRequestBodyHasAnExample() {
        List<String> problems = new ArrayList<>();
        operations.forEach((key, op) -> op.path("requestBody").path("content").properties().forEach(c -> {
            if (!hasExample(c.getValue())) {
                problems.add(key + ": request body " + c.getKey() + " has no example");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationDeclaresItsTokenScopes() {
        List<String> missing = operations.entrySet().stream()
                .filter(e -> !e.getValue().path("x-texter-scopes").isArray())
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertThat(missing).isEmpty();
    }

    /**
     * Every operation of Texter's reference (the checklist) is in the spec, by its summary. The spec may have more
     * (Texter's own file can add operations); which ones exactly is {@code OperationListTest}'s business.
     */
    @Test
    void coversEveryOperationOfTheChecklist() throws IOException {
        Set<String> summaries = operations.values().stream()
                .map(op -> op.path("summary").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> checklist = checklistOperations();
        assertThat(checklist).isNotEmpty();
        assertThat(summaries).containsAll(checklist);
    }

    @Test
    void checklistIsTheOneInTheReferenceMaterialWhenThatIsPresent() throws IOException {
        Path reference = SpecFiles.referenceOperationsMd();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(reference),
                "reference material not beside the checkout");
        List<String> referenceRows = Files.readAllLines(reference, StandardCharsets.UTF_8).stream()
                .filter(l -> l.matches("^\\| \\d+ \\|.*"))
                .map(l -> l.split("\\|")[3].trim())
                .collect(Collectors.toList());
        assertThat(checklistOperations()).containsExactlyElementsOf(referenceRows);
    }

    @Test
    void everyInferredOperationIsListedInTheSpecNotes() throws IOException {
        String notes = Files.readString(SpecFiles.repoRoot().resolve("docs/spec-notes.md"));
        List<String> unlisted = new ArrayList<>();
        operations.forEach((key, op) -> {
            if (op.path("x-texter-inferred").asBoolean(false) && !notes.contains(op.path("summary").asText())) {
                unlisted.add(key + " (" + op.path("summary").asText() + ")");
            }
        });
        assertThat(unlisted).isEmpty();
    }

    /**
     * Only operations the reference does not show may be marked inferred. Once Texter's own file confirms one, its
     * marker is dropped from openapi-overlay.json (docs/official-spec.md), so the marked ones may become fewer.
     */
    @Test
    void onlyOperationsTheChecklistSaysToInferAreMarkedInferred() throws IOException {
        Set<String> marked = operations.values().stream()
                .filter(op -> op.path("x-texter-inferred").asBoolean(false))
                .map(op -> op.path("summary").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> toInfer = resourceLines("/operations-checklist.txt").stream()
                .map(l -> l.split("\\|"))
                .filter(parts -> parts[3].equals("infer"))
                .map(parts -> parts[2])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(toInfer).isNotEmpty();
        assertThat(marked).isSubsetOf(toInfer);
    }

    @Test
    void declaresTheListedWebhookEventsWithTheirEventDataSchemas() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : resourceLines("/webhook-events-checklist.txt")) {
            String[] parts = line.split("\\|");
            expected.put(parts[0], List.of(parts[1].split(",")));
        }
        assertThat(expected).isNotEmpty();
        JsonNode events = spec.path("x-texter-webhook-events");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        events.forEach(e -> byName.put(e.path("eventName").asText(), e));
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, keys) -> {
            String pointer = byName.get(name).path("eventData").asText().substring(1);
            JsonNode schema = spec.at(pointer);
            assertThat(schema.isMissingNode()).as("schema of %s", name).isFalse();
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("eventData keys of %s", name).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(schema.path("example").isObject()).as("example of %s", name).isTrue();
            assertThat(schema.path("x-texter-event-name").asText()).isEqualTo(name);
        });
        List<String> enumNames = new ArrayList<>();
        spec.at("/components/schemas/WebhookEventName/enum").forEach(n -> enumNames.add(n.asText()));
        assertThat(enumNames).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void definesTheDocumentedObjects() {
        JsonNode schemas = spec.at("/components/schemas");
        for (String name : List.of("Chat", "ChatPublicView", "Message", "Template", "ProviderTemplate",
                "TemplateLocalization", "TemplateComponent", "Label", "Problem", "QuickReply", "Scenario",
                "ScenarioRevision", "ScenarioRun", "WebhookEnvelope", "ChatStatus", "MessageStatus")) {
            assertThat(schemas.has(name)).as(name).isTrue();
        }
        assertThat(schemas.at("/Template/properties").has("localizationDrafts")).isTrue();
        assertThat(schemas.at("/Template/properties").has("defaults")).isTrue();
        assertThat(schemas.at("/Message/properties").has("systemMessage")).isTrue();
        assertThat(schemas.at("/Scenario/properties").has("drafts")).isTrue();
    }

    @Test
    void everySchemaReferenceResolves() {
        List<String> dangling = new ArrayList<>();
        collectRefs(spec, dangling);
        assertThat(dangling).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                if (spec.at(ref.asText().substring(1)).isMissingNode()) {
                    dangling.add(ref.asText());
                }
            }
            node.elements().forEachRemaining(child -> collectRefs(child, dangling));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, dangling));
        }
    }

    private static boolean hasExample(JsonNode mediaType) {
        if (mediaType.has("example")) {
            return true;
        }
        Iterator<JsonNode> examples = mediaType.path("examples").elements();
        return examples.hasNext() && examples.next().has("value");
    }

    private static List<String> checklistOperations() throws IOException {
        return resourceLines("/operations-checklist.txt").stream()
                .map(l -> l.split("\\|")[2])
                .collect(Collectors.toList());
    }

    static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = OpenApiSpecTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }
}
