package com.texterchat.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.ChannelHealthProblemResolvedEventData;
import com.texterchat.model.ChatAssignedEventData;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.MessageDirection;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.MessageType;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.model.WebhookEventName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing webhook deliveries: all 19 events of the spec, unknown events, extra envelope keys and bad bodies. */
class TexterWebhooksTest {

    private static JsonNode spec;

    @BeforeAll
    static void readSpec() throws IOException {
        spec = TexterJson.mapper().readTree(TestServer.openApiJson().toFile());
    }

    /** eventName -> schema name, as the spec's {@code x-texter-webhook-events} lists them. */
    private static Map<String, String> specEvents() {
        Map<String, String> events = new LinkedHashMap<>();
        spec.path("x-texter-webhook-events").forEach(e -> events.put(e.path("eventName").asText(),
                e.path("eventData").asText().replace("#/components/schemas/", "")));
        return events;
    }

    static Stream<Arguments> specExamples() throws IOException {
        readSpec();
        return specEvents().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theEventNameToModelMappingMatchesTheSpecForAll19Events() {
        Map<String, String> fromSpec = specEvents();
        assertThat(fromSpec).hasSize(19);

        Map<String, String> fromSdk = Arrays.stream(WebhookEventName.values())
                .filter(name -> name != WebhookEventName.UNKNOWN)
                .collect(Collectors.toMap(WebhookEventName::getValue, name -> TexterWebhooks.eventDataType(
                        name.getValue()).map(Class::getSimpleName).orElse("none"), (a, b) -> a, LinkedHashMap::new));

        assertThat(fromSdk).containsExactlyInAnyOrderEntriesOf(fromSpec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specExamples")
    void eachEventParsesFromItsRealisticExampleIntoItsModel(String eventName, String schema) throws Exception {
        JsonNode example = spec.at("/components/schemas/" + schema + "/example");
        assertThat(example.isObject()).as("the spec has an example for " + schema).isTrue();
        ObjectNode envelope = TexterJson.mapper().createObjectNode().put("eventName", eventName);
        envelope.set("eventData", example);
        envelope.put("projectId", "demo");

        WebhookEvent event = TexterWebhooks.parse(TexterJson.mapper().writeValueAsString(envelope));

        assertThat(event).isInstanceOf(KnownWebhookEvent.class);
        assertThat(event.eventName()).isEqualTo(eventName);
        assertThat(event.type().getValue()).isEqualTo(eventName);
        assertThat(event.data().getClass().getSimpleName()).isEqualTo(schema);
        assertThat(((KnownWebhookEvent<?>) event).dataType()).isSameAs(event.data().getClass());
        assertThat(event.eventDataJson()).isEqualTo(example);
        assertThat(event.extras()).containsExactly(Map.entry("projectId", "demo"));
        List<String> unbound = new ArrayList<>();
        for (JsonNode required : spec.at("/components/schemas/" + schema + "/required")) {
            String property = required.asText();
            Method getter = event.data().getClass().getMethod("get" + Character.toUpperCase(property.charAt(0))
                    + property.substring(1));
            if (getter.invoke(event.data()) == null) {
                unbound.add(property);
            }
        }
        assertThat(unbound).as("required fields of " + schema + " left empty").isEmpty();
    }

    @Test
    void aCapturedIncomingMessageDeliveryParsesWithItsFields() {
        String body = "{\"eventName\":\"newIncomingMessage\",\"projectId\":\"acme\",\"eventData\":{"
                + "\"chat\":{\"_id\":\"67bf11038b24880cc966f799\",\"title\":\"Dana Levi\",\"status\":4,"
                + "\"unreadCount\":1,\"agent\":{\"uid\":\"4d170fc7\",\"displayName\":\"Tyler\"},"
                + "\"crmData\":{\"leadId\":641225},\"channelInfo\":{\"id\":\"972521234567\",\"name\":\"whatsapp\","
                + "\"accountId\":\"972509876543\"},\"lastMessage\":{\"text\":\"hi\",\"type\":\"text\",\"forwarded\":false}},"
                + "\"message\":{\"_id\":\"69062b15962e17ab3033f886\",\"text\":\"hi\",\"type\":\"text\",\"status\":2,"
                + "\"incoming\":true,\"outgoing\":false,\"direction\":\"incoming\","
                + "\"channelInfo\":{\"id\":\"wamid.HBgMOTcyNTI3NzYwOTg5FQIAEhgU\"},"
                + "\"parent_chat\":\"67bf11038b24880cc966f799\",\"chatChannelInfo\":{\"id\":\"972521234567\","
                + "\"name\":\"whatsapp\",\"accountId\":\"972509876543\"}}}}";

        WebhookEvent event = TexterWebhooks.parse(body);

        NewIncomingMessageEventData data = event.dataAs(NewIncomingMessageEventData.class).orElseThrow();
        assertThat(data.getChat().getStatus()).isEqualTo(ChatStatus.BULK);
        assertThat(data.getChat().getChannelInfo().getId()).isEqualTo("972521234567");
        assertThat(data.getMessage().getDirection()).isEqualTo(MessageDirection.INCOMING);
        assertThat(data.getMessage().getParentChat()).isEqualTo(data.getChat().getId());
        assertThat(data.getMessage().getType()).isEqualTo(MessageType.TEXT);
        assertThat(event.extra("projectId")).contains("acme");
        assertThat(event.dataAs(ChatAssignedEventData.class)).isEmpty();
    }

    @Test
    void statusChangesAssignmentsAndHealthEventsBindTheirOwnFields() {
        MessageStatusChangedEventData status = (MessageStatusChangedEventData) TexterWebhooks.parse(
                "{\"eventName\":\"messageStatusChanged\",\"eventData\":{\"chat\":{\"_id\":\"c1\"},\"messageStatus\":5,"
                        + "\"error\":\"(#131026) Message undeliverable\",\"timestamp\":1761574716050,"
                        + "\"externalId\":[\"wamid.1\",\"wamid.2\"]}}").data();
        assertThat(status.getMessageStatus()).isEqualTo(MessageStatus.CHANNEL_FAILED);
        assertThat(status.getExternalId()).containsExactly("wamid.1", "wamid.2");

        ChatAssignedEventData assigned = (ChatAssignedEventData) TexterWebhooks.parse(
                "{\"eventName\":\"chatAssigned\",\"eventData\":{\"chat\":{\"_id\":\"c1\",\"status\":2},"
                        + "\"agent\":{\"id\":\"u1\",\"email\":\"tyler@example.com\",\"displayName\":\"Tyler\"}}}").data();
        assertThat(assigned.getAgent().getEmail()).isEqualTo("tyler@example.com");

        ChannelHealthProblemResolvedEventData health = (ChannelHealthProblemResolvedEventData) TexterWebhooks.parse(
                "{\"eventName\":\"channelHealthProblemResolved\",\"eventData\":{\"problem\":{\"_id\":\"p1\","
                        + "\"channel\":\"whatsapp\",\"severity\":\"error\",\"resolvedAt\":1762012093000}}}")
                .data();
        assertThat(health.getProblem().getId()).isEqualTo("p1");
    }

    @Test
    void unknownValuesAndFieldsInsideAKnownEventDoNotBreakParsing() {
        WebhookEvent event = TexterWebhooks.parse("{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":"
                + "{\"_id\":\"c1\",\"status\":9,\"brandNewField\":{\"x\":1}},\"alsoNew\":true}}");

        assertThat(event.dataAs(com.texterchat.model.ChatResolvedEventData.class).orElseThrow().getChat()
                .getStatus()).isEqualTo(ChatStatus.UNKNOWN);
        assertThat(event.eventDataJson().path("alsoNew").asBoolean()).isTrue();
    }

    @Test
    void anUnknownEventNameIsPassedOnAsAGenericEventWithItsJson() {
        WebhookEvent event = TexterWebhooks.parse("{\"eventName\":\"setExternalTrue\",\"projectId\":\"acme\","
                + "\"eventData\":{\"chat\":{\"_id\":\"c1\"},\"messages\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");

        assertThat(event).isInstanceOfSatisfying(UnknownWebhookEvent.class, unknown -> {
            assertThat(unknown.type()).isEqualTo(WebhookEventName.UNKNOWN);
            assertThat(unknown.eventName()).isEqualTo("setExternalTrue");
            assertThat(unknown.data().at("/messages/0/text").asText()).isEqualTo("hi");
            assertThat(unknown.extras()).containsEntry("projectId", "acme");
        });
        assertThat(TexterWebhooks.parse("{\"eventName\":\"somethingNew\"}").eventDataJson().isEmpty()).isTrue();
        assertThat(event.toString()).isEqualTo("UnknownWebhookEvent[eventName=setExternalTrue, extras=[projectId]]");
    }

    @Test
    void stringBytesAndStreamParseAlike() {
        String body = "{\"eventName\":\"chatPending\",\"eventData\":{\"chat\":{\"_id\":\"c1\"}},\"extra\":[1,null]}";

        WebhookEvent fromString = TexterWebhooks.parse(body);
        WebhookEvent fromBytes = TexterWebhooks.parse(body.getBytes(StandardCharsets.UTF_8));
        WebhookEvent fromStream = TexterWebhooks.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(fromBytes).isEqualTo(fromString).hasSameHashCodeAs(fromString);
        assertThat(fromStream).isEqualTo(fromString);
        assertThat(fromString.extras().get("extra")).isEqualTo(Arrays.asList(1, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"eventName\":", "{\"eventName\":\"chatResolved\"} trailing",
        "{\"eventName\":\"chatResolved\"} {}", "{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":{\"_id\":}}}",
        "{\"eventData\":{\"chat\":{\"_id\" \"c1\"}},\"eventName\":\"chatResolved\"}"})
    void aBodyThatIsNotJsonIsRefusedClearly(String body) {
        assertThatThrownBy(() -> TexterWebhooks.parse(body)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageMatching("Webhook body (is not valid JSON: .*|is empty; .*)");
    }

    @Test
    void bodiesThatAreJsonButNoDeliveryAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> TexterWebhooks.parse("[]")).isInstanceOf(InvalidWebhookException.class)
                .hasMessage("Webhook body must be a JSON object with eventName and eventData, got a JSON array");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventData\":{}}")).isInstanceOf(InvalidWebhookException.class)
                .hasMessage("Webhook body needs a non-empty string eventName, got none");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":7,\"eventData\":{}}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageEndingWith("got 7");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"\",\"eventData\":{}}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("non-empty string eventName");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatAssigned\",\"eventData\":[1]}"))
                .isInstanceOf(InvalidWebhookException.class)
                .hasMessage("eventData of chatAssigned must be a JSON object, got a JSON array");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatAssigned\"}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessage("chatAssigned delivery has no eventData object");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatAssigned\",\"eventData\":"
                + "{\"chat\":{\"_id\":\"c1\",\"labels\":{\"a\":1}}}}"))
                .isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("eventData of chatAssigned does not fit ChatAssignedEventData at eventData.chat.labels");
    }

    @Test
    void eventDataBeforeEventNameParsesLikeTheUsualOrder() throws IOException {
        String data = "{\"chat\":{\"_id\":\"c1\",\"status\":2,\"labels\":[\"VIP\"]},\"alsoNew\":[1,2]}";

        WebhookEvent usual = TexterWebhooks.parse("{\"eventName\":\"chatPending\",\"eventData\":" + data
                + ",\"projectId\":\"acme\"}");
        WebhookEvent reversed = TexterWebhooks.parse("{\"projectId\":\"acme\",\"eventData\":" + data
                + ",\"eventName\":\"chatPending\"}");

        assertThat(reversed).isEqualTo(usual).hasSameHashCodeAs(usual);
        assertThat(reversed.data()).isEqualTo(usual.data());
        assertThat(reversed.eventDataJson().path("alsoNew")).hasSize(2);
        assertThat(TexterWebhooks.parse("{\"eventData\":" + data + ",\"eventName\":\"someCustomEvent\"}").data())
                .isEqualTo(TexterJson.mapper().readTree(data));
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventData\":{\"chat\":{\"labels\":{\"a\":1}}},"
                + "\"eventName\":\"chatPending\"}")).isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("eventData of chatPending does not fit ChatPendingEventData at eventData.chat.labels");
    }

    @Test
    void theEventDataJsonOfATypedEventIsTheDataAsReceivedAndCannotBeChangedThroughIt() {
        WebhookEvent event = TexterWebhooks.parse("{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":"
                + "{\"_id\":\"c1\"},\"alsoNew\":{\"x\":1}}}");

        ((ObjectNode) event.eventDataJson()).put("alsoNew", "changed");

        assertThat(event.eventDataJson().path("alsoNew").path("x").asInt()).isEqualTo(1);
        assertThat(event.eventDataJson().path("chat").path("_id").asText()).isEqualTo("c1");
    }

    @Test
    void reusingTheBodyArrayAfterParsingChangesNothingInTheEvent() {
        byte[] body = "{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":{\"_id\":\"c1\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        WebhookEvent event = TexterWebhooks.parse(body);

        java.util.Arrays.fill(body, (byte) ' ');

        assertThat(event.eventDataJson().path("chat").path("_id").asText()).isEqualTo("c1");
    }

    @Test
    void aKeyOfTheEnvelopeThatAppearsTwiceIsRefused() {
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatResolved\",\"eventName\":\"chatAssigned\","
                + "\"eventData\":{}}")).isInstanceOf(InvalidWebhookException.class)
                .hasMessage("Webhook body has eventName more than once");
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":{}},"
                + "\"eventData\":{}}")).isInstanceOf(InvalidWebhookException.class)
                .hasMessage("Webhook body has eventData more than once");
    }

    @Test
    void aNumberTooLargeForItsFieldDoesNotFitTheModel() {
        assertThatThrownBy(() -> TexterWebhooks.parse("{\"eventName\":\"chatResolved\",\"eventData\":{\"chat\":"
                + "{\"_id\":\"c1\",\"unreadCount\":99999999999}}}")).isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("eventData of chatResolved does not fit ChatResolvedEventData at eventData.chat.unreadCount");
    }
    // ---- values Texter fills in by string interpolation (%provider:key%) --------------------------------

    private static MessageStatusChangedEventData statusChange(String fields) {
        return TexterWebhooks.parse("{\"eventName\":\"messageStatusChanged\",\"eventData\":{\"chat\":{\"_id\":\"c1\"},"
                + fields + "}}").dataAs(MessageStatusChangedEventData.class).orElseThrow();
    }

    @Test
    void interpolatedStatusFieldsParseLikeTheirTypedForm() {
        MessageStatusChangedEventData typed = statusChange("\"messageStatus\":4,\"error\":\"(#131026) undeliverable\","
                + "\"timestamp\":1761574716050,\"externalId\":[\"wamid.HBgM\"]");
        MessageStatusChangedEventData interpolated = statusChange("\"messageStatus\":\"4\","
                + "\"error\":\"(#131026) undeliverable\",\"timestamp\":\"1761574716050\",\"externalId\":\"wamid.HBgM\"");

        assertThat(interpolated.getMessageStatus()).isEqualTo(MessageStatus.FAILED);
        assertThat(interpolated.getTimestamp()).isEqualTo(1761574716050L);
        assertThat(interpolated.getExternalId()).containsExactly("wamid.HBgM");
        assertThat(interpolated.getError()).isEqualTo("(#131026) undeliverable");
        assertThat(TexterJson.mapper().valueToTree(interpolated).toString())
                .isEqualTo(TexterJson.mapper().valueToTree(typed).toString());
    }

    @Test
    void aSingleInterpolatedIdIsKeptAsOneItemExactlyAsSent() {
        assertThat(statusChange("\"messageStatus\":3,\"externalId\":\"wamid.A,wamid.B\"").getExternalId())
                .containsExactly("wamid.A,wamid.B");
        assertThat(statusChange("\"messageStatus\":3,\"externalId\":[\"wamid.A\",\"wamid.B\"]").getExternalId())
                .containsExactly("wamid.A", "wamid.B");
    }

    @Test
    void booleansAndNumbersInsideTheChatMayComeAsStringsToo() {
        WebhookEvent event = TexterWebhooks.parse("{\"eventName\":\"externalBotEnabled\",\"eventData\":{\"chat\":"
                + "{\"_id\":\"c1\",\"externalBot\":\"true\",\"unreadCount\":\"2\",\"status\":\"4\"}}}");
        com.texterchat.model.Chat chat = event.dataAs(com.texterchat.model.ExternalBotEnabledEventData.class)
                .orElseThrow().getChat();

        assertThat(chat.getExternalBot()).isTrue();
        assertThat(chat.getUnreadCount()).isEqualTo(2);
        assertThat(chat.getStatus()).isEqualTo(ChatStatus.BULK);
    }

    static Stream<Arguments> stringsThatAreNoSuchValue() {
        String chat = "\"chat\":{\"_id\":\"c1\"}";
        return Stream.of(
                Arguments.of(chat + ",\"messageStatus\":\"abc\"", "eventData.messageStatus", "abc"),
                Arguments.of(chat + ",\"messageStatus\":\"3.0\"", "eventData.messageStatus", "3.0"),
                Arguments.of(chat + ",\"messageStatus\":3,\"timestamp\":\"abc\"", "eventData.timestamp", "abc"),
                Arguments.of(chat + ",\"messageStatus\":3,\"timestamp\":\"1.5\"", "eventData.timestamp", "1.5"),
                Arguments.of(chat + ",\"messageStatus\":3,\"timestamp\":\"%messageStatusRequest:timestamp%\"",
                        "eventData.timestamp", "%messageStatusRequest:timestamp%"),
                Arguments.of("\"chat\":{\"_id\":\"c1\",\"externalBot\":\"yes\"},\"messageStatus\":3",
                        "eventData.chat.externalBot", "yes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringsThatAreNoSuchValue")
    void aStringThatIsNoNumberOrBooleanIsRefusedNamingTheField(String eventData, String path, String value) {
        String body = "{\"eventName\":\"messageStatusChanged\",\"eventData\":{" + eventData + "}}";

        assertThatThrownBy(() -> TexterWebhooks.parse(body))
                .isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("eventData of messageStatusChanged does not fit MessageStatusChangedEventData at "
                        + path + ":")
                .hasMessageContaining(value);
    }
}
