package com.texterchat.testkit.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.testkit.RepoSpec;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The done-when of the engine: each of Texter's 19 official "(SUB)" documents, run for the event its page
 * documents (its providers made from the spec's example of the event's data), delivers exactly that example to a
 * real receiver on 127.0.0.1, and {@link TexterWebhooks#parse} reads the delivery. Then the conditions that keep
 * other events out.
 */
class OfficialSubscriptionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DOCUMENTS = RepoSpec.officialSubscriptionDocuments();
    private static final Receiver RECEIVER = new Receiver();
    private static final String PATH = "/hooks/texter";

    private final ScenarioEngine engine = new ScenarioEngine();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @BeforeEach
    void receiverAnswers200() {
        RECEIVER.answering(200);
    }

    /** file, eventName, trigger, and the user's other placeholders. */
    static Stream<Arguments> documents() {
        return Stream.of(
                arguments("sub-all-messages.json", "newMessage", "domain.message.created", Map.of()),
                arguments("sub-new-incoming-messages.json", "newIncomingMessage", "domain.message.created", Map.of()),
                arguments("sub-messages-with-specific-text.json", "newMatchedMessage", "domain.message.created",
                        Map.of("{{word1}}", "help", "{{word2}}", "I want to speak to a human")),
                arguments("sub-messages-with-attachments.json", "newMediaMessage", "domain.message.created", Map.of()),
                arguments("sub-message-status-changed.json", "messageStatusChanged", "app.message.statusRequest",
                        Map.of()),
                arguments("sub-messages-failed-to-deliver.json", "messageFailed", "app.message.statusRequest",
                        Map.of()),
                arguments("sub-chat-pending.json", "chatPending", "domain.chat.pending", Map.of()),
                arguments("sub-chat-assigned.json", "chatAssigned", "domain.chat.assigned", Map.of()),
                arguments("sub-chat-resolved.json", "chatResolved", "domain.chat.resolved", Map.of()),
                arguments("sub-chat-resolved-by-agent.json", "chatResolvedByAgent", "domain.chat.resolved", Map.of()),
                arguments("sub-chat-resolved-by-bot.json", "chatResolvedByBot", "domain.chat.resolved", Map.of()),
                arguments("sub-chat-labels-updated.json", "chatLabelsUpdated", "domain.chat.labels", Map.of()),
                arguments("sub-specific-label-added.json", "chatSpecificLabelAdded", "domain.chat.labels",
                        Map.of("{{targetLabelId}}", "escalated")),
                arguments("sub-chat-subscribed.json", "chatSubscribed", "domain.chat.subscribed", Map.of()),
                arguments("sub-chat-unsubscribed.json", "chatUnsubscribed", "domain.chat.unsubscribed", Map.of()),
                arguments("sub-external-bot-enabled.json", "externalBotEnabled", "domain.chat.updated.externalBot",
                        Map.of()),
                arguments("sub-external-bot-enabled.json", "externalBotEnabled", "app.bot.chat.setExternal",
                        Map.of()),
                arguments("sub-external-bot-disabled.json", "externalBotDisabled", "domain.chat.updated.externalBot",
                        Map.of()),
                arguments("sub-external-bot-disabled.json", "externalBotDisabled", "app.bot.chat.setExternal",
                        Map.of()),
                arguments("sub-channel-health-problem-created.json", "channelHealthProblemCreated",
                        "domain.channel.health.problem.created", Map.of()),
                arguments("sub-channel-health-problem-resolved.json", "channelHealthProblemResolved",
                        "domain.channel.health.problem.resolved", Map.of()));
    }

    @Test
    void theCasesCoverEveryOfficialDocumentAndEveryEventOfTheSpec() throws IOException {
        TreeSet<String> files = RepoSpec.officialSubscriptionFileNames();
        TreeSet<String> events = RepoSpec.webhookEventNames();

        assertThat(files).hasSize(19);
        assertThat(events).hasSize(19);
        assertThat(documents().map(a -> (String) a.get()[0])).containsAll(files);
        assertThat(new TreeSet<>(documents().map(a -> (String) a.get()[1]).toList())).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0} on {2} delivers {1}")
    @MethodSource("documents")
    void theDocumentDeliversThePayloadItsEventPageDocuments(String file, String eventName, String trigger,
            Map<String, String> placeholders) {
        JsonNode example = example(eventName);
        JsonNode document = document(file, RECEIVER.url(PATH), placeholders);
        int before = RECEIVER.received().size();

        ScenarioRun run = engine.execute("scn-" + file, document, event(trigger, eventName, example), host(example));

        JsonNode delivered = asDelivered(document, example);
        JsonNode expected = envelope(eventName, delivered);
        assertThat(run.success()).as("run %s", run).isTrue();
        assertThat(run.conditionsResult()).isTrue();
        assertThat(run.deliveries()).hasSize(1);
        WebhookDelivery delivery = run.deliveries().get(0);
        assertThat(delivery.error()).isEmpty();
        assertThat(delivery.status()).hasValue(200);
        assertThat(delivery.scenarioId()).isEqualTo("scn-" + file);
        assertThat(delivery.scenarioName()).isEqualTo(document.path("name").asText()).startsWith("(SUB) ");
        assertThat(delivery.trigger()).isEqualTo(trigger);
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(delivery.url()).isEqualTo(RECEIVER.url(PATH));
        assertThat(delivery.at()).isEqualTo(FakeHost.NOW);
        assertThat(delivery.body()).isEqualTo(expected);

        List<Receiver.Received> received = RECEIVER.received().subList(before, RECEIVER.received().size());
        assertThat(received).hasSize(1);
        Receiver.Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(PATH);
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        assertThat(tree(request.body())).isEqualTo(expected);

        WebhookEvent parsed = TexterWebhooks.parse(request.body());
        assertThat(parsed.eventName()).isEqualTo(eventName);
        assertThat(parsed).isInstanceOf(KnownWebhookEvent.class);
        assertThat(((KnownWebhookEvent<?>) parsed).dataType())
                .isEqualTo(TexterWebhooks.eventDataType(eventName).orElseThrow());
        assertThat(parsed.eventDataJson()).isEqualTo(delivered);
        // what the typed parse makes of the delivery (interpolated fields as strings) is what it makes of the example
        assertThat(((KnownWebhookEvent<?>) parsed).data()).isEqualTo(((KnownWebhookEvent<?>) TexterWebhooks.parse(
                Json.write(envelope(eventName, example)).getBytes(StandardCharsets.UTF_8))).data());
    }

    /**
     * The event page's example as the document delivers it: every eventData field the document fills by string
     * interpolation ({@code "%messageStatusRequest:status%"}) arrives as a string (a list of ids joined with commas),
     * as the reference says Texter sends them; {@code ##provide} fields keep their types.
     */
    static JsonNode asDelivered(JsonNode document, JsonNode example) {
        ObjectNode out = example.deepCopy();
        document.at("/actions/0/params/data/eventData").properties().forEach(field -> {
            JsonNode value = out.get(field.getKey());
            boolean interpolated = field.getValue().isTextual() && field.getValue().textValue().matches("%[^%|]+%");
            if (interpolated && value != null && !value.isNull() && !value.isTextual()) {
                List<String> parts = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(item -> parts.add(item.isTextual() ? item.textValue() : item.toString()));
                } else {
                    parts.add(value.toString());
                }
                out.put(field.getKey(), String.join(",", parts));
            }
        });
        return out;
    }

    // ---- the conditions keep other events out ------------------------------------------------------------

    @Test
    void anOutgoingMessageIsNoNewIncomingMessageAndItsChatIsNotLoaded() {
        JsonNode outgoing = example("newMessage");
        assertThat(outgoing.at("/message/direction").asText()).isEqualTo("outgoing");
        FakeHost host = host(outgoing);

        ScenarioRun run = runQuietly("sub-new-incoming-messages.json", Map.of(), "domain.message.created",
                "newMessage", outgoing, host);

        assertThat(run.triggered()).isTrue();
        assertThat(run.conditionsResult()).isFalse();
        assertThat(run.deliveries()).isEmpty();
        assertThat(host.loads()).as("the chat loader runs after the conditions").isEmpty();
    }

    @Test
    void allMessagesLoadsTheChatBeforeItsConditionsAndDeliversOutgoingOnesToo() {
        JsonNode outgoing = example("newMessage");
        FakeHost host = host(outgoing);

        ScenarioRun run = runQuietly("sub-all-messages.json", Map.of(), "domain.message.created", "newMessage",
                outgoing, host);

        assertThat(run.deliveries()).hasSize(1);
        assertThat(host.loads()).extracting(FakeHost.Call::name).containsExactly("chat");
        assertThat(host.loads().get(0).params()).isEqualTo(
                JsonNodeFactory.instance.objectNode().put("id", outgoing.at("/message/parent_chat").asText()));
    }

    @Test
    void aTextMessageIsNoMediaMessage() {
        assertNothingDelivered("sub-messages-with-attachments.json", Map.of(), "domain.message.created",
                "newIncomingMessage", example("newIncomingMessage"));
    }

    @Test
    void aMessageWithOtherWordsIsNoMatchedMessage() {
        assertNothingDelivered("sub-messages-with-specific-text.json", Map.of("{{word1}}", "buy", "{{word2}}",
                "purchase"), "domain.message.created", "newMatchedMessage", example("newMatchedMessage"));
    }

    @Test
    void aLabelOtherThanTheTargetOneIsNotASpecificLabelAdded() {
        assertNothingDelivered("sub-specific-label-added.json", Map.of("{{targetLabelId}}", "vip"),
                "domain.chat.labels", "chatSpecificLabelAdded", example("chatSpecificLabelAdded"));
    }

    @Test
    void aChatResolvedByTheBotIsNotResolvedByAnAgentAndTheOtherWayRound() {
        JsonNode byBot = example("chatResolvedByBot");
        assertThat(byBot.at("/chat/agent/uid").isNull()).isTrue();
        assertNothingDelivered("sub-chat-resolved-by-agent.json", Map.of(), "domain.chat.resolved",
                "chatResolvedByBot", byBot);
        assertNothingDelivered("sub-chat-resolved-by-bot.json", Map.of(), "domain.chat.resolved",
                "chatResolvedByAgent", example("chatResolvedByAgent"));
    }

    @Test
    void aChatWithoutAnyAgentIsResolvedByTheBot() {
        ObjectNode noAgent = example("chatResolvedByBot").deepCopy();
        ((ObjectNode) noAgent.get("chat")).remove("agent");

        ScenarioRun run = runQuietly("sub-chat-resolved-by-bot.json", Map.of(), "domain.chat.resolved",
                "chatResolvedByBot", noAgent, host(noAgent));

        assertThat(run.deliveries()).hasSize(1);
        assertThat(run.deliveries().get(0).body()).isEqualTo(envelope("chatResolvedByBot", noAgent));
    }

    @Test
    void externalBotEnabledAndDisabledEachTakeOnlyTheirValue() {
        assertNothingDelivered("sub-external-bot-enabled.json", Map.of(), "domain.chat.updated.externalBot",
                "externalBotDisabled", example("externalBotDisabled"));
        assertNothingDelivered("sub-external-bot-disabled.json", Map.of(), "app.bot.chat.setExternal",
                "externalBotEnabled", example("externalBotEnabled"));
    }

    @Test
    void aDeliveredOrSeenMessageIsNoFailureButChannelFailedIs() {
        ObjectNode seen = example("messageStatusChanged").deepCopy();
        assertThat(seen.path("messageStatus").asInt()).isEqualTo(3);
        assertNothingDelivered("sub-messages-failed-to-deliver.json", Map.of(), "app.message.statusRequest",
                "messageStatusChanged", seen);

        ObjectNode channelFailed = example("messageFailed").deepCopy();
        channelFailed.put("messageStatus", 5); // the provider's status; messageFailed's payload does not carry it
        FakeHost host = host(channelFailed);
        JsonNode failedDocument = document("sub-messages-failed-to-deliver.json", RECEIVER.url(PATH), Map.of());
        ScenarioRun run = engine.execute("s", failedDocument,
                event("app.message.statusRequest", "messageFailed", channelFailed), host);
        assertThat(run.deliveries()).hasSize(1);
        assertThat(run.deliveries().get(0).body())
                .isEqualTo(envelope("messageFailed", asDelivered(failedDocument, example("messageFailed"))));
        assertThat(run.steps()).extracting(ScenarioStep::type, ScenarioStep::name).containsExactly(
                tuple("event", "app.message.statusRequest"),
                tuple("condition", "compare"),
                tuple("condition", "compare"),
                tuple("loader", "chat"),
                tuple("action", "request"));
    }

    @Test
    void anotherTriggerRunsNothing() {
        JsonNode resolved = example("chatResolved");
        FakeHost host = host(resolved);

        ScenarioRun run = engine.execute("s", document("sub-chat-pending.json", RECEIVER.url(PATH), Map.of()),
                event("domain.chat.resolved", "chatResolved", resolved), host);

        assertThat(run.triggered()).isFalse();
        assertThat(run.steps()).isEmpty();
        assertThat(run.deliveries()).isEmpty();
    }

    // ---- receivers ------------------------------------------------------------------------------------

    @Test
    void aReceiverAnswering500IsRecordedWithItsStatus() {
        RECEIVER.answering(500);
        JsonNode example = example("chatPending");

        List<WebhookDelivery> deliveries = engine.run("s", document("sub-chat-pending.json", RECEIVER.url(PATH),
                Map.of()), event("domain.chat.pending", "chatPending", example), host(example));

        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).status()).hasValue(500);
        assertThat(deliveries.get(0).error()).isEmpty();
    }

    @Test
    void anUnreachableReceiverIsADeliveryWithAnErrorAndNoException() {
        Receiver closed = new Receiver();
        String url = closed.url(PATH);
        closed.close();
        JsonNode example = example("chatPending");

        ScenarioRun run = engine.execute("s", document("sub-chat-pending.json", url, Map.of()),
                event("domain.chat.pending", "chatPending", example), host(example));

        assertThat(run.deliveries()).hasSize(1);
        WebhookDelivery delivery = run.deliveries().get(0);
        assertThat(delivery.status()).isEmpty();
        assertThat(delivery.error()).hasValueSatisfying(e -> assertThat(e).startsWith("could not connect"));
        assertThat(delivery.body()).isEqualTo(envelope("chatPending", example));
        assertThat(run.steps().get(run.steps().size() - 1).error()).isEqualTo(delivery.error());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void assertNothingDelivered(String file, Map<String, String> placeholders, String trigger,
            String eventName, JsonNode example) {
        int before = RECEIVER.received().size();
        ScenarioRun run = runQuietly(file, placeholders, trigger, eventName, example, host(example));
        assertThat(run.triggered()).isTrue();
        assertThat(run.conditionsResult()).isFalse();
        assertThat(run.success()).isTrue();
        assertThat(run.deliveries()).isEmpty();
        assertThat(RECEIVER.received()).hasSize(before);
    }

    private ScenarioRun runQuietly(String file, Map<String, String> placeholders, String trigger, String eventName,
            JsonNode example, FakeHost host) {
        return engine.execute("s", document(file, RECEIVER.url(PATH), placeholders),
                event(trigger, eventName, example), host);
    }

    /** The spec's example of an event's data (what its page documents). */
    static JsonNode example(String eventName) {
        for (JsonNode event : RepoSpec.root().path("x-texter-webhook-events")) {
            if (event.path("eventName").asText().equals(eventName)) {
                String ref = event.path("eventData").asText();
                return RepoSpec.root().at(ref.substring(1) + "/example");
            }
        }
        throw new IllegalArgumentException("no event " + eventName);
    }

    static JsonNode envelope(String eventName, JsonNode eventData) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("eventName", eventName);
        envelope.set("eventData", eventData);
        return envelope;
    }

    /** An official document, with the user's placeholders filled as text, the way a user edits the file. */
    static JsonNode document(String file, String url, Map<String, String> placeholders) {
        try {
            String text = Files.readString(DOCUMENTS.resolve(file)).replace("{{yourWebhookURL}}", url);
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                text = text.replace(p.getKey(), p.getValue());
            }
            assertThat(text).doesNotContain("{{");
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event the simulator raises for an event page's example, with the provider shapes the simulator hands
     * the engine: {@code message}, {@code messageStatusRequest}, {@code chat}, {@code agent}, the three label
     * lists, {@code problem}.
     */
    static SimEvent event(String trigger, String eventName, JsonNode example) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> providers = new HashMap<>();
        JsonNode chat = example.path("chat");
        if (example.has("message")) {
            providers.put("message", f.objectNode().<ObjectNode>set("message", example.get("message"))
                    .put("parent_chat", example.at("/message/parent_chat").asText()));
        } else if (eventName.startsWith("message")) {
            ObjectNode request = f.objectNode();
            request.set("ids", example.get("externalId"));
            request.set("status", example.has("messageStatus") ? example.get("messageStatus") : f.numberNode(4));
            request.set("timestamp", example.get("timestamp"));
            request.set("error", example.get("error"));
            request.set("chat", f.objectNode().put("id", chat.at("/channelInfo/id").asText())
                    .put("accountId", chat.at("/channelInfo/accountId").asText())
                    .put("name", chat.at("/channelInfo/name").asText()));
            providers.put("messageStatusRequest", request);
        } else if (example.has("chat")) {
            providers.put("chat", chatProvider(chat));
        }
        if (example.has("agent")) {
            JsonNode agent = example.get("agent");
            providers.put("agent", f.objectNode().put("_id", agent.path("id").asText())
                    .put("crmId", agent.path("crmId").asText()).put("displayName", agent.path("displayName").asText())
                    .put("email", agent.path("email").asText()).set("roles", agent.path("roles")));
        }
        for (String labels : List.of("oldLabels", "addedLabels", "removedLabels")) {
            if (example.has(labels)) {
                providers.put(labels, f.objectNode().set("labels", example.get(labels)));
            }
        }
        if (example.has("problem")) {
            providers.put("problem", f.objectNode().set("problem", example.get("problem")));
        }
        return new SimEvent(trigger, providers);
    }

    private static ObjectNode chatProvider(JsonNode chat) {
        return JsonNodeFactory.instance.objectNode().<ObjectNode>set("chat", chat)
                .put("externalBot", chat.path("externalBot").asBoolean());
    }

    /** A host whose {@code chat} loader finds the example's chat by id or by channel, and nothing else. */
    static FakeHost host(JsonNode example) {
        JsonNode chat = example.path("chat");
        Function<JsonNode, Boolean> matches = params -> {
            if (params.has("id")) {
                return params.path("id").asText().equals(example.at("/message/parent_chat").asText());
            }
            return params.path("name").asText().equals(chat.at("/channelInfo/name").asText())
                    && params.path("accountId").asText().equals(chat.at("/channelInfo/accountId").asText())
                    && params.path("idByChannel").asText().equals(chat.at("/channelInfo/id").asText());
        };
        return new FakeHost((name, params) -> name.equals("chat") && matches.apply(params)
                ? Map.of("chat", chatProvider(chat)) : Map.of());
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
