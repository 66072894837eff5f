package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.CreateDraftRequest;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioDraftOperation;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PATCH built from what the client read carries Texter's values back unchanged, even those this SDK version does
 * not know: an enum value it has no constant for, and properties its models do not declare. Through the whole
 * client, against a server on 127.0.0.1.
 */
class SendsBackWhatItReadTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static void answer(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body) {
        server.wireMock().stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static JsonNode bodyOf(LoggedRequest request) throws Exception {
        return TexterJson.mapper().readTree(request.getBodyAsString());
    }

    @Test
    void anUnknownEnumValueReadFromTexterIsPatchedBackAsReceived() throws Exception {
        answer(get(urlPathEqualTo(TestServer.API + "/quick-replies")), "{\"total\":1,\"quickReplies\":[{\"_id\":\"q1\","
                + "\"display\":{\"position\":\"pinned\",\"title\":\"Hi\"}}]}");
        answer(patch(urlPathEqualTo(TestServer.API + "/quick-replies/q1")), "{\"_id\":\"q1\"}");
        TexterClient texter = server.client();

        QuickReply read = texter.quickReplies().listQuickReplies(null, null, null, null, null, null, null, null, null,
                null).getQuickReplies().get(0);
        assertThat(Objects.requireNonNull(read.getDisplay()).getPosition()).isEqualTo(QuickReplyPosition.UNKNOWN);
        texter.quickReplies().updateQuickReply("q1", List.of(new QuickReplyOperation()
                .updateDisplayPositionValue(read.getDisplay().getPositionValue()).updateDisplayTitle("Hello")));

        LoggedRequest sent = server.requests().get(1);
        assertThat(sent.getMethod().getName()).isEqualTo("PATCH");
        assertThat(bodyOf(sent)).isEqualTo(TexterJson.mapper().readTree(
                "[{\"updateDisplayPosition\":\"pinned\",\"updateDisplayTitle\":\"Hello\"}]"));
    }

    @Test
    void aReadModelPatchedBackKeepsThePropertiesItDoesNotDeclare() throws Exception {
        String action = "{\"name\":\"request\",\"params\":{\"url\":\"https://example.com/hook\"},"
                + "\"retryPolicy\":{\"attempts\":3},\"disabled\":false}";
        answer(post(urlPathEqualTo(TestServer.API + "/scenarios/manage/s1/draft")), "{\"_id\":\"s1\",\"drafts\":[{"
                + "\"version\":4,\"status\":\"reviewing\",\"actions\":[" + action + "],\"lockedBy\":\"u1\"}]}");
        answer(patch(urlPathEqualTo(TestServer.API + "/scenarios/manage/s1/draft")), "{\"_id\":\"s1\"}");
        TexterClient texter = server.client();

        Scenario draft = texter.scenarios().createScenarioDraft("s1", new CreateDraftRequest());
        ScenarioComponent readAction = Objects.requireNonNull(draft.getDrafts()).get(0).getActions().get(0);
        texter.scenarios().updateScenarioDraft("s1", List.of(new ScenarioDraftOperation().addAction(readAction)));

        LoggedRequest sent = server.requests().get(1);
        assertThat(sent.getMethod().getName()).isEqualTo("PATCH");
        assertThat(bodyOf(sent)).isEqualTo(TexterJson.mapper().readTree("[{\"addAction\":" + action + "}]"));
        assertThat(draft.getDrafts().get(0).getStatusValue()).isEqualTo("reviewing");
        assertThat(draft.getDrafts().get(0).getAdditionalProperty("lockedBy")).isEqualTo("u1");
    }
}
