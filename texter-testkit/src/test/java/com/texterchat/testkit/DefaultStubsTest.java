package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.client.TexterClient;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.Label;
import com.texterchat.model.LabelList;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.junit.TexterTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default answers: one per operation of openapi.json, straight from its examples. */
@TexterTest
class DefaultStubsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation of the repository's spec, read independently of the test kit. */
    private record Operation(String id, String method, String path, int status, String contentType, JsonNode example) {
    }

    private static List<Operation> specOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : RepoSpec.root().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                int status = 999;
                JsonNode success = null;
                for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
                    if (response.getKey().startsWith("2") && Integer.parseInt(response.getKey()) < status) {
                        status = Integer.parseInt(response.getKey());
                        success = response.getValue();
                    }
                }
                assertThat(success).as("2xx response of %s", op.getValue().path("operationId")).isNotNull();
                Map.Entry<String, JsonNode> content = success.path("content").properties().iterator().next();
                JsonNode media = content.getValue();
                JsonNode example = media.has("example") ? media.get("example")
                        : media.path("examples").has("default") ? media.path("examples").path("default").path("value")
                        : media.path("examples").elements().next().path("value");
                operations.add(new Operation(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(),
                        path.getKey(), status, content.getKey(), example));
            }
        }
        return operations;
    }

    @Test
    void everyOperationOfTheSpecHasADefaultStubAnsweringItsExample(TexterMockServer texter) throws Exception {
        List<Operation> operations = specOperations();
        assertThat(operations).isNotEmpty();
        assertThat(texter.operationIds()).containsExactlyInAnyOrderElementsOf(operations.stream().map(Operation::id).toList());

        for (Operation op : operations) {
            String path = SpecRequests.path(op.id());
            String body = SpecRequests.bodies(op.id()).stream().findFirst().orElse(null);
            HttpResponse<String> response = RawHttp.send(op.method(), texter.apiBaseUrl() + path, body);

            assertThat(response.statusCode()).as("status of %s", op.id()).isEqualTo(op.status());
            assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", op.id())
                    .hasValueSatisfying(type -> assertThat(type).startsWith(op.contentType()));
            if (op.contentType().startsWith("text/")) {
                assertThat(response.body()).as("body of %s", op.id()).isEqualTo(op.example().asText());
            } else {
                assertThat(JSON.readTree(response.body())).as("body of %s", op.id()).isEqualTo(op.example());
            }
            ServeEvent served = texter.wireMock().getAllServeEvents().get(0);
            assertThat(served.getStubMapping().getMetadata().getString(StubFactory.OPERATION_KEY))
                    .as("stub that answered %s %s", op.method(), path).isEqualTo(op.id());
            assertThat(texter.verify().all().get(texter.verify().all().size() - 1).operationId()).hasValue(op.id());
        }
        assertThat(texter.verify().unmatched()).isEmpty();
    }

    @Test
    void literalRoutesWinOverParameterisedSiblings(TexterMockServer texter) {
        texter.allowSpecViolations(); // the empty bodies are refused with 400; only the routing matters here
        RawHttp.send("POST", texter.apiBaseUrl() + "/whatsapp/templates/send", "{}");
        RawHttp.send("POST", texter.apiBaseUrl() + "/whatsapp/templates/unsubscribe", "{}");
        RawHttp.send("POST", texter.apiBaseUrl() + "/whatsapp/templates/972509876543", "{}");
        RawHttp.send("GET", texter.apiBaseUrl() + "/chats/search", null);
        RawHttp.send("GET", texter.apiBaseUrl() + "/chats/67bf11038b24880cc966f799", null);

        assertThat(texter.verify().all()).map(r -> r.operationId().orElse("?"))
                .containsExactly("sendTemplateMessage", "unsubscribeFromTemplates", "createTemplate", "searchChats",
                        "getChat");
    }

    @Test
    void theClientDecodesTheDefaultAnswers(TexterClient client) {
        ChatSearchResult chats = client.chats().searchChats(new ChatsApi.SearchChatsQueryParams()
                .search("972521234567"));
        assertThat(chats.getTotal()).isEqualTo(1);
        assertThat(chats.getData().get(0).getTitle()).isEqualTo(RepoSpec.root()
                .at("/paths/~1chats~1search/get/responses/200/content/application~1json/examples/default/value/data/0/title")
                .asText());
        assertThat(client.labels().getLabel("VIP")).extracting(Label::getName).isNotNull();
        assertThat(client.labels().deleteLabel("VIP")).isEqualTo("OK");
    }

    @Test
    void hebrewExampleTextArrivesIntactAsUtf8(TexterClient client) {
        String hebrew = RepoSpec.root().at("/paths/~1chats~1{chatId}/get/responses/200/content/application~1json"
                + "/examples/default/value/lastMessage/text").asText();
        assertThat(hebrew).matches(".*[\u0590-\u05FF].*");
        assertThat(client.chats().getChat("any").getLastMessage().getText()).isEqualTo(hebrew);
    }

    @Test
    void requestsWithoutABearerTokenAreRefusedWith401(TexterMockServer texter) {
        texter.allowSpecViolations();
        HttpResponse<String> none = RawHttp.send("GET", texter.apiBaseUrl() + "/labels", null, null);
        HttpResponse<String> basic = RawHttp.send("GET", texter.apiBaseUrl() + "/labels", null, "Basic dXNlcjpwdw==");
        HttpResponse<String> empty = RawHttp.send("GET", texter.apiBaseUrl() + "/labels", null, "Bearer ");
        HttpResponse<String> anyToken = RawHttp.send("GET", texter.apiBaseUrl() + "/labels", null, "Bearer my-real-token");

        assertThat(List.of(none.statusCode(), basic.statusCode(), empty.statusCode())).containsOnly(401);
        assertThat(none.body()).contains("\"success\":false").contains("Bearer");
        assertThat(anyToken.statusCode()).isEqualTo(200);
        assertThat(texter.verify().specViolations()).hasSize(3).allSatisfy(v -> {
            assertThat(v.in()).isEqualTo("header");
            assertThat(v.pointer()).isEqualTo("Authorization");
            assertThat(v.status()).isEqualTo(401);
            assertThat(v.toString()).doesNotContain("dXNlcjpwdw");
        });
    }

    @Test
    void aPathThatIsNoTexterOperationGets404AndIsReportedAsUnmatched(TexterMockServer texter) throws Exception {
        texter.allowSpecViolations();
        HttpResponse<String> response = RawHttp.send("GET", texter.apiBaseUrl() + "/chatz/search", null);
        HttpResponse<String> wrongMethod = RawHttp.send("PUT", texter.apiBaseUrl() + "/labels", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("success").asBoolean(true)).isFalse();
        assertThat(JSON.readTree(wrongMethod.body()).path("error").asText()).contains("PUT /server/api/v2/labels");
        assertThat(texter.verify().specViolations()).extracting(SpecViolation::in, SpecViolation::path,
                        SpecViolation::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("route", "/server/api/v2/chatz/search", 404),
                        org.assertj.core.groups.Tuple.tuple("route", "/server/api/v2/labels", 404));
        assertThat(texter.verify().unmatched()).extracting(ReceivedRequest::url)
                .containsExactly("/server/api/v2/chatz/search", "/server/api/v2/labels");
    }

    @Test
    void unknownOperationIdsAreRejectedWithTheKnownOnes(TexterMockServer texter) {
        assertThatThrownBy(() -> texter.fault("sendTemplate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sendTemplate'")
                .hasMessageContaining("sendTemplateMessage");
        assertThatThrownBy(() -> texter.verify().requests("nope")).hasMessageContaining("searchChats");
    }

    @Test
    void resetRestoresDefaultsAndForgetsRequestsStubsAndFaults(TexterMockServer texter, TexterClient client) {
        int pristine = texter.wireMock().getStubMappings().size();
        LabelList labels = client.labels().listLabels(null, null);
        Label label = client.labels().getLabel("VIP");
        texter.stubs().answer("listLabels", "{\"total\":0,\"labels\":[]}");
        ChatSearchResult chatsBefore = client.chats().searchChats(new ChatsApi.SearchChatsQueryParams()
                .search("972500000001"));
        texter.stubs().chatExists("972500000001");
        texter.fault("getLabel").status(500);
        texter.wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo("/elsewhere")).willReturn(WireMock.ok()));
        texter.wireMock().removeStubMapping(texter.wireMock().getStubMappings().stream()
                .filter(s -> s.getMetadata() != null
                        && "deleteLabel".equals(s.getMetadata().getString(StubFactory.OPERATION_KEY)))
                .findFirst().orElseThrow());
        assertThat(client.labels().listLabels(null, null).getTotal()).isZero();

        texter.reset();

        assertThat(texter.verify().all()).isEmpty();
        assertThat(texter.wireMock().getStubMappings()).hasSize(pristine);
        assertThat(client.labels().listLabels(null, null)).isEqualTo(labels);
        assertThat(client.labels().getLabel("VIP")).isEqualTo(label);
        assertThat(client.labels().deleteLabel("VIP")).isEqualTo("OK");
        assertThat(client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("972500000001"))
                .getData().get(0).getId()).isEqualTo(chatsBefore.getData().get(0).getId());
    }
}
