package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.ResolveChatRequest;
import com.texterchat.model.ShareFileRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Optional request bodies: {@code null} sends the request without a body (and without {@code Content-Type}), as
 * the reference's "omit it" reads; a given body is sent as JSON; {@code null} for a required body is refused before
 * anything is sent, with an {@link IllegalArgumentException} naming the operation.
 */
class OptionalBodyTest {

    @RegisterExtension
    static final TestServer server = new TestServer();
    private static final TexterClient texter = server.client();

    @BeforeEach
    void answerEverything() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"token\":\"t\",\"url\":\"https://acme.texterchat.com/f/t\"}")));
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void aNullOptionalBodyIsSentAsNoBodyWithoutContentType() {
        assertThat(texter.chats().resolveChat("67bf11038b24880cc966f799", null).getSuccess()).isTrue();

        LoggedRequest request = only(server.requests());
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(TestServer.API + "/chats/67bf11038b24880cc966f799/resolve");
        assertThat(request.getBody()).isEmpty();
        HttpHeaders headers = request.getHeaders();
        assertThat(headers.getHeader("Content-Type").isPresent()).isFalse();
        assertThat(headers.getHeader("Accept").values()).containsExactly("application/json,text/plain");
        assertThat(headers.getHeader("Authorization").values()).containsExactly("Bearer " + TestServer.TOKEN);
    }

    @Test
    void theSameMethodStillSendsAGivenBodyAsJsonBeforeAndAfterANullOne() {
        texter.files().generatePublicMediaUrl("6908fc09962e17ab3033fa13", new ShareFileRequest().ttl(86400));
        texter.files().generatePublicMediaUrl("6908fc09962e17ab3033fa13", null);
        texter.chats().resolveChat("c1", new ResolveChatRequest().notifyClient(true));

        List<LoggedRequest> requests = server.requests();
        assertThat(requests).hasSize(3);
        assertThat(new String(requests.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"ttl\":86400}");
        assertThat(requests.get(0).getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(requests.get(1).getBody()).isEmpty();
        assertThat(requests.get(1).getHeaders().getHeader("Content-Type").isPresent()).isFalse();
        assertThat(new String(requests.get(2).getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"notifyClient\":true}");
        assertThat(requests.get(2).getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void everyOptionalBodyOfTheScenarioApisMayBeLeftOut() {
        texter.scenarios().createScenarioDraft("s1", null);
        texter.scenarios().createScenarioRevision("s1", null);
        texter.eventSubscriptions().activateSubscription("s1", null);
        texter.eventSubscriptions().inactivateSubscription("s1", null);

        assertThat(server.requests()).hasSize(4).allSatisfy(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getBody()).isEmpty();
            assertThat(request.getHeaders().getHeader("Content-Type").isPresent()).isFalse();
        }).extracting(LoggedRequest::getUrl).containsExactly(TestServer.API + "/scenarios/manage/s1/draft",
                TestServer.API + "/scenarios/manage/s1/revisions", TestServer.API + "/scenarios/manage/s1/activate",
                TestServer.API + "/scenarios/manage/s1/inactivate");
    }

    @Test
    void aNullRequiredBodyIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> texter.labels().createLabel(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createLabel: the request body must not be null (Texter requires one for this operation)");
        assertThatThrownBy(() -> texter.messages().sendMessage("c1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sendMessage: the request body");
        assertThatThrownBy(() -> texter.scenarios().updateScenarioDraft("s1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updateScenarioDraft:");
        assertThat(server.requests()).isEmpty();
    }
}
