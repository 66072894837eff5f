package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.testkit.junit.TexterTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request is checked against openapi.json: for each operation a valid request passes and an invalid one is
 * answered 400 and reported; the bracketed query names, exactly-one-key bodies and stubbed answers are checked.
 */
@TexterTest
class SpecValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> operationIds() {
        return List.copyOf(SpecRequests.operations().keySet());
    }

    @Test
    void theRequestsCoverEveryOperationOfTheTestKitsSpec() {
        assertThat(operationIds()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(com.texterchat.testkit.internal.TexterSpec.get().operations().keySet());
    }

    @ParameterizedTest
    @MethodSource("operationIds")
    void aValidRequestOfEveryOperationPasses(String operationId, TexterMockServer texter) {
        SpecRequests.Op op = SpecRequests.operations().get(operationId);
        List<String> bodies = SpecRequests.bodies(operationId);
        for (String body : bodies.isEmpty() ? java.util.Collections.<String>singletonList(null) : bodies) {
            HttpResponse<String> response = RawHttp.send(op.method(), texter.apiBaseUrl()
                    + SpecRequests.path(operationId), body);
            assertThat(response.statusCode()).as("%s with %s", operationId, body).isBetween(200, 299);
        }
        assertThat(texter.verify().specViolations()).isEmpty();
        assertThat(texter.verify().count(operationId)).isEqualTo(Math.max(1, bodies.size()));
    }

    @ParameterizedTest
    @MethodSource("operationIds")
    void anInvalidRequestOfEveryOperationIsAnswered400AndReported(String operationId, TexterMockServer texter)
            throws Exception {
        SpecRequests.Op op = SpecRequests.operations().get(operationId);
        boolean hasBody = !SpecRequests.bodies(operationId).isEmpty();
        String url = texter.apiBaseUrl() + SpecRequests.path(operationId);
        // a body of the wrong type where the operation takes one, else a query parameter it does not have
        HttpResponse<String> response = hasBody ? RawHttp.send(op.method(), url, "42")
                : RawHttp.send(op.method(), url + "?notAParameter=1", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("success").asBoolean(true)).isFalse();
        String expectedWhere = hasBody ? "body" : "query notAParameter";
        assertThat(error.path("error").asText()).startsWith("Invalid request: ").contains(expectedWhere);
        assertThat(texter.verify().specViolations()).singleElement().satisfies(v -> {
            assertThat(v.source()).isEqualTo(SpecViolation.Source.REQUEST);
            assertThat(v.operationId()).hasValue(operationId);
            assertThat(v.method()).isEqualTo(op.method());
            assertThat(v.in()).isEqualTo(hasBody ? "body" : "query");
            assertThat(v.value()).isEqualTo(hasBody ? "42" : "1");
        });
        assertThatThrownBy(() -> texter.verify().noSpecViolations()).isInstanceOf(AssertionError.class)
                .hasMessageContaining(operationId + " (" + op.method() + " /server/api/v2")
                .hasMessageContaining("answered 400");

        texter.allowSpecViolations(operationId);
        texter.verify().noSpecViolations();
    }

    @Test
    void theBracketedQueryNamesAreTakenLiterallyWithTheirLimits(TexterMockServer texter) throws Exception {
        String search = texter.apiBaseUrl() + "/chats/search?";
        String hundred = IntStream.range(0, 100).mapToObj(i -> "labels%5B%5D=l" + i).collect(Collectors.joining("&"));
        assertThat(RawHttp.send("GET", search + hundred + "&channel%5Bname%5D=whatsapp&channel[accountId]=97250",
                null).statusCode()).isEqualTo(200);
        assertThat(texter.verify().specViolations()).isEmpty();
        texter.allowSpecViolations("searchChats");

        HttpResponse<String> tooMany = RawHttp.send("GET", search + hundred + "&labels[]=one-more", null);
        HttpResponse<String> plainName = RawHttp.send("GET", search + "labels=vip", null);
        HttpResponse<String> badEnum = RawHttp.send("GET", search + "channel[name]=sms", null);
        HttpResponse<String> badLimit = RawHttp.send("GET", search + "limit=0&skip=x&labels[]=a&labels[]=a", null);

        assertThat(List.of(tooMany, plainName, badEnum, badLimit)).extracting(HttpResponse::statusCode).containsOnly(400);
        assertThat(JSON.readTree(tooMany.body()).path("error").asText()).contains("query labels[]: maxItems 100");
        assertThat(texter.verify().specViolations()).extracting(SpecViolation::pointer, SpecViolation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("labels[]", "maxItems 100"),
                        org.assertj.core.groups.Tuple.tuple("labels",
                                "not a parameter of the operation (it takes search, channel[name], channel[accountId],"
                                        + " labels[], statuses[], includeEmptyChats, limit, skip)"),
                        org.assertj.core.groups.Tuple.tuple("channel[name]",
                                "enum [\"whatsapp\",\"messenger\",\"instagram\",\"website_chat\",\"email\"]"),
                        org.assertj.core.groups.Tuple.tuple("limit", "minimum 1"),
                        org.assertj.core.groups.Tuple.tuple("skip", "type integer"),
                        org.assertj.core.groups.Tuple.tuple("labels[]", "uniqueItems true"));
    }

    @Test
    void exactlyOneKeyBodiesRefuseNoneAndTwo(TexterMockServer texter) {
        texter.allowSpecViolations("manageChatLabels");
        String url = texter.apiBaseUrl() + "/chats/c1/labels";
        assertThat(RawHttp.send("POST", url, "{\"add\":[\"vip\"]}").statusCode()).isEqualTo(200);
        assertThat(RawHttp.send("POST", url, "{}").statusCode()).isEqualTo(400);
        assertThat(RawHttp.send("POST", url, "{\"add\":[\"vip\"],\"remove\":[\"late\"]}").statusCode()).isEqualTo(400);

        assertThat(texter.verify().specViolations()).extracting(SpecViolation::rule)
                .containsExactly("minProperties 1", "maxProperties 1");
    }

    @Test
    void aBodyMustBeJsonWithItsContentTypeAndRequiredBodiesPresent(TexterMockServer texter) {
        texter.allowSpecViolations();
        String url = texter.apiBaseUrl() + "/labels";
        assertThat(RawHttp.send("POST", url, "{\"name\":").statusCode()).isEqualTo(400);
        assertThat(RawHttp.send("POST", url, null).statusCode()).isEqualTo(400);
        assertThat(texter.verify().specViolations()).extracting(SpecViolation::in, SpecViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body", "JSON (Unexpected end-of-input within/between Object entries)"),
                        org.assertj.core.groups.Tuple.tuple("body", "required (a JSON body)"));
    }

    @Test
    void answersStubbedThroughTheHelpersAreCheckedAgainstTheResponseSchema(TexterMockServer texter) {
        texter.stubs().answer("deleteLabel", "OK");               // a text/plain answer
        texter.stubs().answer("getLabel", "{\"id\":\"vip\",\"name\":\"VIP\"}");
        assertThat(texter.verify().specViolations()).isEmpty();

        texter.stubs().answer("getLabel", "{\"id\":\"vip\"}");
        texter.stubs().answer("listLabels", "{\"labels\":\"none\",\"total\":0}");

        assertThat(texter.verify().specViolations()).extracting(SpecViolation::toString).containsExactly(
                "getLabel (GET /server/api/v2/labels/{labelId}) stubbed answer: response /name: required, got (missing)",
                "listLabels (GET /server/api/v2/labels) stubbed answer: response /labels: type array, got \"none\"");
        assertThat(texter.verify().specViolations()).allSatisfy(v -> {
            assertThat(v.source()).isEqualTo(SpecViolation.Source.STUB);
            assertThat(v.status()).isZero();
        });
        assertThatThrownBy(() -> texter.verify().noSpecViolations()).hasMessageContaining("stubbed answer");
        texter.allowSpecViolations("getLabel").allowSpecViolations("listLabels");
        texter.verify().noSpecViolations();
    }

    @Test
    void resetForgetsViolationsAndAllowances(TexterMockServer texter) {
        texter.allowSpecViolations();
        RawHttp.send("GET", texter.apiBaseUrl() + "/labels?limit=0", null);
        assertThat(texter.verify().specViolations()).hasSize(1);

        texter.reset();

        assertThat(texter.verify().specViolations()).isEmpty();
        RawHttp.send("GET", texter.apiBaseUrl() + "/labels?limit=0", null);
        assertThatThrownBy(() -> texter.verify().noSpecViolations()).hasMessageContaining("query limit: minimum 1");
        texter.allowSpecViolations("listLabels");
    }

    @Test
    void requestsOutsideTheApiAreLeftToRawStubs(TexterMockServer texter) {
        assertThat(RawHttp.send("GET", texter.baseUrl() + "/elsewhere", null).statusCode()).isEqualTo(404);
        assertThat(texter.verify().specViolations()).isEmpty();
    }
}
