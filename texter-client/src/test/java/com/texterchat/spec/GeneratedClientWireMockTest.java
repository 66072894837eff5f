package com.texterchat.spec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.model.ChannelName;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.ChatStatusName;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.Label;
import com.texterchat.model.MessageList;
import com.texterchat.model.MessageType;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.Problem;
import com.texterchat.model.ProblemSeverity;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.Scenario;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.ScenarioDraftOperation;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.ShareFileRequest;
import com.texterchat.model.SharedFile;
import com.texterchat.model.SubscriptionImportStatus;
import com.texterchat.model.Template;
import com.texterchat.model.TemplateSubscriptionRequest;
import com.texterchat.model.UnsubscribedUser;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.model.UpdatedChat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated Feign client, wired by {@link TexterClient}, against a real HTTP server: exact method, path,
 * query encoding, Bearer header and JSON body for at least one operation of every tag, and decoding of
 * JSON and plain-text answers.
 */
class GeneratedClientWireMockTest {

    private static final String TOKEN = "test-token-123";
    private static WireMockServer server;
    private static TexterClient texter;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        texter = TexterClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/server/api/v2")
                .token(TOKEN).build();
    }

    @AfterEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void answer(String json) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static void answerText(String text) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text)));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void chatsSearchEncodesBracketedAndRepeatedQueryParameters() {
        answer("{\"data\":[{\"_id\":\"c1\",\"status\":3,\"title\":\"John\"}],\"total\":1}");

        Set<String> labels = new LinkedHashSet<>(List.of("VIP", "hot lead"));
        Set<ChatStatusName> statuses = new LinkedHashSet<>(List.of(ChatStatusName.PENDING, ChatStatusName.ASSIGNED));
        ChatSearchResult result = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams()
                .search("0521234567").channelName("whatsapp").channelAccountId("972509876543")
                .labels(labels).statuses(statuses).limit(10).skip(20));

        assertThat(result.getTotal()).isEqualTo(1);
        assertThat(result.getData().get(0).getStatus()).isEqualTo(ChatStatus.RESOLVED);
        server.verify(getRequestedFor(urlPathEqualTo("/server/api/v2/chats/search"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("search", equalTo("0521234567"))
                .withQueryParam("channel[name]", equalTo("whatsapp"))
                .withQueryParam("channel[accountId]", equalTo("972509876543"))
                .withQueryParam("labels[]", havingExactly("VIP", "hot lead"))
                .withQueryParam("statuses[]", havingExactly("PENDING", "ASSIGNED"))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("skip", equalTo("20"))
                .withQueryParam("includeEmptyChats", absent()));
        String url = onlyRequest().getUrl();
        assertThat(url).contains("labels%5B%5D=VIP&labels%5B%5D=hot%20lead")
                .contains("channel%5Bname%5D=whatsapp&channel%5BaccountId%5D=972509876543");
    }

    @Test
    void chatsPatchSendsOnlyTheFieldsThatWereSet() {
        answer("{\"success\":true,\"_id\":\"67bf\",\"displayName\":\"Niv\",\"status\":2,\"departmentId\":null}");

        UpdatedChat updated = texter.chats().updateChatProperties("67bf",
                new UpdateChatPropertiesRequest().displayName("Niv"));

        assertThat(updated.getSuccess()).isTrue();
        assertThat(updated.getDisplayName()).isEqualTo("Niv");
        assertThat(updated.getDepartmentId()).isNull();
        server.verify(patchRequestedFor(urlEqualTo("/server/api/v2/chats/67bf"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"displayName\":\"Niv\"}", false, false)));
    }

    @Test
    void pathParametersAreEncodedSoTheyCannotChangeThePath() {
        answer("{\"success\":true,\"title\":\"x\"}");

        texter.chats().getChat("../labels?x=1");

        assertThat(onlyRequest().getUrl()).isEqualTo("/server/api/v2/chats/..%2Flabels%3Fx%3D1");
    }

    @Test
    void plainTextOkAnswersDecodeWhetherBareOrJsonQuoted() {
        answerText("OK");
        assertThat(texter.labels().updateLabel("VIP", new com.texterchat.model.UpdateLabelRequest()
                .name("Very important"))).isEqualTo("OK");
        server.verify(patchRequestedFor(urlEqualTo("/server/api/v2/labels/VIP"))
                .withRequestBody(equalToJson("{\"name\":\"Very important\"}", false, false)));

        server.resetAll();
        answer("\"OK\"");
        assertThat(texter.templates().deleteTemplate("972509876543", "inbox_marketing_95")).isEqualTo("OK");
        server.verify(deleteRequestedFor(urlEqualTo("/server/api/v2/whatsapp/templates/972509876543/inbox_marketing_95"))
                .withHeader("Accept", containing("text/plain")));
    }

    @Test
    void labelsCreateSendsTheJsonBody() {
        answer("{\"id\":\"important\",\"name\":\"Important!\",\"color\":\"#a83236\"}");

        Label label = texter.labels().createLabel(new CreateLabelRequest().id("important").name("Important!")
                .color("#a83236"));

        assertThat(label.getColor()).isEqualTo("#a83236");
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/labels"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"id\":\"important\",\"name\":\"Important!\",\"color\":\"#a83236\"}")));
    }

    @Test
    void templatesSendTurnsSuccessFalseInsideA200IntoAnException() {
        answer("{\"success\":false,\"error\":\"Recipient unsubscribed from template messages on 2025-10-30\"}");

        assertThatThrownBy(() -> texter.templates().sendTemplateMessage(new SendTemplateRequest()
                .templateName("inbox_marketing_98").to("972521234567").body(List.of("Roy", "15033"))))
                .isInstanceOfSatisfying(TexterOperationFailedException.class,
                        e -> assertThat(e.error()).startsWith("Recipient unsubscribed"));
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/whatsapp/templates/send"))
                .withRequestBody(equalToJson(
                        "{\"templateName\":\"inbox_marketing_98\",\"to\":\"972521234567\",\"body\":[\"Roy\",\"15033\"]}")));
    }

    @Test
    void templatesSubmitUsesTheLanguagePathAndDecodesTheTemplate() {
        answer("{\"name\":\"inbox_marketing_95\",\"provider_template\":{\"localizations\":[{\"language\":\"en\","
                + "\"status\":\"REQUESTED\"}]}}");

        Template template = texter.templates().submitTemplateLocalization("972509876543", "inbox_marketing_95", "en");

        assertThat(template.getProviderTemplate().getLocalizations().get(0).getLanguage()).isEqualTo("en");
        server.verify(postRequestedFor(
                urlEqualTo("/server/api/v2/whatsapp/templates/972509876543/inbox_marketing_95/localizations/en/submit")));
    }

    @Test
    void messagesSendAndPageBackwards() {
        answer("{\"success\":true,\"messages\":[{\"_id\":\"m1\",\"type\":\"text\",\"text\":\"Hey there!\",\"status\":0}]}");
        SendMessageResponse sent = texter.messages().sendMessage("67bf",
                new SessionMessage().type(OutgoingMessageType.TEXT).text("Hey there!"));
        assertThat(sent.getMessages()).singleElement().satisfies(m -> assertThat(m.getType()).isEqualTo(MessageType.TEXT));
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/messages/send/67bf"))
                .withRequestBody(equalToJson("{\"type\":\"text\",\"text\":\"Hey there!\"}")));

        server.resetAll();
        answer("{\"messages\":[],\"minTime\":1746616143295,\"maxTime\":1757056145969}");
        MessageList page = texter.messages().getChatMessages("67bf", new MessagesApi.GetChatMessagesQueryParams()
                .beforeTime(1762012091000L).beforeId("68ba8c904657483ffee3101e"));
        assertThat(page.getMaxTime()).isEqualTo(1757056145969L);
        server.verify(getRequestedFor(urlPathEqualTo("/server/api/v2/messages/chat/67bf"))
                .withQueryParam("beforeTime", equalTo("1762012091000"))
                .withQueryParam("beforeId", equalTo("68ba8c904657483ffee3101e"))
                .withQueryParam("limit", absent()));
    }

    @Test
    void filesShareSendsTheTtl() {
        answer("{\"token\":\"abc\",\"url\":\"https://demo.texterchat.com/server/files/shared/f1/abc\"}");

        SharedFile shared = texter.files().generatePublicMediaUrl("6908fc09962e17ab3033fa13",
                new ShareFileRequest().ttl(86400));

        assertThat(shared.getUrl()).endsWith("/abc");
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/files/share/6908fc09962e17ab3033fa13"))
                .withRequestBody(equalToJson("{\"ttl\":86400}")));
    }

    @Test
    void channelsListProblemsWithFilters() {
        answer("{\"total\":1,\"problems\":[{\"_id\":\"p1\",\"channel\":\"whatsapp\",\"severity\":\"error\","
                + "\"impairedFunctionality\":{\"send\":true,\"receive\":false}}]}");

        Problem problem = texter.channels().listChannelHealthProblems(ProblemSeverity.ERROR, "972586503100",
                ChannelName.WHATSAPP, true).getProblems().get(0);

        assertThat(problem.getImpairedFunctionality()).containsEntry("send", true).containsEntry("receive", false);
        server.verify(getRequestedFor(urlPathEqualTo("/server/api/v2/channels/problems"))
                .withQueryParam("severity", equalTo("error"))
                .withQueryParam("accountId", equalTo("972586503100"))
                .withQueryParam("channel", equalTo("whatsapp"))
                .withQueryParam("includeResolved", equalTo("true")));
    }

    @Test
    void quickRepliesPatchSendsSingleKeyOperationsIncludingExplicitNull() {
        answer("{\"_id\":\"q1\",\"display\":{\"position\":\"top\"}}");

        QuickReply reply = texter.quickReplies().updateQuickReply("q1", List.of(
                new QuickReplyOperation().updateDisplayTitle(null),
                new QuickReplyOperation().updateClientMetadata(java.util.Map.of("aiQuickReply", true))));

        assertThat(reply.getId()).isEqualTo("q1");
        server.verify(patchRequestedFor(urlEqualTo("/server/api/v2/quick-replies/q1"))
                .withRequestBody(equalToJson(
                        "[{\"updateDisplayTitle\":null},{\"updateClientMetadata\":{\"aiQuickReply\":true}}]")));
    }

    @Test
    void quickRepliesListRepeatsArrayFilters() {
        answer("{\"total\":0,\"quickReplies\":[]}");

        texter.quickReplies().listQuickReplies(new QuickRepliesApi.ListQuickRepliesQueryParams()
                .forChatName(ChannelName.WHATSAPP).forChatAccountId("972586640430").forChatId("67bf")
                .hasContentsType(List.of(MessageType.TEXT, MessageType.MEDIA)));

        server.verify(getRequestedFor(urlPathEqualTo("/server/api/v2/quick-replies"))
                .withQueryParam("forChat[name]", equalTo("whatsapp"))
                .withQueryParam("forChat[accountId]", equalTo("972586640430"))
                .withQueryParam("forChat[id]", equalTo("67bf"))
                .withQueryParam("hasContentsType", havingExactly("text", "media")));
    }

    @Test
    void eventSubscriptionsImportPostsTheScenarioDocument() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"_id\":\"s1\"}")));

        Scenario scenario = texter.eventSubscriptions().importSubscription(new ImportSubscriptionRequest()
                .asStatus(SubscriptionImportStatus.INACTIVE)
                .data(new ScenarioDocument().version(ScenarioDocument.VersionEnum.V1).name("(SUB) Chat Subscribed")
                        .triggerEvents(List.of("domain.chat.subscribed")).actions(List.of())));

        assertThat(scenario.getId()).isEqualTo("s1");
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/scenarios/manage/import"))
                .withRequestBody(equalToJson("{\"asStatus\":\"inactive\",\"data\":{\"version\":\"v1\","
                        + "\"name\":\"(SUB) Chat Subscribed\",\"triggerEvents\":[\"domain.chat.subscribed\"],\"actions\":[]}}")));
    }

    @Test
    void scenariosUpdateDraftIsAPatchWithAnOperationsArray() {
        answer("{\"_id\":\"s1\",\"drafts\":[{\"status\":\"draft\",\"name\":\"renamed\"}]}");

        Scenario scenario = texter.scenarios().updateScenarioDraft("s1",
                List.of(new ScenarioDraftOperation().rename("renamed")));

        assertThat(scenario.getDrafts().get(0).getName()).isEqualTo("renamed");
        server.verify(patchRequestedFor(urlEqualTo("/server/api/v2/scenarios/manage/s1/draft"))
                .withRequestBody(equalToJson("[{\"rename\":\"renamed\"}]")));
    }

    @Test
    void templateSubscriptionsListIsABareArrayAndUnsubscribePosts() {
        answer("[{\"title\":\"Eli Cohen\",\"phone\":\"+972549431678\"},{\"phone\":\"+972534226703\"}]");
        List<UnsubscribedUser> users = texter.templateSubscriptions().listUnsubscribedUsers(
                new TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams().limit(100));
        assertThat(users).extracting(UnsubscribedUser::getPhone).containsExactly("+972549431678", "+972534226703");
        server.verify(getRequestedFor(urlEqualTo("/server/api/v2/whatsapp/templates/unsubscribed?limit=100")));

        server.resetAll();
        answer("{\"success\":true}");
        assertThat(texter.templateSubscriptions().unsubscribeFromTemplates(
                new TemplateSubscriptionRequest().phone("0521234567")).getSuccess()).isTrue();
        server.verify(postRequestedFor(urlEqualTo("/server/api/v2/whatsapp/templates/unsubscribe"))
                .withRequestBody(equalToJson("{\"phone\":\"0521234567\"}")));
    }
}
