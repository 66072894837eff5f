package com.texterchat.client.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.texterchat.client.testsupport.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatusName;
import com.texterchat.model.Label;
import com.texterchat.model.Message;
import com.texterchat.model.QuickReply;
import com.texterchat.model.ScenarioRun;
import com.texterchat.model.UnsubscribedUser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lazy paging over every paged list, against a server that really pages. */
class TexterPagingTest {

    @RegisterExtension
    static final TestServer server = new TestServer();
    private static final TexterClient texter = server.clientBuilder().retryPolicy(RetryPolicy.disabled()).build();

    /** Stubs a skip/limit list of {@code count} items, each page answered by {@code page(skip, size)}. */
    private static void offsetList(String path, int count, int pageSize, PageBody page) {
        for (int skip = 0; skip <= count; skip += pageSize) {
            server.wireMock().stubFor(get(urlPathEqualTo(API + path))
                    .withQueryParam("skip", equalTo(String.valueOf(skip)))
                    .withQueryParam("limit", equalTo(String.valueOf(pageSize)))
                    .willReturn(okJson(page.json(skip, Math.max(0, Math.min(pageSize, count - skip))))));
        }
    }

    @FunctionalInterface
    private interface PageBody {
        String json(int skip, int size);
    }

    private static String items(int skip, int size, IntFunction<String> item) {
        return IntStream.range(skip, skip + size).mapToObj(item).collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> queryValues(String name) {
        return server.requests().stream().map(r -> r.queryParameter(name).firstValue()).collect(Collectors.toList());
    }

    @Test
    void searchChatsWalksAllPagesUpToTheTotalKeepingTheFilters() {
        offsetList("/chats/search", 250, 100, (skip, size) -> "{\"total\":250,\"data\":"
                + items(skip, size, i -> "{\"_id\":\"c" + i + "\"}") + "}");

        List<Chat> chats = texter.paging().searchChats(new ChatsApi.SearchChatsQueryParams().search("Cohen")
                .statuses(Set.of(ChatStatusName.PENDING))).stream().collect(Collectors.toList());

        assertThat(chats).extracting(Chat::getId).hasSize(250).startsWith("c0", "c1").endsWith("c249")
                .doesNotHaveDuplicates();
        assertThat(queryValues("skip")).containsExactly("0", "100", "200");
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.queryParameter("search").firstValue()).isEqualTo("Cohen");
            assertThat(r.queryParameter("statuses[]").firstValue()).isEqualTo("PENDING");
        });
    }

    @Test
    void pagesAreFetchedOnlyWhenReached() {
        offsetList("/chats/search", 250, 100, (skip, size) -> "{\"total\":250,\"data\":"
                + items(skip, size, i -> "{\"_id\":\"c" + i + "\"}") + "}");

        Paged<Chat> all = texter.paging().searchChats();
        assertThat(server.requests()).isEmpty();

        assertThat(all.stream().limit(100).count()).isEqualTo(100);
        assertThat(server.requests()).hasSize(1);

        Iterator<Chat> iterator = all.iterator();
        for (int i = 0; i < 101; i++) {
            iterator.next();
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void theCallersLimitIsThePageSizeAndItsSkipTheStart() {
        offsetList("/quick-replies", 9, 2, (skip, size) -> "{\"total\":9,\"quickReplies\":"
                + items(skip, size, i -> "{\"_id\":\"q" + i + "\"}") + "}");

        List<QuickReply> replies = new ArrayList<>();
        texter.paging().listQuickReplies(new QuickRepliesApi.ListQuickRepliesQueryParams().limit(2).skip(4)).forEach(
                replies::add);

        assertThat(replies).extracting(QuickReply::getId).containsExactly("q4", "q5", "q6", "q7", "q8");
        assertThat(queryValues("skip")).containsExactly("4", "6", "8");
    }

    @Test
    void labelsAndScenarioRunsPageByTotal() {
        offsetList("/labels", 3, 100, (skip, size) -> "{\"total\":3,\"labels\":"
                + items(skip, size, i -> "{\"id\":\"l" + i + "\",\"name\":\"L" + i + "\"}") + "}");
        offsetList("/scenarios/runs", 150, 100, (skip, size) -> "{\"total\":150,\"runs\":"
                + items(skip, size, i -> "{\"_id\":\"r" + i + "\"}") + "}");

        assertThat(texter.paging().listLabels().stream()).extracting(Label::getId).containsExactly("l0", "l1", "l2");
        assertThat(texter.paging().listScenarioRuns(new ScenariosApi.ListScenarioRunsQueryParams().success(false))
                .stream()).extracting(ScenarioRun::getId).hasSize(150).endsWith("r149");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aTotalLargerThanTheListEndsAtTheFirstEmptyPage() {
        offsetList("/labels", 2, 100, (skip, size) -> "{\"total\":500,\"labels\":"
                + items(skip, size, i -> "{\"id\":\"l" + i + "\"}") + "}");
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels")).withQueryParam("skip", equalTo("2"))
                .willReturn(okJson("{\"total\":500,\"labels\":[]}")));

        assertThat(texter.paging().listLabels(new LabelsApi.ListLabelsQueryParams()).stream()).hasSize(2);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void unsubscribedListsWithoutATotalEndAtAShortPage() {
        offsetList("/whatsapp/templates/unsubscribed", 5, 2, (skip, size) -> items(skip, size,
                i -> "{\"phone\":\"+97250000000" + i + "\"}"));
        offsetList("/whatsapp/templates/unsubscribed/972509876543", 4, 2, (skip, size) -> items(skip, size,
                i -> "{\"phone\":\"+97252000000" + i + "\"}"));

        assertThat(texter.paging().listUnsubscribedUsers(new TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams()
                .limit(2)).stream()).extracting(UnsubscribedUser::getPhone).hasSize(5).endsWith("+972500000004");
        assertThat(texter.paging().listUnsubscribedUsersByAccount("972509876543",
                new TemplateSubscriptionsApi.ListUnsubscribedUsersByAccountQueryParams().limit(2)).stream())
                .hasSize(4);
        assertThat(queryValues("skip")).containsExactly("0", "2", "4", "0", "2", "4");
    }

    @Test
    void unsubscribedListsUseLargePagesByDefault() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/whatsapp/templates/unsubscribed"))
                .willReturn(okJson("[{\"phone\":\"+972549431678\"}]")));

        assertThat(texter.paging().listUnsubscribedUsers().stream()).hasSize(1);
        assertThat(queryValues("limit")).containsExactly(String.valueOf(TexterPaging.DEFAULT_UNSUBSCRIBED_PAGE_SIZE));
    }

    @Test
    void eachWalkStartsAgainFromTheFirstPage() {
        offsetList("/labels", 1, 100, (skip, size) -> "{\"total\":1,\"labels\":"
                + items(skip, size, i -> "{\"id\":\"l" + i + "\"}") + "}");
        Paged<Label> labels = texter.paging().listLabels();

        assertThat(labels.stream().count()).isEqualTo(1);
        assertThat(labels.stream().count()).isEqualTo(1);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aFailingPageSurfacesAsTheUsualException() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/quick-replies")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> texter.paging().listQuickReplies().iterator().hasNext())
                .isInstanceOf(TexterNotFoundException.class);
    }

    @Test
    void invalidPagingParametersAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> texter.paging().searchChats(new ChatsApi.SearchChatsQueryParams().limit(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, got 0");
        assertThatThrownBy(() -> texter.paging().listLabels(new LabelsApi.ListLabelsQueryParams().skip(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("skip must be at least 0, got -5");
        assertThatThrownBy(() -> texter.paging().getChatMessages("67bf", new MessagesApi.GetChatMessagesQueryParams()
                .botSessionId("abc"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("botSessionId: page a bot session's messages with getBotSessionMessages");
        assertThatThrownBy(() -> texter.paging().getBotSessionMessages("67bf", "s1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize must be at least 1, got 0");
        assertThatThrownBy(() -> texter.paging().getBotSessionMessages("67bf", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("botSessionId must not be empty");
        assertThatThrownBy(() -> texter.paging().getChatMessages("67bf", new MessagesApi.GetChatMessagesQueryParams()
                .beforeTime(1L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("beforeTime and beforeId go together");
        assertThatThrownBy(() -> texter.paging().getChatMessages("67bf", new MessagesApi.GetChatMessagesQueryParams()
                .beforeId("m1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("beforeTime and beforeId go together");
        assertThat(server.requests()).isEmpty();
    }

    // --- message history -------------------------------------------------------------------------------------

    private static String message(String id, long timestamp) {
        return "{\"_id\":\"" + id + "\",\"type\":\"text\",\"text\":\"" + id + "\",\"timestamp\":" + timestamp + "}";
    }

    private static void messagePage(StringValuePattern beforeTime, StringValuePattern beforeId, String... messages) {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/messages/chat/67bf11038b24880cc966f799"))
                .withQueryParam("beforeTime", beforeTime).withQueryParam("beforeId", beforeId)
                .withQueryParam("limit", equalTo("3"))
                .willReturn(okJson("{\"messages\":[" + String.join(",", messages) + "],\"minTime\":1000}")));
    }

    @Test
    void aChatsHistoryRunsNewestFirstAlongTheCursorWithoutRepeatingMessagesThatShareATimestamp() {
        long before = System.currentTimeMillis();
        // page 1 (oldest first): m5 at 4000, m6 and m7 at 5000; cursor then (4000, m5)
        messagePage(com.github.tomakehurst.wiremock.client.WireMock.matching("\\d+"),
                equalTo(TexterPaging.NO_MESSAGE_ID), message("m5", 4000), message("m6", 5000), message("m7", 5000));
        // page 2 repeats m5's timestamp: m3 at 3000, m4 at 4000 (m5 itself excluded by the server)
        messagePage(equalTo("4000"), equalTo("m5"), message("m2", 3000), message("m3", 3000), message("m4", 4000));
        // page 3: the server includes m3 again (same timestamp as the cursor m2), then m1; shorter page ends the walk
        messagePage(equalTo("3000"), equalTo("m2"), message("m1", 1000), message("m3", 3000));

        List<Message> history = texter.paging().getChatMessages("67bf11038b24880cc966f799",
                new MessagesApi.GetChatMessagesQueryParams().limit(3)).stream().collect(Collectors.toList());

        assertThat(history).extracting(Message::getId).containsExactly("m7", "m6", "m5", "m4", "m3", "m2", "m1");
        List<LoggedRequest> requests = server.requests();
        assertThat(requests).hasSize(3);
        assertThat(Long.parseLong(requests.get(0).queryParameter("beforeTime").firstValue()))
                .as("the first page starts after now").isGreaterThan(before);
    }

    @Test
    void aChatsHistoryCanStartBelowAGivenMessageAndStopsAtAnEmptyPage() {
        messagePage(equalTo("1762012091000"), equalTo("68ba8c904657483ffee3101e"), message("a1", 1762012000000L),
                message("a2", 1762012050000L), message("a3", 1762012091000L));
        messagePage(equalTo("1762012000000"), equalTo("a1"));

        List<Message> history = texter.paging().getChatMessages("67bf11038b24880cc966f799",
                new MessagesApi.GetChatMessagesQueryParams().limit(3).beforeTime(1762012091000L)
                        .beforeId("68ba8c904657483ffee3101e")).stream().collect(Collectors.toList());

        assertThat(history).extracting(Message::getId).containsExactly("a3", "a2", "a1");
        assertThat(server.requests()).hasSize(2).allSatisfy(r ->
                assertThat(r.queryParameter("botSessionId").isPresent()).isFalse());
    }

    @Test
    void theHistoryUsesLargerPagesThanTexterByDefault() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/messages/chat/c1")).withQueryParam("botSessionId",
                absent()).willReturn(okJson("{\"messages\":[]}")));

        assertThat(texter.paging().getChatMessages("c1").stream()).isEmpty();
        assertThat(queryValues("limit")).containsExactly(String.valueOf(TexterPaging.DEFAULT_PAGE_SIZE));
    }

    @Test
    void theCallersQueryIsReadOnceAndNotModified() {
        LabelsApi.ListLabelsQueryParams query = new LabelsApi.ListLabelsQueryParams().limit(1);
        offsetList("/labels", 2, 1, (skip, size) -> "{\"total\":2,\"labels\":"
                + items(skip, size, i -> "{\"id\":\"l" + i + "\"}") + "}");

        Paged<Label> labels = texter.paging().listLabels(query);
        query.limit(50);

        assertThat(labels.stream()).hasSize(2);
        assertThat(queryValues("limit")).containsExactly("1", "1");
        assertThat(query).isEqualTo(new LabelsApi.ListLabelsQueryParams().limit(50));
    }

    // --- bot sessions ----------------------------------------------------------------------------------------

    private static final String CHAT = "/messages/chat/67bf11038b24880cc966f799";

    @Test
    void aLongBotSessionContinuesWithTheCursorTogetherWithTheSessionFilter() {
        // first page: only the documented filter (botSessionId + limit), no cursor
        server.wireMock().stubFor(get(urlPathEqualTo(API + CHAT)).withQueryParam("botSessionId", equalTo("s1"))
                .withQueryParam("limit", equalTo("2")).withQueryParam("beforeTime", absent())
                .withQueryParam("beforeId", absent())
                .willReturn(okJson("{\"messages\":[" + message("b3", 3000) + "," + message("b4", 4000) + "]}")));
        // then the cursor of the oldest message, still with botSessionId
        server.wireMock().stubFor(get(urlPathEqualTo(API + CHAT)).withQueryParam("botSessionId", equalTo("s1"))
                .withQueryParam("limit", equalTo("2")).withQueryParam("beforeTime", equalTo("3000"))
                .withQueryParam("beforeId", equalTo("b3"))
                .willReturn(okJson("{\"messages\":[" + message("b1", 1000) + "," + message("b2", 2000) + "]}")));
        server.wireMock().stubFor(get(urlPathEqualTo(API + CHAT)).withQueryParam("botSessionId", equalTo("s1"))
                .withQueryParam("limit", equalTo("2")).withQueryParam("beforeTime", equalTo("1000"))
                .withQueryParam("beforeId", equalTo("b1")).willReturn(okJson("{\"messages\":[]}")));

        List<Message> session = texter.paging().getBotSessionMessages("67bf11038b24880cc966f799", "s1", 2).stream()
                .collect(Collectors.toList());

        assertThat(session).extracting(Message::getId).containsExactly("b4", "b3", "b2", "b1");
        assertThat(server.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.queryParameter("botSessionId").firstValue()).isEqualTo("s1"));
    }

    @Test
    void aBotSessionThatFitsOnePageCostsOneCall() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + CHAT)).withQueryParam("botSessionId", equalTo("s2"))
                .willReturn(okJson("{\"messages\":[" + message("b1", 1000) + "," + message("b2", 2000) + "]}")));

        assertThat(texter.paging().getBotSessionMessages("67bf11038b24880cc966f799", "s2").stream())
                .extracting(Message::getId).containsExactly("b2", "b1");
        assertThat(server.requests()).hasSize(1);
        assertThat(queryValues("limit")).containsExactly(String.valueOf(TexterPaging.DEFAULT_PAGE_SIZE));
    }

    // --- servers that do not move the cursor -------------------------------------------------------------------

    @Test
    @Timeout(30) // without the guard these walks would not end
    void aServerIgnoringTheMessageCursorEndsTheWalkWithAnExceptionAfterOneRepeatedPage() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + CHAT)).willReturn(okJson("{\"messages\":["
                + message("m1", 1000) + "," + message("m2", 2000) + "," + message("m3", 3000) + "]}")));

        Iterator<Message> history = texter.paging().getChatMessages("67bf11038b24880cc966f799",
                new MessagesApi.GetChatMessagesQueryParams().limit(3)).iterator();
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> history.forEachRemaining(m -> seen.add(m.getId())))
                .isInstanceOf(TexterUnexpectedResponseException.class)
                .hasMessageContaining("getChatMessages").hasMessageContaining("ignored beforeTime/beforeId");
        assertThat(seen).containsExactly("m3", "m2", "m1");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    @Timeout(30) // without the guard these walks would not end
    void aServerIgnoringTheCursorOfABotSessionEndsTheWalkToo() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + CHAT)).willReturn(okJson("{\"messages\":["
                + message("b1", 1000) + "," + message("b2", 2000) + "]}")));

        assertThatThrownBy(() -> texter.paging().getBotSessionMessages("67bf11038b24880cc966f799", "s1", 2)
                .stream().count()).isInstanceOf(TexterUnexpectedResponseException.class)
                .hasMessageContaining("bot session s1");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    @Timeout(30) // without the guard these walks would not end
    void aFullPageOfMessagesAlreadySeenCannotMoveTheCursorAndEndsTheWalk() {
        // the page below the cursor (5000, m3) is full but holds only m4, which was handed out already
        messagePage2(com.github.tomakehurst.wiremock.client.WireMock.matching("\\d+"),
                equalTo(TexterPaging.NO_MESSAGE_ID), message("m3", 5000), message("m4", 5000));
        messagePage2(equalTo("5000"), equalTo("m3"), message("m4", 5000), message("m4", 5000));

        assertThatThrownBy(() -> texter.paging().getChatMessages("c9", new MessagesApi.GetChatMessagesQueryParams()
                .limit(2)).stream().count()).isInstanceOf(TexterUnexpectedResponseException.class)
                .hasMessageContaining("holds only messages already returned");
        assertThat(server.requests()).hasSize(2);
    }

    private static void messagePage2(StringValuePattern beforeTime, StringValuePattern beforeId, String... messages) {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/messages/chat/c9"))
                .withQueryParam("beforeTime", beforeTime).withQueryParam("beforeId", beforeId)
                .willReturn(okJson("{\"messages\":[" + String.join(",", messages) + "]}")));
    }

    @Test
    @Timeout(30) // without the guard these walks would not end
    void aServerIgnoringSkipEndsTheWalkWithAnExceptionAfterOneRepeatedPage() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels")).willReturn(okJson("{\"total\":20000,"
                + "\"labels\":[{\"id\":\"l0\"},{\"id\":\"l1\"}]}")));

        assertThatThrownBy(() -> texter.paging().listLabels(new LabelsApi.ListLabelsQueryParams().limit(2)).stream()
                .count()).isInstanceOf(TexterUnexpectedResponseException.class)
                .hasMessageContaining("listLabels").hasMessageContaining("ignores skip");
        assertThat(queryValues("skip")).containsExactly("0", "2");
    }

    @Test
    @Timeout(30) // without the guard these walks would not end
    void aServerIgnoringSkipOfAListWithoutTotalEndsTheWalkToo() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/whatsapp/templates/unsubscribed"))
                .willReturn(okJson("[{\"phone\":\"+972500000001\"},{\"phone\":\"+972500000002\"}]")));

        assertThatThrownBy(() -> texter.paging().listUnsubscribedUsers(
                new TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams().limit(2)).stream().count())
                .isInstanceOf(TexterUnexpectedResponseException.class);
        assertThat(server.requests()).hasSize(2);
    }
}
