package com.texterchat.dsl.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.dsl.support.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec's {@code x-texter-webhook-events} against Texter's 19 official subscription documents: each document's
 * webhook event is declared, with the same trigger events and the same {@code eventData} keys, and every declared
 * event has its document.
 */
class OfficialSubscriptionsMatchSpecTest {

    private static final Map<String, JsonNode> DECLARED = new LinkedHashMap<>();

    @BeforeAll
    static void declaredEvents() {
        Json.spec().path("x-texter-webhook-events").forEach(e -> DECLARED.put(e.path("eventName").asText(), e));
    }

    static List<String> officialDocuments() throws IOException, URISyntaxException {
        return WebhookSubscriptionsTest.officialDocuments().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialDocuments")
    void theDocumentsEventIsDeclaredWithItsTriggerEventsAndEventDataKeys(String file) {
        JsonNode document = Json.reference("subscriptions/" + file.replace(".json", ""));
        JsonNode data = document.at("/actions/0/params/data");
        String eventName = data.path("eventName").asText();
        assertThat(DECLARED).as("x-texter-webhook-events entry for %s (%s)", eventName, file).containsKey(eventName);
        JsonNode declared = DECLARED.get(eventName);

        assertThat(texts(declared.path("triggerEvents"))).as("triggerEvents of %s", eventName)
                .isEqualTo(texts(document.path("triggerEvents")));

        JsonNode schema = Json.spec().at(declared.path("eventData").asText().substring(1));
        assertThat(schema.isMissingNode()).as("eventData schema of %s", eventName).isFalse();
        assertThat(new TreeSet<>(fieldNames(schema.path("properties")))).as("eventData keys of %s", eventName)
                .isEqualTo(new TreeSet<>(fieldNames(data.path("eventData"))));
    }

    @Test
    void everyDeclaredEventHasExactlyOneOfficialDocument() throws IOException, URISyntaxException {
        List<String> documented = new ArrayList<>();
        for (String file : officialDocuments()) {
            documented.add(Json.reference("subscriptions/" + file.replace(".json", ""))
                    .at("/actions/0/params/data/eventName").asText());
        }
        assertThat(documented).hasSize(19).doesNotHaveDuplicates();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(DECLARED.keySet());
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("%s is a list", array).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
