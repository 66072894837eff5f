package com.texterchat.dsl.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.webhook.InvalidWebhookException;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.dsl.support.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Texter's official subscriptions deliver parses: every eventData value that a document fills by string
 * interpolation ({@code "%provider:key%"}, so it arrives as a string) is read by {@link TexterWebhooks#parse} into
 * the same model as its typed form. The fields come from the 19 documents themselves.
 */
class OfficialSubscriptionDeliveriesTest {

    /** A whole value that is one placeholder: Texter replaces it by the provider's value as text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^%[A-Za-z_][A-Za-z0-9_]*:[^%]+%$");

    /** Every interpolated eventData field of the official documents: file, eventName, JSON pointer, placeholder. */
    static Stream<Arguments> interpolatedFields() throws IOException, URISyntaxException {
        List<Arguments> fields = new ArrayList<>();
        for (String file : WebhookSubscriptionsTest.officialDocuments().toList()) {
            JsonNode document = Json.reference("subscriptions/" + file.replace(".json", ""), Map.of());
            for (JsonNode action : document.get("actions")) {
                if (!action.path("name").asText().equals("request")) {
                    continue;
                }
                JsonNode data = action.at("/params/data");
                collect(file, data.get("eventName").asText(), data.get("eventData"), "", fields);
            }
        }
        return fields.stream();
    }

    private static void collect(String file, String eventName, JsonNode node, String pointer, List<Arguments> into) {
        if (node.isTextual() && PLACEHOLDER.matcher(node.asText()).matches()) {
            into.add(arguments(file, eventName, pointer, node.asText()));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(file, eventName, field.getValue(), pointer + "/" + field.getKey(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(file, eventName, node.get(i), pointer + "/" + i, into);
            }
        }
    }

    @Test
    void theDocumentsInterpolateTheStatusFieldsOfTheTwoStatusEvents() throws Exception {
        assertThat(interpolatedFields().map(a -> a.get()[1] + (String) a.get()[2])).containsExactlyInAnyOrder(
                "messageFailed/error", "messageFailed/timestamp", "messageFailed/externalId",
                "messageStatusChanged/messageStatus", "messageStatusChanged/error", "messageStatusChanged/timestamp",
                "messageStatusChanged/externalId");
    }

    @ParameterizedTest(name = "{1}{2} = {3} ({0})")
    @MethodSource("interpolatedFields")
    void theInterpolatedStringParsesLikeTheTypedValue(String file, String eventName, String pointer, String placeholder) {
        ObjectNode typedData = typedExample(eventName, pointer);
        JsonNode typed = typedData.at(pointer);
        ObjectNode stringData = typedData.deepCopy();
        set(stringData, pointer, JsonNodeFactory.instance.textNode(asInterpolated(typed)));

        WebhookEvent fromTyped = TexterWebhooks.parse(delivery(eventName, typedData));
        WebhookEvent fromString = TexterWebhooks.parse(delivery(eventName, stringData));

        assertThat(fromString.eventDataJson().at(pointer).isTextual()).as("the delivery carries a string").isTrue();
        assertThat(Json.of(fromTyped.data()).at(pointer)).as("the typed form binds").isEqualTo(typed);
        assertThat(Json.of(fromString.data())).as("the string form binds to the same model").isEqualTo(
                Json.of(fromTyped.data()));
    }

    /** For the fields whose typed form is a number or a boolean: a string that is none is refused, not guessed. */
    static Stream<Arguments> interpolatedScalarFields() throws Exception {
        return interpolatedFields().filter(a -> {
            JsonNode typed = typedExample((String) a.get()[1], (String) a.get()[2]).at((String) a.get()[2]);
            return typed.isNumber() || typed.isBoolean();
        });
    }

    @Test
    void theNumbersAmongThemAreTheStatusAndTheTimestamp() throws Exception {
        assertThat(interpolatedScalarFields().map(a -> a.get()[1] + (String) a.get()[2])).containsExactlyInAnyOrder(
                "messageFailed/timestamp", "messageStatusChanged/messageStatus", "messageStatusChanged/timestamp");
    }

    @ParameterizedTest(name = "{1}{2} ({0})")
    @MethodSource("interpolatedScalarFields")
    void aStringThatIsNoSuchValueIsRefusedNamingTheField(String file, String eventName, String pointer,
            String placeholder) {
        ObjectNode data = typedExample(eventName, pointer);
        set(data, pointer, JsonNodeFactory.instance.textNode("abc"));

        assertThatThrownBy(() -> TexterWebhooks.parse(delivery(eventName, data)))
                .isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("at eventData" + pointer.replace('/', '.') + ":")
                .hasMessageContaining("\"abc\"");
    }

    /**
     * The spec's example of the event's data, with a typed value at {@code pointer}: a one-item list where the
     * field is a list (one interpolated ID is one string), a provider error where the example has {@code null}.
     */
    private static ObjectNode typedExample(String eventName, String pointer) {
        Class<?> type = TexterWebhooks.eventDataType(eventName).orElseThrow();
        ObjectNode data = Json.specSchemaExample(type.getSimpleName()).deepCopy();
        JsonNode value = data.at(pointer);
        if (value.isArray()) {
            assertThat(value.size()).as("example list at " + pointer).isPositive();
            set(data, pointer, JsonNodeFactory.instance.arrayNode().add(value.get(0)));
        } else if (value.isNull() || value.isMissingNode()) {
            set(data, pointer, JsonNodeFactory.instance.textNode("(#131047) Re-engagement message"));
        }
        return data;
    }

    /** The text Texter puts in place of {@code %provider:key%} for a typed value. */
    private static String asInterpolated(JsonNode typed) {
        if (typed.isArray()) {
            return typed.get(0).asText();
        }
        assertThat(typed.isValueNode()).as("a scalar or a list, was " + typed).isTrue();
        return typed.asText();
    }

    private static void set(ObjectNode data, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) data.at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), value);
    }

    private static String delivery(String eventName, JsonNode eventData) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("eventName", eventName);
        envelope.set("eventData", eventData);
        try {
            return TexterJson.mapper().writeValueAsString(envelope);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
