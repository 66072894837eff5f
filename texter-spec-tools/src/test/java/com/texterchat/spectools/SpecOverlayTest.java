package com.texterchat.spectools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The Overlay 1.0 semantics {@link SpecOverlay} implements, on small documents. */
class SpecOverlayTest {

    /** Single quotes for JSON strings, so the documents read well in Java; JSONPath quotes stay inside "..." */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode overlay(String actions) {
        return json("{'overlay': '1.0.0', 'info': {'title': 't', 'version': '1'}, 'actions': " + actions + "}");
    }

    @Test
    void anUpdateMergesObjectsRecursivelyAndReplacesOtherValues() {
        JsonNode spec = json("{'paths': {'/a': {'get': {'summary': 'old', 'responses': {'200': {'description': 'ok'}}}}}}");
        SpecOverlay.Result result = SpecOverlay.apply(spec, overlay("[{'target': \"$.paths['/a'].get\", 'update': "
                + "{'summary': 'new', 'x-texter-scopes': ['a'], 'responses': {'200': {'content': {}}}}}]"));
        assertThat(result.unmatched()).isEmpty();
        assertThat(result.spec()).isEqualTo(json("{'paths': {'/a': {'get': {'summary': 'new', 'responses': "
                + "{'200': {'description': 'ok', 'content': {}}}, 'x-texter-scopes': ['a']}}}}"));
        assertThat(spec.at("/paths/~1a/get/summary").asText()).as("the input is left alone").isEqualTo("old");
    }

    @Test
    void aFilterTargetReachesOneElementOfAnArray() {
        JsonNode spec = json("{'parameters': [{'name': 'id', 'in': 'path'}, {'name': 'id', 'in': 'query'}]}");
        JsonNode merged = SpecOverlay.apply(spec, overlay("[{'target': \"$.parameters[?(@.name == 'id' && @.in == "
                + "'query')]\", 'update': {'x-texter-inferred': true}}]")).spec();
        assertThat(merged).isEqualTo(json("{'parameters': [{'name': 'id', 'in': 'path'}, "
                + "{'name': 'id', 'in': 'query', 'x-texter-inferred': true}]}"));
    }

    @Test
    void anUpdateOfAnArrayAppendsAndARemoveDeletes() {
        JsonNode spec = json("{'tags': [{'name': 'a'}], 'x-old': 1}");
        JsonNode merged = SpecOverlay.apply(spec, overlay("[{'target': '$.tags', 'update': [{'name': 'b'}]}, "
                + "{'target': '$.x-old', 'remove': true}]")).spec();
        assertThat(merged).isEqualTo(json("{'tags': [{'name': 'a'}, {'name': 'b'}]}"));
    }

    @Test
    void anActionThatSelectsNothingIsReportedAndChangesNothing() {
        JsonNode spec = json("{'paths': {'/a': {}}}");
        SpecOverlay.Result result = SpecOverlay.apply(spec, overlay("[{'target': \"$.paths['/b'].get\", "
                + "'update': {'x-texter-scopes': []}}, {'target': \"$.paths['/a']\", 'update': {'summary': 's'}}]"));
        assertThat(result.unmatched()).containsExactly("action 1: $.paths['/b'].get");
        assertThat(result.spec()).isEqualTo(json("{'paths': {'/a': {'summary': 's'}}}"));
    }

    @Test
    void refusesWhatIsNotAnOverlayOrAnActionWithoutTarget() {
        JsonNode spec = json("{}");
        assertThatThrownBy(() -> SpecOverlay.apply(spec, json("{'actions': []}")))
                .hasMessageContaining("not an OpenAPI Overlay 1.x document");
        assertThatThrownBy(() -> SpecOverlay.apply(spec, overlay("[{'update': {}}]")))
                .hasMessage("overlay action 1 has no target");
        assertThatThrownBy(() -> SpecOverlay.apply(json("{'a': 'text'}"), overlay("[{'target': '$.a', 'update': {}}]")))
                .hasMessageContaining("neither an object nor an array");
    }

    @Test
    void stripKeepsPropertiesNamedLikeOurKeysAndDropsEverythingElseOfOurs() {
        JsonNode spec = json("{'x-texter-webhook-events': [], 'components': {'schemas': {'T': {'example': {}, "
                + "'x-enum-varnames': [], 'properties': {'example': {'type': 'string', 'example': 'e', "
                + "'x-texter-inferred': true}}}}}, 'x-other': 1}");
        assertThat(SpecOverlay.strip(spec)).isEqualTo(json("{'components': {'schemas': {'T': {'properties': "
                + "{'example': {'type': 'string'}}}}}, 'x-other': 1}"));
    }
}
