package com.texterchat.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading specs, including the ones the test kit must refuse. */
class TexterSpecTest {

    private static final String OK = "{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"example\":{\"a\":1}}}}}";

    private static TexterSpec parse(String json) throws IOException {
        return TexterSpec.parse(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    private static String spec(String paths) {
        return spec(paths, "");
    }

    private static String spec(String paths, String moreTopLevel) {
        return "{'servers':[{'url':'https://{projectID}.example.com/base/v1'}],'paths':{" + paths + "}" + moreTopLevel + "}";
    }

    @Test
    void routesOfTheSameShapeAreTellApartAndPathParametersDecoded() throws IOException {
        TexterSpec spec = parse(spec("'/items/{itemId}':{'get':{'operationId':'getItem','responses':" + OK + "}},"
                + "'/items/search':{'get':{'operationId':'searchItems','responses':" + OK + "}},"
                + "'/items/{itemId}/parts/{partId}':{'delete':{'operationId':'deletePart','responses':" + OK + "}}"));

        assertThat(spec.basePath()).isEqualTo("/base/v1");
        assertThat(spec.operationFor("GET", "/base/v1/items/search").id()).isEqualTo("searchItems");
        assertThat(spec.operationFor("GET", "/base/v1/items/search2").id()).isEqualTo("getItem");
        assertThat(spec.operationFor("POST", "/base/v1/items/search")).isNull();
        assertThat(spec.operationFor("GET", "/base/v1/items/a/b")).isNull();
        SpecOperation delete = spec.operation("deletePart");
        assertThat(delete.pathParameters()).containsExactly("itemId", "partId");
        assertThat(delete.pathParameterValues("/base/v1/items/a%2Fb/parts/%C3%BC+1"))
                .containsEntry("itemId", "a/b").containsEntry("partId", "ü+1");
        assertThatThrownBy(() -> delete.pathParameterValues("/base/v1/items/a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deletePart");
    }

    @Test
    void percentDecodingLeavesBrokenEscapesAndNonAsciiAlone() {
        assertThat(SpecOperation.percentDecode("100%")).isEqualTo("100%");
        assertThat(SpecOperation.percentDecode("%zz%41")).isEqualTo("%zzA");
        assertThat(SpecOperation.percentDecode("😀%20x")).isEqualTo("😀 x");
    }

    @Test
    void theDefaultExampleIsTheOneNamedDefaultOrElseTheFirst() throws IOException {
        TexterSpec spec = parse(spec("'/a':{'post':{'operationId':'a','responses':{'201':{'description':'x','content':"
                + "{'application/json':{'examples':{'first':{'value':{'n':1}},'default':{'value':{'n':2}}}}}},"
                + "'200':{'description':'y','content':{'application/json':{'example':{'n':0}}}}}}},"
                + "'/b':{'get':{'operationId':'b','responses':{'200':{'description':'x','content':"
                + "{'application/json':{'examples':{'sent':{'value':{'n':1}},'refused':{'$ref':'#/components/examples/r'}}}}}}}}",
                ",'components':{'examples':{'r':{'value':{'n':3}}}}"));

        SpecOperation a = spec.operation("a");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.defaultBody()).isEqualTo("{\"n\":0}");
        SpecOperation b = spec.operation("b");
        assertThat(b.exampleNames()).containsExactly("sent", "refused");
        assertThat(b.defaultBody()).isEqualTo("{\"n\":1}");
        assertThat(b.example("refused")).isEqualTo("{\"n\":3}");
        assertThatThrownBy(() -> b.example("other")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sent, refused");
    }

    @Test
    void anOperationWithoutOperationIdIsRefused() {
        assertThatThrownBy(() -> parse(spec("'/a':{'get':{'responses':" + OK + "}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GET /a has no operationId");
    }

    @Test
    void anOperationWithoutA2xxResponseIsRefused() {
        assertThatThrownBy(() -> parse(spec("'/a':{'get':{'operationId':'a','responses':{'404':{'description':'x'}}}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a declares no 2xx response");
    }

    @Test
    void aResponseWithoutExampleIsRefused() {
        assertThatThrownBy(() -> parse(spec("'/a':{'get':{'operationId':'a','responses':{'200':{'description':'x',"
                + "'content':{'application/json':{'schema':{'type':'object'}}}}}}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a: its 200 application/json response has no example");
    }

    @Test
    void aDuplicateOperationIdIsRefused() {
        assertThatThrownBy(() -> parse(spec("'/a':{'get':{'operationId':'a','responses':" + OK + "},"
                + "'post':{'operationId':'a','responses':" + OK + "}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("operationId a appears twice");
    }

    @Test
    void remoteReferencesAreRefused() {
        assertThatThrownBy(() -> parse(spec("'/a':{'get':{'operationId':'a','responses':{'200':{'$ref':'other.json#/x'}}}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other.json#/x");
    }

    @Test
    void aWebhookEventWithoutExampleIsRefused() {
        String json = "{'paths':{},'components':{'schemas':{'E':{'type':'object'}}},"
                + "'x-texter-webhook-events':[{'eventName':'e','eventData':'#/components/schemas/E'}]}";
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Webhook event e");
    }

    @Test
    void theClasspathSpecIsParsedOncePerJvm() {
        assertThat(TexterSpec.get()).isSameAs(TexterSpec.get());
        // as many as the repository's merged spec declares, read on its own (no fixed count: the spec may grow)
        JsonNode repo = com.texterchat.testkit.RepoSpec.root();
        java.util.Set<String> ids = new java.util.TreeSet<>();
        repo.path("paths").forEach(item -> item.forEach(op -> {
            if (op.has("operationId")) {
                ids.add(op.path("operationId").asText());
            }
        }));
        assertThat(TexterSpec.get().operations()).isNotEmpty();
        assertThat(TexterSpec.get().operations().keySet()).isEqualTo(ids);
        assertThat(TexterSpec.get().webhookEvents()).isNotEmpty()
                .hasSize(repo.path("x-texter-webhook-events").size());
    }
}
