package com.texterchat.dsl.scenario;

import static com.texterchat.dsl.scenario.ScenarioComponents.filtrex;
import static com.texterchat.dsl.scenario.ScenarioComponents.loader;
import static com.texterchat.dsl.scenario.ScenarioValues.provide;
import static com.texterchat.dsl.support.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.RuleTests;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.ScenarioDraftOperation;
import com.texterchat.model.ScenarioLoaderPosition;
import com.texterchat.model.ScenarioLoop;
import com.texterchat.model.SubscriptionImportStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class ScenariosTest extends RuleTests {

    @Test
    void valueHelpersWriteInjectionsAndPlaceholders() {
        assertSameJson(Json.of(provide("message", "parent_chat")),
                Json.parse("{\"##provide\": {\"provider\": \"message\", \"key\": \"parent_chat\"}}"));
        assertSameJson(Json.of(provide("chat", "channelInfo", Map.of("name", "whatsapp"))),
                Json.parse("{\"name\": \"whatsapp\", \"##provide\": {\"provider\": \"chat\", \"key\": \"channelInfo\"}}"));
        assertThat(ScenarioValues.interpolate("chat", "_id", "toString")).isEqualTo("%chat:_id|toString%");
        assertThat(ScenarioValues.interpolate("chat", "chat")).isEqualTo("%chat:chat%");
        assertThat(ScenarioValues.filtrexString("say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
    }

    @Test
    void theBuilderWritesTheSpecsImportExample() {
        ScenarioDocument document = Scenarios.scenario("(SUB) New Incoming Messages")
                .description("Sends a webhook for each new incoming message")
                .trigger("domain.message.created")
                .afterConditions(loader("chat", "chat", Map.of("id", provide("message", "parent_chat"))))
                .allOf(filtrex("direction == \"incoming\"", provide("message", "message")))
                .action(ScenarioComponents.request("https://crm.example.com/texter/webhook", Map.of(
                        "eventName", "newIncomingMessage",
                        "eventData", Map.of("message", provide("message", "message"), "chat", provide("chat", "chat")))))
                .build();

        ImportSubscriptionRequest body = Scenarios.importOf(document).build();

        assertSameJson(Json.of(body), Json.specRequestExample("importSubscription", "newIncomingMessage"));
    }

    @Test
    void loaderListsAppearOnlyWhenAskedFor() {
        ScenarioComponent action = ScenarioComponents.request("https://crm.example.com/hook", Map.of("eventName", "x"));
        ScenarioDocument none = Scenarios.scenario("s").trigger("domain.chat.pending").action(action).build();
        ScenarioDocument empty = Scenarios.scenario("s").trigger("domain.chat.pending").beforeConditions().action(action)
                .build();

        assertThat(Json.of(none).get("loaders")).isEqualTo(Json.parse("{}"));
        assertThat(Json.of(empty).get("loaders")).isEqualTo(Json.parse("{\"beforeConditions\": []}"));
    }

    @Test
    void loopsMakeVersionOnePointOneAndOptionsAreWritten() {
        ScenarioDocument document = Scenarios.scenario("Nightly follow-up")
                .trigger("app.scenarios.customTriggers.cron")
                .beforeConditions(loader("chatsList", "chats", Map.of("limit", 100)))
                .foreach(LoopPosition.BEFORE_ACTIONS, "item", provide("chats", "chats"), 5)
                .anyOf(g -> g.add(ScenarioComponents.compare(ScenarioComponents.Comparison.GREATER_THAN, 0,
                        provide("item", "unreadCount"))))
                .action(ScenarioComponents.component("runBot", Map.of("nodeName", "follow_up",
                        "chatId", ScenarioValues.interpolate("item", "_id", "toString"))))
                .tags("follow-up")
                .unorderedActions(true)
                .build();

        assertSameJson(Json.of(document), Json.parse("""
                {"version": "v1.1", "name": "Nightly follow-up", "triggerEvents": ["app.scenarios.customTriggers.cron"],
                 "loaders": {"beforeConditions": [{"name": "chatsList", "alias": "chats", "params": {"limit": 100},
                   "confidentialData": false}]},
                 "conditions": [[{"name": "compare", "params": {"comparison": "Greater than", "compareTo": 0,
                   "value": {"##provide": {"provider": "item", "key": "unreadCount"}}}, "confidentialData": false}]],
                 "actions": [{"name": "runBot", "params": {"nodeName": "follow_up", "chatId": "%item:_id|toString%"},
                   "confidentialData": false}],
                 "loops": [{"loop": {"type": "foreach", "as": "item", "input": {"##provide": {"provider": "chats", "key": "chats"}},
                   "confidentialData": false, "foreachMode": "parallel", "concurency": 5}, "position": "beforeActions"}],
                 "tags": ["follow-up"], "options": {"unorderedActions": true}}"""));
    }

    @Test
    void draftOperationsMatchTheSpecExample() {
        List<ScenarioDraftOperation> operations = DraftOperation.toModels(List.of(
                DraftOperation.rename("(SUB) VIP messages"),
                DraftOperation.addCondition(0, "filtrex", Map.of("expression", "inArray(labels, \"VIP\")"))));

        assertSameJson(Json.of(operations), Json.specRequestExample("updateScenarioDraft", "default"));
    }

    @Test
    void eachOfTheTwelveDraftOperationsIsOneKey() {
        List<DraftOperation> all = List.of(
                DraftOperation.addTriggerEvent("domain.chat.labels"),
                DraftOperation.removeTriggerEvent("domain.chat.pending"),
                DraftOperation.addLoader(ScenarioLoaderPosition.AFTER_CONDITIONS, "user", "agent", Map.of("id", "u1")),
                DraftOperation.removeLoader(ScenarioLoaderPosition.BEFORE_CONDITIONS, 0),
                DraftOperation.addCondition(1, "filtrex", Map.of("expression", "exists(agent.uid)")),
                DraftOperation.removeCondition(0, 2),
                DraftOperation.addAction(ScenarioComponents.request("https://example.com/hook", Map.of("a", 1))),
                DraftOperation.removeAction(1),
                DraftOperation.addLoop(LoopPosition.BEFORE_CONDITIONS, Map.of("type", "foreach")),
                DraftOperation.removeLoop(0),
                DraftOperation.rename("Renamed"),
                DraftOperation.setUnorderedActions(true));

        assertSameJson(Json.of(DraftOperation.toModels(all)), Json.parse("""
                [{"addTriggerEvent": "domain.chat.labels"},
                 {"removeTriggerEvent": "domain.chat.pending"},
                 {"addLoader": {"name": "user", "position": "afterConditions", "params": {"id": "u1"}, "alias": "agent"}},
                 {"removeLoader": {"index": 0, "position": "beforeConditions"}},
                 {"addCondition": {"name": "filtrex", "params": {"expression": "exists(agent.uid)"}, "groupIndex": 1}},
                 {"removeCondition": {"groupIndex": 0, "index": 2}},
                 {"addAction": {"name": "request", "params": {"url": "https://example.com/hook", "method": "post",
                   "json": true, "data": {"a": 1}}, "confidentialData": false}},
                 {"removeAction": 1},
                 {"addLoop": {"loop": {"type": "foreach"}, "position": "beforeConditions"}},
                 {"removeLoop": 0},
                 {"rename": "Renamed"},
                 {"setUnorderedActions": true}]"""));
        assertThat(DraftOperation.class.getPermittedSubclasses()).hasSize(12);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("no trigger", () -> importing(base().build()), "triggerEvents", "must have at least 1 item, was 0"),
                rule("repeated trigger", () -> importing(base().trigger("a", "a").build()), "triggerEvents",
                        "must not repeat the event 'a'"),
                rule("blank name", () -> importing(Scenarios.scenario(" ").trigger("a").action(hook()).build()), "name",
                        "must not be blank"),
                rule("no action", () -> importing(Scenarios.scenario("S").trigger("a").build()), "actions",
                        "must have at least 1 item, was 0"),
                rule("empty condition group", () -> importing(base().trigger("a").anyOf(g -> { }).build()),
                        "conditions[0]", "must have at least 1 item, was 0"),
                rule("request without URL", () -> importing(base().trigger("a")
                        .action(ScenarioComponents.component("request", Map.of("method", "post"))).build()),
                        "actions[1].params.url", "is required on a request action"),
                rule("request to a placeholder", () -> importing(Scenarios.scenario("S").trigger("a")
                        .action(ScenarioComponents.request("{{yourWebhookURL}}", Map.of())).build()),
                        "actions[0].params.url", "must be an absolute http(s) URL, was '{{yourWebhookURL}}'"),
                rule("repeated loader alias", () -> importing(base().trigger("a")
                        .beforeConditions(loader("chat", "chat", Map.of()))
                        .afterConditions(loader("chat", "chat", Map.of())).build()), "loaders", "must not repeat the alias 'chat'"),
                rule("blank loader name", () -> importing(base().trigger("a").afterConditions(loader(" ", "x", Map.of()))
                        .build()), "loaders.afterConditions[0].name", "must not be blank"),
                rule("loops in a v1 document", () -> texter.importSubscription(new ImportSubscriptionRequest()
                        .data(base().trigger("a").build().loops(List.of(new ScenarioLoop().loop(Map.of("type", "foreach"))
                                .position("beforeActions"))))), "data.version", "must be v1.1 when the document has loops, was v1"),
                rule("unknown import status", () -> texter.importSubscription(new ImportSubscriptionRequest()
                        .data(base().trigger("a").build()).asStatus(SubscriptionImportStatus.UNKNOWN)), "asStatus",
                        "must be active, inactive or draft"),
                rule("import without document", () -> texter.importSubscription(new ImportSubscriptionRequest()), "data",
                        "is required"),
                rule("blank trigger", () -> importing(base().trigger(" ").build()), "triggerEvents[0]", "must not be blank"),
                rule("blank condition name", () -> importing(base().trigger("a")
                        .allOf(ScenarioComponents.component(" ", Map.of())).build()), "conditions[0][0].name", "must not be blank"),
                rule("blank loader alias", () -> importing(base().trigger("a").afterConditions(loader("chat", "", Map.of()))
                        .build()), "loaders.afterConditions[0].alias", "must not be blank"),
                rule("blank tag", () -> importing(base().trigger("a").tags("ok", " ").build()), "tags[1]", "must not be blank"),
                rule("empty loop", () -> importing(base().trigger("a").loop(LoopPosition.BEFORE_ACTIONS, Map.of()).build()),
                        "loops[0].loop", "must not be empty"),
                rule("loop without position", () -> texter.importSubscription(new ImportSubscriptionRequest().data(base()
                        .trigger("a").build().version(ScenarioDocument.VersionEnum.V1_1)
                        .loops(List.of(new ScenarioLoop().loop(Map.of("type", "foreach")))))), "data.loops[0].position",
                        "is required"),
                rule("missing version", () -> texter.importSubscription(new ImportSubscriptionRequest()
                        .data(base().trigger("a").build().version(null))), "data.version", "is required"),
                rule("unknown version", () -> texter.importSubscription(new ImportSubscriptionRequest()
                        .data(base().trigger("a").build().version(ScenarioDocument.VersionEnum.UNKNOWN))), "data.version",
                        "must be v1 or v1.1"),
                rule("literal hiding an injection", () -> provide("chat", "x", Map.of("##provide", 1)), "literals",
                        "must not contain ##provide"),
                rule("transform with a pipe", () -> ScenarioValues.interpolate("chat", "x", "a|b"), "transform",
                        "must be a non-blank transform without '%' or '|'"),
                rule("bad provider", () -> provide("my provider", "x"), "provider", "must match"),
                rule("key with a percent sign", () -> ScenarioValues.interpolate("chat", "a%b"), "key", "must match"),
                rule("no draft operations", () -> texter.editDraft("s1", List.of()), "operations",
                        "must have at least 1 item, was 0"),
                rule("raw draft operation with two keys", () -> ScenarioRules.validateOperations(List.of(
                        new ScenarioDraftOperation().rename("a").setUnorderedActions(true))), "operations[0]",
                        "must hold exactly one operation key, had 2"),
                rule("negative action index", () -> texter.editDraft("s1", List.of(DraftOperation.removeAction(-1))),
                        "removeAction", "must be at least 0, was -1"),
                rule("negative group index", () -> texter.editDraft("s1", List.of(DraftOperation.addCondition(-1, "x",
                        Map.of()))), "addCondition.groupIndex", "must be at least 0, was -1"),
                rule("blank rename", () -> texter.editAndPublishDraft("s1", List.of(DraftOperation.rename("")), null),
                        "rename", "must not be blank"),
                rule("loader without alias", () -> DraftOperation.addLoader(ScenarioLoaderPosition.AFTER_CONDITIONS, "chat",
                        " ", Map.of()), "addLoader.alias", "must not be blank"),
                rule("action to a bad URL", () -> texter.editDraft("s1", List.of(DraftOperation.addAction(
                        ScenarioComponents.request("ftp://example.com", Map.of())))), "addAction.params.url",
                        "must be an absolute http(s) URL"),
                rule("blank added trigger", () -> DraftOperation.addTriggerEvent(" "), "addTriggerEvent", "must not be blank"),
                rule("blank removed trigger", () -> DraftOperation.removeTriggerEvent(""), "removeTriggerEvent",
                        "must not be blank"),
                rule("unknown loader position", () -> DraftOperation.addLoader(ScenarioLoaderPosition.UNKNOWN, "chat", "chat",
                        Map.of()), "addLoader.position", "must be beforeConditions or afterConditions"),
                rule("blank loader name op", () -> DraftOperation.addLoader(ScenarioLoaderPosition.AFTER_CONDITIONS, "", "c",
                        Map.of()), "addLoader.name", "must not be blank"),
                rule("negative loader index", () -> DraftOperation.removeLoader(ScenarioLoaderPosition.AFTER_CONDITIONS, -2),
                        "removeLoader.index", "must be at least 0, was -2"),
                rule("unknown removed loader position", () -> DraftOperation.removeLoader(ScenarioLoaderPosition.UNKNOWN, 0),
                        "removeLoader.position", "must be beforeConditions or afterConditions"),
                rule("blank condition op name", () -> DraftOperation.addCondition(0, " ", Map.of()), "addCondition.name",
                        "must not be blank"),
                rule("negative condition index", () -> DraftOperation.removeCondition(0, -1), "removeCondition.index",
                        "must be at least 0, was -1"),
                rule("negative removed group", () -> DraftOperation.removeCondition(-1, 0), "removeCondition.groupIndex",
                        "must be at least 0, was -1"),
                rule("blank action name", () -> DraftOperation.addAction(new com.texterchat.model.ScenarioComponent()),
                        "addAction.name", "must not be blank"),
                rule("empty added loop", () -> DraftOperation.addLoop(LoopPosition.BEFORE_CONDITIONS, Map.of()), "addLoop.loop",
                        "must not be empty"),
                rule("negative loop index", () -> DraftOperation.removeLoop(-1), "removeLoop", "must be at least 0, was -1"),
                rule("copy with a blank author", () -> ScenarioRules.validate(new com.texterchat.model.CopyScenarioRequest()
                        .fromVersion(1).newName("n").authorUid(" ")), "authorUid", "must not be blank when given"),
                rule("blank scenario id", () -> texter.publishDraft("", null), "scenarioId", "must not be blank"),
                rule("copy of version 0", () -> texter.copyScenario("s1", 0, "Copy"), "fromVersion",
                        "must be at least 1, was 0"),
                rule("copy without a name", () -> texter.copyScenario("s1", 1, " "), "newName", "must not be blank"));
    }

    private static ScenarioBuilder base() {
        return Scenarios.scenario("S").action(hook());
    }

    private static com.texterchat.model.ScenarioComponent hook() {
        return ScenarioComponents.request("https://example.com/hook", Map.of());
    }

    private static void importing(ScenarioDocument document) {
        texter.importSubscription(Scenarios.importOf(document));
    }
}
