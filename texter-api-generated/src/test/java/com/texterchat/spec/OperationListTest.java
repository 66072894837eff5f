package com.texterchat.spec;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The build names a change of the spec's operations or webhook events: the checked-in lists
 * ({@code operations.txt}, {@code webhook-events-checklist.txt}) must equal what the merged spec declares. On a
 * difference the test names each added, removed or moved one and the command that accepts the change; run with
 * {@code -Dtexter.accept-spec=true} it rewrites both lists from the spec instead (review the diff, then commit).
 */
class OperationListTest {

    /** The one command that accepts a change of the spec's operations or webhook events. */
    static final String ACCEPT = "./mvnw -B verify -pl texter-api-generated -am -Dtexter.accept-spec=true";

    private static final Path OPERATIONS = Path.of("src/test/resources/operations.txt");
    private static final Path EVENTS = Path.of("src/test/resources/webhook-events-checklist.txt");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void theCheckedInListsAreTheSpecsOperationsAndWebhookEvents() throws IOException {
        JsonNode spec = new ObjectMapper().readTree(SpecFiles.openApiJson().toFile());
        Map<String, String> operations = operations(spec);
        Map<String, String> events = webhookEvents(spec);
        if (Boolean.getBoolean("texter.accept-spec")) {
            write(OPERATIONS, OPERATIONS_HEADER, operations, " ");
            write(EVENTS, EVENTS_HEADER, events, "|");
            System.out.println("[INFO] texter.accept-spec: rewrote " + OPERATIONS.toAbsolutePath() + " ("
                    + operations.size() + " operations) and " + EVENTS.toAbsolutePath() + " (" + events.size()
                    + " webhook events)");
            return;
        }
        List<String> problems = new ArrayList<>();
        compare("operation", read(OPERATIONS, " "), operations, problems);
        compare("webhook event", read(EVENTS, "|"), events, problems);
        if (!problems.isEmpty()) {
            fail("The spec's operations or webhook events differ from the checked-in lists:\n  "
                    + String.join("\n  ", problems) + "\nIf that is the change you meant, accept it with\n  "
                    + ACCEPT + "\n(it rewrites " + OPERATIONS + " and " + EVENTS + " in texter-api-generated)");
        }
    }

    /** Each added, removed or changed entry, one line each; "what" names the kind. */
    static void compare(String what, Map<String, String> listed, Map<String, String> declared, List<String> out) {
        declared.forEach((name, value) -> {
            if (!listed.containsKey(name)) {
                out.add("added " + what + ": " + name + " (" + value + ")");
            } else if (!listed.get(name).equals(value)) {
                out.add("changed " + what + ": " + name + " (" + listed.get(name) + " -> " + value + ")");
            }
        });
        listed.forEach((name, value) -> {
            if (!declared.containsKey(name)) {
                out.add("removed " + what + ": " + name + " (" + value + ")");
            }
        });
    }

    /** operationId to "METHOD path", sorted by operationId. */
    static Map<String, String> operations(JsonNode spec) {
        Map<String, String> ops = new TreeMap<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.put(m.getValue().path("operationId").asText("(no operationId)"),
                        m.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return ops;
    }

    /** eventName to its eventData keys (comma-separated, sorted), in the spec's order. */
    static Map<String, String> webhookEvents(JsonNode spec) {
        Map<String, String> events = new LinkedHashMap<>();
        for (JsonNode event : spec.path("x-texter-webhook-events")) {
            JsonNode schema = spec.at(event.path("eventData").asText("#").substring(1));
            Set<String> keys = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(keys::add);
            events.put(event.path("eventName").asText(), String.join(",", keys));
        }
        return events;
    }

    private static final String OPERATIONS_HEADER = """
            # The operations of the spec (openapi.json with openapi-overlay.json applied): operationId METHOD path.
            # OperationListTest fails when the spec differs, naming each added, removed or moved operation;
            # accept a change with: %s
            """.formatted(ACCEPT);
    private static final String EVENTS_HEADER = """
            # Webhook events of the spec (x-texter-webhook-events of openapi-overlay.json): eventName|eventData keys.
            # OperationListTest fails when the spec differs; accept a change with: %s
            """.formatted(ACCEPT);

    private static Map<String, String> read(Path file, String separator) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int cut = line.indexOf(separator);
            entries.put(cut < 0 ? line : line.substring(0, cut), cut < 0 ? "" : line.substring(cut + 1));
        }
        return entries;
    }

    private static void write(Path file, String header, Map<String, String> entries, String separator)
            throws IOException {
        StringBuilder text = new StringBuilder(header);
        entries.forEach((name, value) -> text.append(name).append(separator).append(value).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
