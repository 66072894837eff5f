package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.api.ChatsApi;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The headers and query strings requests carry on the wire. The client attaches its fixed headers from a map it
 * builds once per method, and encodes every query value itself, the same for both overloads (the query-object one
 * calls the positional one); these tests pin what the server sees, call after call.
 */
class RequestShapeTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @BeforeEach
    void answerEverything() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"_id\":\"l1\",\"title\":\"VIP\",\"data\":[],\"total\":0}")));
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static void assertSingleValued(HttpHeaders headers, String name, String expected) {
        assertThat(headers.getHeader(name).values()).as(name).containsExactly(expected);
    }

    @Test
    void aPostCarriesEachHeaderOnceOnEveryCall() {
        TexterClient texter = server.client();
        SessionMessage message = new SessionMessage().type(OutgoingMessageType.TEXT).text("Hey there!");

        for (int call = 1; call <= 3; call++) {
            texter.messages().sendMessage("67bf11038b24880cc966f799", message);

            LoggedRequest request = only(server.requests());
            HttpHeaders headers = request.getHeaders();
            assertSingleValued(headers, "Authorization", "Bearer " + TestServer.TOKEN);
            assertSingleValued(headers, "Content-Type", "application/json");
            assertSingleValued(headers, "Accept", "application/json,text/plain");
            assertThat(headers.getHeader("User-Agent").values()).singleElement().asString()
                    .startsWith("texter-java-sdk/");
            // The JDK client computes the length from the bytes it sends.
            assertSingleValued(headers, "Content-Length", String.valueOf(request.getBody().length));
            assertThat(new String(request.getBody(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":\"text\",\"text\":\"Hey there!\"}");
            server.wireMock().resetRequests();
        }
    }

    @Test
    void aGetCarriesNoBodyHeaders() {
        server.client().labels().getLabel("l1");

        HttpHeaders headers = only(server.requests()).getHeaders();
        assertSingleValued(headers, "Authorization", "Bearer " + TestServer.TOKEN);
        assertSingleValued(headers, "Accept", "application/json,text/plain");
        assertThat(headers.getHeader("Content-Type").isPresent()).isFalse();
    }

    @Test
    void anApiIsEqualToItselfOnlyAndTheObjectMethodsSendNothing() {
        TexterClient texter = server.client();
        TexterClient other = server.clientBuilder().build();
        ChatsApi chats = texter.chats();

        assertThat(chats).isEqualTo(chats).isSameAs(texter.chats()).isNotEqualTo(other.chats())
                .isNotEqualTo(texter.messages()).hasSameHashCodeAs(texter.chats());
        assertThat(java.util.Set.of(chats, other.chats(), texter.labels())).hasSize(3);
        assertThat(chats.toString()).contains("ChatsApi");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void twoClientsSendTheirOwnTokens() {
        TexterClient first = server.client();
        TexterClient second = server.clientBuilder().token("tk_live_second_0000000000").build();

        first.labels().getLabel("l1");
        second.labels().getLabel("l1");
        first.labels().getLabel("l1");

        assertThat(server.requests()).extracting(r -> r.getHeader("Authorization"))
                .containsExactlyInAnyOrder("Bearer " + TestServer.TOKEN, "Bearer tk_live_second_0000000000",
                        "Bearer " + TestServer.TOKEN);
    }

    @Test
    void queryObjectAndParameterVariantsSendTheSameQueryWithOnlyTheSetValues() {
        LabelsApi labels = server.client().labels();

        labels.listLabels(new LabelsApi.ListLabelsQueryParams().limit(5));
        String fromObject = only(server.requests()).getUrl();
        server.wireMock().resetRequests();
        labels.listLabels(5, null);
        String fromParameters = only(server.requests()).getUrl();
        server.wireMock().resetRequests();
        labels.listLabels(new LabelsApi.ListLabelsQueryParams());
        String empty = only(server.requests()).getUrl();
        server.wireMock().resetRequests();
        labels.listLabels((LabelsApi.ListLabelsQueryParams) null);
        String none = only(server.requests()).getUrl();

        assertThat(fromObject).isEqualTo(TestServer.API + "/labels?limit=5").isEqualTo(fromParameters);
        assertThat(empty).isEqualTo(TestServer.API + "/labels").isEqualTo(none);
    }

    /** Values that look percent-encoded, and the characters a query treats specially, on both overloads. */
    @Test
    void bothOverloadsSendEveryQueryValueExactlyAsGiven() {
        ChatsApi chats = server.client().chats();
        String search = "%2F a+b&c=d%";
        String label = "50%25 [VIP]";

        chats.searchChats(search, "whatsapp", null, Set.of(label), null, null, null, null);
        String fromParameters = only(server.requests()).getUrl();
        server.wireMock().resetRequests();
        chats.searchChats(new ChatsApi.SearchChatsQueryParams().search(search).channelName("whatsapp")
                .labels(Set.of(label)));
        String fromObject = only(server.requests()).getUrl();

        assertThat(fromParameters).isEqualTo(TestServer.API + "/chats/search?search=%252F%20a%2Bb%26c%3Dd%25"
                + "&channel%5Bname%5D=whatsapp&labels%5B%5D=50%2525%20%5BVIP%5D").isEqualTo(fromObject);
        LoggedRequest request = only(server.requests());
        assertThat(request.queryParameter("search").firstValue()).isEqualTo(search);
        assertThat(request.queryParameter("labels[]").firstValue()).isEqualTo(label);
    }

    /** The query-object overload becomes its positional call, which is the one retried, logged and named. */
    @Test
    void theQueryObjectOverloadIsRetriedAndNamedAsItsOperation() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> server.client().labels().listLabels(new LabelsApi.ListLabelsQueryParams().limit(5)))
                .isInstanceOfSatisfying(TexterServerException.class, e -> {
                    assertThat(e.operation()).isEqualTo("listLabels");
                    assertThat(e.getMessage()).contains("listLabels (GET /labels)");
                });
        assertThat(server.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.getUrl()).isEqualTo(TestServer.API + "/labels?limit=5"));
        assertThat(server.sleeper().sleeps()).hasSize(2);
    }

    @Test
    void pathAndBodyTogetherKeepTheirHeadersAndTheMethodsDoNotShareThem() {
        TexterClient texter = server.client();
        MessagesApi messages = texter.messages();

        texter.labels().createLabel(new CreateLabelRequest().id("vip").name("VIP"));
        messages.getChatMessages("67bf11038b24880cc966f799", new MessagesApi.GetChatMessagesQueryParams().limit(2));

        List<LoggedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        LoggedRequest create = requests.stream().filter(r -> r.getMethod().getName().equals("POST")).findFirst()
                .orElseThrow();
        LoggedRequest page = requests.stream().filter(r -> r.getMethod().getName().equals("GET")).findFirst()
                .orElseThrow();
        assertThat(create.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(page.getHeaders().getHeader("Content-Type").isPresent()).isFalse();
        assertThat(page.getUrl()).isEqualTo(TestServer.API + "/messages/chat/67bf11038b24880cc966f799?limit=2");
    }
}
