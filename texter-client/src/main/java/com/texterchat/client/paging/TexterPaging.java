package com.texterchat.client.paging;

import com.texterchat.api.ChatsApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.model.ChannelName;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.ChatStatusName;
import com.texterchat.model.Label;
import com.texterchat.model.LabelList;
import com.texterchat.model.Message;
import com.texterchat.model.MessageType;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyList;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.ScenarioRun;
import com.texterchat.model.ScenarioRunList;
import com.texterchat.model.SortOrder;
import com.texterchat.model.UnsubscribedUser;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every paged Texter list as a lazy {@link Paged} sequence of items. Obtain it from
 * {@link com.texterchat.client.TexterClient#paging()}.
 *
 * <pre>{@code
 * List<Chat> vip = texter.paging()
 *         .searchChats(new ChatsApi.SearchChatsQueryParams().labels(Set.of("VIP")))
 *         .stream().limit(500).toList();
 * for (Message m : texter.paging().getChatMessages(chatId)) { ... }   // newest first
 * }</pre>
 *
 * <p><b>Naming.</b> Each method is named after the list operation it walks and takes that operation's path
 * parameters and its {@code *QueryParams}, e.g. {@code listLabels(query)} walks {@code LabelsApi.listLabels}; the
 * form without the query walks the whole list with the defaults. The one addition, {@link #getBotSessionMessages},
 * walks {@code getChatMessages} filtered to one bot session.
 *
 * <p>Lists paged by {@code skip}/{@code limit} take the caller's query as it is: its {@code limit} becomes the
 * page size (a larger default than Texter's applies when it is not set) and its {@code skip} the starting offset.
 * As with any offset paging, items added or removed while a walk is under way can shift the pages, so an item may
 * be seen twice or not at all; the message history uses a cursor and is not affected. The values of a query are
 * read when the method is called; changing the query afterwards does not change the walk.
 *
 * <p>A page that does not move the walk forward (a server that ignores {@code skip}, or {@code beforeTime} and
 * {@code beforeId}) ends the walk with a {@link com.texterchat.client.error.TexterUnexpectedResponseException}
 * after at most one repeated page, instead of returning the same items again and again.
 */
public final class TexterPaging {

    /** Page size used when the caller's query sets no {@code limit}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Page size for the unsubscribed-user lists when the query sets no {@code limit}. */
    public static final int DEFAULT_UNSUBSCRIBED_PAGE_SIZE = 1000;

    /**
     * The {@code beforeId} of the first message page when the caller gives no cursor: a well-formed message ID
     * that matches no message, so that nothing is excluded.
     */
    static final String NO_MESSAGE_ID = "000000000000000000000000";

    private final ChatsApi chats;
    private final MessagesApi messages;
    private final QuickRepliesApi quickReplies;
    private final LabelsApi labels;
    private final TemplateSubscriptionsApi templateSubscriptions;
    private final ScenariosApi scenarios;

    /**
     * Pages over the given API clients; {@link com.texterchat.client.TexterClient#paging()} passes its own.
     *
     * @param chats                 the chats API
     * @param messages              the messages API
     * @param quickReplies          the quick replies API
     * @param labels                the labels API
     * @param templateSubscriptions the template subscriptions API
     * @param scenarios             the scenarios API
     */
    public TexterPaging(ChatsApi chats, MessagesApi messages, QuickRepliesApi quickReplies, LabelsApi labels,
            TemplateSubscriptionsApi templateSubscriptions, ScenariosApi scenarios) {
        this.chats = Objects.requireNonNull(chats, "chats");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.quickReplies = Objects.requireNonNull(quickReplies, "quickReplies");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.templateSubscriptions = Objects.requireNonNull(templateSubscriptions, "templateSubscriptions");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    }

    /**
     * All chats (Search Chats without filters), newest last message first.
     *
     * @return the chats, fetched page by page
     */
    public Paged<Chat> searchChats() {
        return searchChats(null);
    }

    /**
     * The chats Search Chats finds, newest last message first.
     *
     * @param query filters; its {@code limit} is the page size, its {@code skip} the starting offset ({@code null}
     *              for none)
     * @return the chats, fetched page by page
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code skip} below 0
     */
    public Paged<Chat> searchChats(ChatsApi.@Nullable SearchChatsQueryParams query) {
        ChatsApi.SearchChatsQueryParams q = query != null ? query : new ChatsApi.SearchChatsQueryParams();
        String search = q.getSearch();
        String channelName = q.getChannelName();
        String channelAccountId = q.getChannelAccountId();
        Set<String> labelNames = q.getLabels();
        Set<ChatStatusName> statuses = q.getStatuses();
        Boolean includeEmptyChats = q.getIncludeEmptyChats();
        return OffsetPages.of("searchChats", q.getSkip(), q.getLimit(), DEFAULT_PAGE_SIZE,
                (skip, limit) -> chats.searchChats(search, channelName, channelAccountId, labelNames, statuses,
                        includeEmptyChats, limit, skip),
                ChatSearchResult::getData, ChatSearchResult::getTotal);
    }

    /**
     * The whole message history of a chat, newest message first, going back as far as the caller keeps
     * consuming.
     *
     * @param chatId the chat's ID
     * @return the messages, fetched page by page
     */
    public Paged<Message> getChatMessages(String chatId) {
        return getChatMessages(chatId, null);
    }

    /**
     * The message history of a chat, newest first, optionally starting below a cursor.
     *
     * @param chatId the chat's ID
     * @param query  {@code limit} is the page size; {@code beforeTime} and {@code beforeId} (both or neither) start
     *               the walk below that message; {@code botSessionId} is refused here, use
     *               {@link #getBotSessionMessages(String, String, int)} ({@code null} for the defaults)
     * @return the messages, fetched page by page
     * @throws IllegalArgumentException when only one of {@code beforeTime}/{@code beforeId} or a
     *                                  {@code botSessionId} is given, or {@code limit} is below 1
     */
    public Paged<Message> getChatMessages(String chatId, MessagesApi.@Nullable GetChatMessagesQueryParams query) {
        Objects.requireNonNull(chatId, "chatId");
        MessagesApi.GetChatMessagesQueryParams q = query != null ? query : new MessagesApi.GetChatMessagesQueryParams();
        if (q.getBotSessionId() != null) {
            throw new IllegalArgumentException("botSessionId: page a bot session's messages with"
                    + " getBotSessionMessages(chatId, botSessionId) instead");
        }
        Long givenTime = q.getBeforeTime();
        String givenId = q.getBeforeId();
        if ((givenTime == null) != (givenId == null)) {
            throw new IllegalArgumentException("beforeTime and beforeId go together: give both (the timestamp and _id"
                    + " of the message to start below) or neither");
        }
        int pageSize = OffsetPages.atLeast("limit", q.getLimit(), DEFAULT_PAGE_SIZE, 1);
        return MessageHistory.walk(messages, chatId, null, pageSize,
                givenTime != null ? givenTime : System.currentTimeMillis() + Duration.ofDays(1).toMillis(),
                givenId != null ? givenId : NO_MESSAGE_ID);
    }

    /**
     * The messages of one bot session of a chat, newest first, in pages of {@link #DEFAULT_PAGE_SIZE}.
     *
     * @param chatId       the chat's ID
     * @param botSessionId the bot session's ID (a message's {@code botSessionId})
     * @return the session's messages, fetched page by page
     * @see #getBotSessionMessages(String, String, int)
     */
    public Paged<Message> getBotSessionMessages(String chatId, String botSessionId) {
        return getBotSessionMessages(chatId, botSessionId, DEFAULT_PAGE_SIZE);
    }

    /**
     * The messages of one bot session of a chat, newest first. The first request carries {@code botSessionId}
     * and {@code limit}, as Texter documents the filter; when a page is full, the next one adds the documented
     * cursor ({@code beforeTime} and {@code beforeId} of the oldest message so far) to {@code botSessionId}.
     *
     * <p><b>Inferred:</b> Texter's reference documents {@code botSessionId} and the cursor each on its own, not
     * together; that the two combine to page a long session is the SDK's reading (see docs/spec-notes.md). A
     * server that ignores the cursor in that combination ends the walk with a
     * {@link com.texterchat.client.error.TexterUnexpectedResponseException} instead of repeating messages.
     *
     * @param chatId       the chat's ID
     * @param botSessionId the bot session's ID (a message's {@code botSessionId})
     * @param pageSize     the {@code limit} of each request, at least 1
     * @return the session's messages, fetched page by page
     * @throws IllegalArgumentException when {@code botSessionId} is empty or {@code pageSize} is below 1
     */
    public Paged<Message> getBotSessionMessages(String chatId, String botSessionId, int pageSize) {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(botSessionId, "botSessionId");
        if (botSessionId.isEmpty()) {
            throw new IllegalArgumentException("botSessionId must not be empty");
        }
        int limit = OffsetPages.atLeast("pageSize", pageSize, DEFAULT_PAGE_SIZE, 1);
        return MessageHistory.walk(messages, chatId, botSessionId, limit, null, null);
    }

    /**
     * All quick replies, newest first.
     *
     * @return the quick replies, fetched page by page
     */
    public Paged<QuickReply> listQuickReplies() {
        return listQuickReplies(null);
    }

    /**
     * The quick replies matching a query.
     *
     * @param query filters and sort order; its {@code limit} is the page size, its {@code skip} the starting offset
     *              ({@code null} for none)
     * @return the quick replies, fetched page by page
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code skip} below 0
     */
    public Paged<QuickReply> listQuickReplies(QuickRepliesApi.@Nullable ListQuickRepliesQueryParams query) {
        QuickRepliesApi.ListQuickRepliesQueryParams q =
                query != null ? query : new QuickRepliesApi.ListQuickRepliesQueryParams();
        SortOrder sortTitle = q.getSortTitle();
        SortOrder sortCreated = q.getSortCreated();
        SortOrder sortUpdated = q.getSortUpdated();
        ChannelName forChatName = q.getForChatName();
        String forChatAccountId = q.getForChatAccountId();
        String forChatId = q.getForChatId();
        QuickReplyPosition position = q.getPosition();
        List<MessageType> hasContentsType = q.getHasContentsType();
        return OffsetPages.of("listQuickReplies", q.getSkip(), q.getLimit(), DEFAULT_PAGE_SIZE,
                (skip, limit) -> quickReplies.listQuickReplies(skip, limit, sortTitle, sortCreated, sortUpdated,
                        forChatName, forChatAccountId, forChatId, position, hasContentsType),
                QuickReplyList::getQuickReplies, QuickReplyList::getTotal);
    }

    /**
     * All labels.
     *
     * @return the labels, fetched page by page
     */
    public Paged<Label> listLabels() {
        return listLabels(null);
    }

    /**
     * The labels, starting at the query's {@code skip} with its {@code limit} as page size.
     *
     * @param query paging parameters ({@code null} for the defaults)
     * @return the labels, fetched page by page
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code skip} below 0
     */
    public Paged<Label> listLabels(LabelsApi.@Nullable ListLabelsQueryParams query) {
        LabelsApi.ListLabelsQueryParams q = query != null ? query : new LabelsApi.ListLabelsQueryParams();
        return OffsetPages.of("listLabels", q.getSkip(), q.getLimit(), DEFAULT_PAGE_SIZE,
                (skip, limit) -> labels.listLabels(limit, skip),
                LabelList::getLabels, LabelList::getTotal);
    }

    /**
     * Everyone who unsubscribed from template messages on any channel, oldest first.
     *
     * @return the recipients, fetched page by page
     */
    public Paged<UnsubscribedUser> listUnsubscribedUsers() {
        return listUnsubscribedUsers(null);
    }

    /**
     * Everyone who unsubscribed from template messages on any channel, oldest first.
     *
     * @param query paging parameters ({@code null} for the defaults)
     * @return the recipients, fetched page by page
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code skip} below 0
     */
    public Paged<UnsubscribedUser> listUnsubscribedUsers(
            TemplateSubscriptionsApi.@Nullable ListUnsubscribedUsersQueryParams query) {
        TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams q =
                query != null ? query : new TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams();
        return OffsetPages.of("listUnsubscribedUsers", q.getSkip(), q.getLimit(), DEFAULT_UNSUBSCRIBED_PAGE_SIZE,
                (skip, limit) -> templateSubscriptions.listUnsubscribedUsers(limit, skip), list -> list,
                list -> null);
    }

    /**
     * Everyone who unsubscribed from template messages on one channel account, oldest first.
     *
     * @param accountId the channel account (e.g. the business phone number)
     * @return the recipients, fetched page by page
     */
    public Paged<UnsubscribedUser> listUnsubscribedUsersByAccount(String accountId) {
        return listUnsubscribedUsersByAccount(accountId, null);
    }

    /**
     * Everyone who unsubscribed from template messages on one channel account, oldest first.
     *
     * @param accountId the channel account (e.g. the business phone number)
     * @param query     paging parameters ({@code null} for the defaults)
     * @return the recipients, fetched page by page
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code skip} below 0
     */
    public Paged<UnsubscribedUser> listUnsubscribedUsersByAccount(String accountId,
            TemplateSubscriptionsApi.@Nullable ListUnsubscribedUsersByAccountQueryParams query) {
        Objects.requireNonNull(accountId, "accountId");
        TemplateSubscriptionsApi.ListUnsubscribedUsersByAccountQueryParams q =
                query != null ? query : new TemplateSubscriptionsApi.ListUnsubscribedUsersByAccountQueryParams();
        return OffsetPages.of("listUnsubscribedUsersByAccount", q.getSkip(), q.getLimit(),
                DEFAULT_UNSUBSCRIBED_PAGE_SIZE,
                (skip, limit) -> templateSubscriptions.listUnsubscribedUsersByAccount(accountId, limit, skip),
                list -> list, list -> null);
    }

    /**
     * All scenario runs (webhook deliveries included).
     *
     * @return the runs, fetched page by page
     */
    public Paged<ScenarioRun> listScenarioRuns() {
        return listScenarioRuns(null);
    }

    /**
     * The scenario runs matching a query.
     *
     * @param query filters; its {@code limit} is the page size, its {@code skip} the starting offset ({@code null}
     *              for none)
     * @return the runs, fetched page by page
     * @throws IllegalArgumentException when {@code limit} is below 1 or {@code skip} below 0
     */
    public Paged<ScenarioRun> listScenarioRuns(ScenariosApi.@Nullable ListScenarioRunsQueryParams query) {
        ScenariosApi.ListScenarioRunsQueryParams q = query != null ? query : new ScenariosApi.ListScenarioRunsQueryParams();
        String scenarioId = q.getScenarioId();
        Boolean success = q.getSuccess();
        return OffsetPages.of("listScenarioRuns", q.getSkip(), q.getLimit(), DEFAULT_PAGE_SIZE,
                (skip, limit) -> scenarios.listScenarioRuns(scenarioId, success, limit, skip),
                ScenarioRunList::getRuns, ScenarioRunList::getTotal);
    }
}
