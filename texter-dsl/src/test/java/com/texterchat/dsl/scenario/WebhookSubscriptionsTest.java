package com.texterchat.dsl.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.RuleTests;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.SubscriptionImportStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSubscriptionsTest extends RuleTests {

    private static final String URL = "https://crm.example.com/texter/webhook";
    private static final String WORD1 = "price list";
    private static final String WORD2 = "opening hours";
    /** What the official documents' placeholders are filled with; the builders are called with the same. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("yourWebhookURL", URL, "targetLabelId", "vip",
            "word1", WORD1, "word2", WORD2);

    /** The 19 events: method, event name, trigger events, eventData keys (the reference's event list). */
    static Stream<Arguments> events() {
        return Stream.of(
                event("allMessages", WebhookSubscriptions::allMessages, "newMessage", "domain.message.created", "message", "chat"),
                event("newIncomingMessages", WebhookSubscriptions::newIncomingMessages, "newIncomingMessage",
                        "domain.message.created", "message", "chat"),
                event("messagesWithSpecificText", u -> WebhookSubscriptions.messagesWithSpecificText(u, WORD1, WORD2),
                        "newMatchedMessage", "domain.message.created", "message", "chat"),
                event("messagesWithAttachments", WebhookSubscriptions::messagesWithAttachments, "newMediaMessage",
                        "domain.message.created", "message", "chat"),
                event("messageStatusChanged", WebhookSubscriptions::messageStatusChanged, "messageStatusChanged",
                        "app.message.statusRequest", "chat", "messageStatus", "error", "timestamp", "externalId"),
                event("messagesFailedToDeliver", WebhookSubscriptions::messagesFailedToDeliver, "messageFailed",
                        "app.message.statusRequest", "chat", "error", "timestamp", "externalId"),
                event("chatPending", WebhookSubscriptions::chatPending, "chatPending", "domain.chat.pending", "chat"),
                event("chatAssigned", WebhookSubscriptions::chatAssigned, "chatAssigned", "domain.chat.assigned", "chat", "agent"),
                event("chatResolved", WebhookSubscriptions::chatResolved, "chatResolved", "domain.chat.resolved", "chat"),
                event("chatResolvedByAgent", WebhookSubscriptions::chatResolvedByAgent, "chatResolvedByAgent",
                        "domain.chat.resolved", "chat"),
                event("chatResolvedByBot", WebhookSubscriptions::chatResolvedByBot, "chatResolvedByBot",
                        "domain.chat.resolved", "chat"),
                event("chatLabelsUpdated", WebhookSubscriptions::chatLabelsUpdated, "chatLabelsUpdated", "domain.chat.labels",
                        "chat", "oldLabels", "addedLabels", "removedLabels"),
                event("specificLabelAdded", u -> WebhookSubscriptions.specificLabelAdded(u, "vip"), "chatSpecificLabelAdded",
                        "domain.chat.labels", "chat", "oldLabels", "addedLabels", "removedLabels"),
                event("chatSubscribed", WebhookSubscriptions::chatSubscribed, "chatSubscribed", "domain.chat.subscribed", "chat"),
                event("chatUnsubscribed", WebhookSubscriptions::chatUnsubscribed, "chatUnsubscribed",
                        "domain.chat.unsubscribed", "chat"),
                event("externalBotEnabled", WebhookSubscriptions::externalBotEnabled, "externalBotEnabled",
                        "domain.chat.updated.externalBot", "chat"),
                event("externalBotDisabled", WebhookSubscriptions::externalBotDisabled, "externalBotDisabled",
                        "domain.chat.updated.externalBot", "chat"),
                event("channelHealthProblemCreated", WebhookSubscriptions::channelHealthProblemCreated,
                        "channelHealthProblemCreated", "domain.channel.health.problem.created", "problem"),
                event("channelHealthProblemResolved", WebhookSubscriptions::channelHealthProblemResolved,
                        "channelHealthProblemResolved", "domain.channel.health.problem.resolved", "problem"));
    }

    private static Arguments event(String method, Function<String, SubscriptionImport> subscribe, String eventName,
            String trigger, String... eventData) {
        return arguments(method, subscribe, eventName, trigger, List.of(eventData));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventPostsItsEnvelopeToTheUrl(String method, Function<String, SubscriptionImport> subscribe,
            String eventName, String trigger, List<String> eventData) {
        JsonNode body = Json.of(subscribe.apply(URL).build());

        assertThat(body.get("asStatus").asText()).isEqualTo("active");
        JsonNode data = body.get("data");
        assertThat(data.get("version").asText()).isEqualTo("v1");
        assertThat(data.get("name").asText()).startsWith("(SUB) ");
        assertThat(data.get("triggerEvents").get(0).asText()).isEqualTo(trigger);
        assertThat(data.get("actions")).hasSize(1);
        JsonNode request = data.at("/actions/0/params");
        assertThat(data.at("/actions/0/name").asText()).isEqualTo("request");
        assertThat(request.get("url").asText()).isEqualTo(URL);
        assertThat(request.get("method").asText()).isEqualTo("post");
        assertThat(request.get("json").asBoolean()).isTrue();
        assertThat(request.at("/data/eventName").asText()).isEqualTo(eventName);
        List<String> keys = new ArrayList<>();
        request.at("/data/eventData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(eventData);
        assertThat(data.get("options")).isEqualTo(Json.parse("{\"unorderedActions\": false}"));
        assertThat(TexterJson.mapper().convertValue(body, ImportSubscriptionRequest.class).getData().getName())
                .isEqualTo(data.get("name").asText());
    }

    @Test
    void thereIsOneMethodPerEventAndEveryEventNameOnce() {
        List<String> methods = events().map(a -> (String) a.get()[0]).toList();
        TreeSet<String> publicMethods = new TreeSet<>();
        for (var m : WebhookSubscriptions.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                publicMethods.add(m.getName());
            }
        }
        publicMethods.remove("messagesMatching"); // the free-expression variant of messagesWithSpecificText

        assertThat(publicMethods).containsExactlyInAnyOrderElementsOf(methods).hasSize(19);
        assertThat(events().map(a -> a.get()[2]).distinct()).hasSize(19);
    }

    /** The 19 official documents, {@code src/test/resources/reference/subscriptions/sub-*.json}, by file name. */
    static Stream<String> officialDocuments() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(WebhookSubscriptionsTest.class.getResource(
                "/reference/subscriptions"), "reference/subscriptions").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("sub-") && n.endsWith(".json"))
                    .sorted().toList().stream();
        }
    }

    /** {@code sub-chat-resolved-by-agent.json} is made by {@code chatResolvedByAgent}. */
    private static String builderOf(String file) {
        String[] words = file.substring("sub-".length(), file.length() - ".json".length()).split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    @Test
    void thereAre19OfficialDocumentsOneForEachBuilder() throws Exception {
        assertThat(officialDocuments().map(WebhookSubscriptionsTest::builderOf))
                .containsExactlyInAnyOrderElementsOf(events().map(a -> (String) a.get()[0]).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialDocuments")
    void eachBuilderProducesTexterOfficialDocumentExactly(String file) {
        String method = builderOf(file);
        @SuppressWarnings("unchecked")
        Function<String, SubscriptionImport> subscribe = (Function<String, SubscriptionImport>) events()
                .filter(a -> a.get()[0].equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no builder " + method + " for " + file)).get()[1];
        ImportSubscriptionRequest body = subscribe.apply(URL).build();
        ObjectNode ours = (ObjectNode) Json.of(body).get("data");
        ObjectNode official = (ObjectNode) Json.reference("subscriptions/" + file.replace(".json", ""), PLACEHOLDERS);

        // the description is this SDK's wording; everything else is Texter's document
        assertThat(ours.path("description").asText()).as("description of " + method).isNotBlank();
        ours.remove("description");
        official.remove("description");
        Json.assertEqualJson(method + "(...) vs " + file, ours, official);
        assertThat(body.getAsStatus()).isEqualTo(SubscriptionImportStatus.ACTIVE);
    }

    @Test
    void theImportExamplesOfTheSpecAreWhatTheBuildersSend() {
        Json.assertEqualJson("newIncomingMessages vs the spec's example",
                withoutDescription(Json.of(WebhookSubscriptions.newIncomingMessages(URL).build())),
                withoutDescription(Json.specRequestExample("importSubscription", "newIncomingMessage")));
        Json.assertEqualJson("chatResolvedByAgent vs the spec's example",
                withoutDescription(Json.of(WebhookSubscriptions.chatResolvedByAgent(URL).build())),
                withoutDescription(Json.specRequestExample("importSubscription", "chatResolvedByAgent")));
    }

    private static JsonNode withoutDescription(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) copy.get("data")).remove("description");
        return copy;
    }

    @Test
    void failedDeliveriesMatchStatusFourOrFive() {
        JsonNode conditions = Json.of(WebhookSubscriptions.messagesFailedToDeliver(URL).build()).at("/data/conditions");

        assertThat(conditions).hasSize(2);
        assertThat(conditions.at("/0/0/params/compareTo").asInt()).isEqualTo(4);
        assertThat(conditions.at("/1/0/params/compareTo").asInt()).isEqualTo(5);
    }

    @Test
    void wordsBecomeAQuotedOrExpression() {
        JsonNode body = Json.of(WebhookSubscriptions.messagesWithSpecificText(URL, "buy", "say \"hi\"").build());

        assertThat(body.at("/data/conditions/0/1/params/expression").asText())
                .isEqualTo("text == \"buy\" or text == \"say \\\"hi\\\"\"");
        assertThat(Json.of(WebhookSubscriptions.messagesMatching(URL, "(text == \"urgent\" and text == \"error\")").build())
                .at("/data/conditions/0/1/params/expression").asText())
                .isEqualTo("(text == \"urgent\" and text == \"error\")");
    }

    @ParameterizedTest
    @EnumSource(value = SubscriptionImportStatus.class, names = {"ACTIVE", "INACTIVE", "DRAFT"})
    void theStatusAndAuthorAreChosenByTheCaller(SubscriptionImportStatus status) {
        ImportSubscriptionRequest body = WebhookSubscriptions.chatPending(URL).asStatus(status).authorUid("uid-7").build();

        assertThat(Json.of(body).get("asStatus").asText()).isEqualTo(status.getValue());
        assertThat(body.getAuthorUid()).isEqualTo("uid-7");
    }

    @Test
    void eachBuildIsAnIndependentCopy() {
        SubscriptionImport subscription = WebhookSubscriptions.chatResolved(URL);
        ImportSubscriptionRequest first = subscription.build();
        first.getData().setName("changed");

        assertThat(subscription.build().getData().getName()).isEqualTo("(SUB) Chat Resolved");
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("placeholder left as URL", () -> texter.importSubscription(
                        WebhookSubscriptions.chatSubscribed("{{yourWebhookURL}}")), "url",
                        "must be an absolute http(s) URL, was '{{yourWebhookURL}}'"),
                rule("ftp URL", () -> texter.importSubscription(
                        WebhookSubscriptions.allMessages("ftp://example.com/hook")), "url", "must be an absolute http(s) URL"),
                rule("no words", () -> texter.importSubscription(
                        WebhookSubscriptions.messagesWithSpecificText(URL)), "words", "must have at least 1 item, was 0"),
                rule("empty word", () -> texter.importSubscription(
                        WebhookSubscriptions.messagesWithSpecificText(URL, "buy", "")), "words[1]", "must not be empty"),
                rule("word with a line break", () -> texter.importSubscription(
                        WebhookSubscriptions.messagesWithSpecificText(URL, "a\nb")), "text", "must not contain line breaks"),
                rule("blank expression", () -> texter.importSubscription(
                        WebhookSubscriptions.messagesMatching(URL, " ")), "expression", "must not be blank"),
                rule("empty label id", () -> texter.importSubscription(
                        WebhookSubscriptions.specificLabelAdded(URL, "")), "labelId", "must be 1-100 characters, was 0"),
                rule("label id over 100", () -> texter.importSubscription(
                        WebhookSubscriptions.specificLabelAdded(URL, "l".repeat(101))), "labelId",
                        "must be 1-100 characters, was 101"),
                rule("blank author", () -> texter.importSubscription(
                        WebhookSubscriptions.chatPending(URL).authorUid(" ")), "authorUid", "must not be blank"));
    }
}
