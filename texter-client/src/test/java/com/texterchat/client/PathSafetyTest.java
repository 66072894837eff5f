package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IDs in the path can never address another resource: they are encoded, and dot segments are refused. */
class PathSafetyTest {

    @RegisterExtension
    static final TestServer server = new TestServer();
    private static final TexterClient texter = server.client();

    @BeforeEach
    void answerEverything() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{\"success\":true}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentIdsAreRefusedBeforeAnythingIsSent(String id) {
        assertThatThrownBy(() -> texter.chats().getChat(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("getChat: path parameter chatId must not be \"" + id
                        + "\" (a dot segment would change the request path)");
        assertThatThrownBy(() -> texter.templates().deleteTemplate("972509876543", id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("templateName");
        assertThatThrownBy(() -> texter.messages().sendMessage(id,
                new SessionMessage().type(OutgoingMessageType.TEXT).text("hi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendMessage: path parameter chatId");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void emptyAndNullIdsAreRefused() {
        assertThatThrownBy(() -> texter.labels().deleteLabel(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteLabel: path parameter labelId must not be empty");
        assertThatThrownBy(() -> texter.labels().deleteLabel(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deleteLabel: path parameter labelId must not be null");
        assertThatThrownBy(() -> texter.labels().getLabel(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("getLabel:");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../labels", "..%2Flabels", "%2e%2e", "a/../../b", "x?y=1#z", "...", ". ."})
    void otherIdsAreSentFullyEncodedAsOneSegment(String id) {
        texter.chats().getChat(id);

        String url = server.requests().get(0).getUrl();
        String segment = url.substring((TestServer.API + "/chats/").length());
        assertThat(segment).doesNotContain("/", "?", "#");
        assertThat(java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(id);
    }
}
