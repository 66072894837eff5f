package com.texterchat.client.paging;

import com.texterchat.api.ChatsApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.Label;
import com.texterchat.model.LabelList;
import com.texterchat.model.Message;
import com.texterchat.model.QuickReply;
import com.texterchat.model.QuickReplyList;
import com.texterchat.model.ScenarioRun;
import com.texterchat.model.ScenarioRunList;
import com.texterchat.model.UnsubscribedUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every paged Texter list as a lazy {@link Paged} sequence of items. Obtain it from
 * {@link com.texterchat.client.TexterClient#paging()}.
 *
 * <pre>{@code
 * List<Chat> vip = texter.paging()
 *         .searchChats(new ChatsApi.SearchChatsQueryParams().labels(Set.of("VIP")))
 *         .stream().limit(500).toList();
 * for (Message m : texter.paging().chatMessages(chatId)) { ... }   // newest first
 * }</pre>
 *
 * <p>Lists paged by {@code skip}/{@code limit} take the caller's query as it is: its {@code limit} becomes the
 * page size (a larger default than Texter's applies when it is not set) and its {@code skip} the starting offset.
 * As with any offset paging, items added or removed while a walk is under way can shift the pages, so an item may
 * be seen twice or not at all; the message history uses a cursor and is not affected.
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
     */
    public Paged<Chat> searchChats(ChatsApi.@Nullable SearchChatsQueryParams query) {
        return OffsetPages.of(query, ChatsApi.SearchChatsQueryParams::new, DEFAULT_PAGE_SIZE, chats::searchChats,
                ChatSearchResult::getData, ChatSearchResult::getTotal);
    }

    /**
     * The whole message history of a chat, newest message first, going back as far as the caller keeps
     * consuming.
     *
     * @param chatId the chat's ID
     * @return the messages, fetched page by page
     */
    public Paged<Message> chatMessages(String chatId) {
        return chatMessages(chatId, null);
    }

    /**
     * The message history of a chat, newest first, optionally starting below a cursor.
     *
     * @param chatId the chat's ID
     * @param query  {@code limit} is the page size; {@code beforeTime} and {@code beforeId} (both or neither) start
     *               the walk below that message; {@code botSessionId} is not allowed, since a bot session's
     *               messages come in one answer ({@code null} for the defaults)
     * @return the messages, fetched page by page
     * @throws IllegalArgumentException when only one of {@code beforeTime}/{@code beforeId} or a
     *                                  {@code botSessionId} is given, or {@code limit} is below 1
     */
    public Paged<Message> chatMessages(String chatId, MessagesApi.@Nullable GetChatMessagesQueryParams query) {
        Objects.requireNonNull(chatId, "chatId");
        MessagesApi.GetChatMessagesQueryParams base = new MessagesApi.GetChatMessagesQueryParams();
        if (query != null) {
            base.putAll(query);
        }
        if (base.get("botSessionId") != null) {
            throw new IllegalArgumentException("botSessionId cannot be paged: Texter returns a bot session's messages"
                    + " in one answer; call messages().getChatMessages(...) with it instead");
        }
        boolean hasTime = base.get("beforeTime") != null;
        Object beforeId = base.get("beforeId");
        boolean hasId = beforeId != null;
        if (hasTime != hasId) {
            throw new IllegalArgumentException("beforeTime and beforeId go together: give both (the timestamp and _id"
                    + " of the message to start below) or neither");
        }
        int pageSize = Math.toIntExact(OffsetPages.number(base, "limit", DEFAULT_PAGE_SIZE, 1));
        Long givenTime = hasTime ? OffsetPages.number(base, "beforeTime", 0, 0) : null;
        String givenId = beforeId != null ? URLDecoder.decode(beforeId.toString(), StandardCharsets.UTF_8) : null;
        base.remove("limit");
        base.remove("beforeTime");
        base.remove("beforeId");
        return new Paged<>(() -> new MessageHistory(messages, chatId, base, pageSize,
                givenTime != null ? givenTime : System.currentTimeMillis() + Duration.ofDays(1).toMillis(),
                givenId != null ? givenId : NO_MESSAGE_ID));
    }

    /**
     * All quick replies, newest first.
     *
     * @return the quick replies, fetched page by page
     */
    public Paged<QuickReply> quickReplies() {
        return quickReplies(null);
    }

    /**
     * The quick replies matching a query.
     *
     * @param query filters and sort order; its {@code limit} is the page size, its {@code skip} the starting offset
     *              ({@code null} for none)
     * @return the quick replies, fetched page by page
     */
    public Paged<QuickReply> quickReplies(QuickRepliesApi.@Nullable ListQuickRepliesQueryParams query) {
        return OffsetPages.of(query, QuickRepliesApi.ListQuickRepliesQueryParams::new, DEFAULT_PAGE_SIZE,
                quickReplies::listQuickReplies, QuickReplyList::getQuickReplies, QuickReplyList::getTotal);
    }

    /**
     * All labels.
     *
     * @return the labels, fetched page by page
     */
    public Paged<Label> labels() {
        return labels(null);
    }

    /**
     * The labels, starting at the query's {@code skip} with its {@code limit} as page size.
     *
     * @param query paging parameters ({@code null} for the defaults)
     * @return the labels, fetched page by page
     */
    public Paged<Label> labels(LabelsApi.@Nullable ListLabelsQueryParams query) {
        return OffsetPages.of(query, LabelsApi.ListLabelsQueryParams::new, DEFAULT_PAGE_SIZE, labels::listLabels,
                LabelList::getLabels, LabelList::getTotal);
    }

    /**
     * Everyone who unsubscribed from template messages on any channel, oldest first.
     *
     * @return the recipients, fetched page by page
     */
    public Paged<UnsubscribedUser> unsubscribedUsers() {
        return unsubscribedUsers((TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams) null);
    }

    /**
     * Everyone who unsubscribed from template messages on any channel, oldest first.
     *
     * @param query paging parameters ({@code null} for the defaults)
     * @return the recipients, fetched page by page
     */
    public Paged<UnsubscribedUser> unsubscribedUsers(
            TemplateSubscriptionsApi.@Nullable ListUnsubscribedUsersQueryParams query) {
        return OffsetPages.of(query, TemplateSubscriptionsApi.ListUnsubscribedUsersQueryParams::new,
                DEFAULT_UNSUBSCRIBED_PAGE_SIZE, templateSubscriptions::listUnsubscribedUsers, list -> list,
                list -> null);
    }

    /**
     * Everyone who unsubscribed from template messages on one channel account, oldest first.
     *
     * @param accountId the channel account (e.g. the business phone number)
     * @return the recipients, fetched page by page
     */
    public Paged<UnsubscribedUser> unsubscribedUsers(String accountId) {
        return unsubscribedUsers(accountId, null);
    }

    /**
     * Everyone who unsubscribed from template messages on one channel account, oldest first.
     *
     * @param accountId the channel account (e.g. the business phone number)
     * @param query     paging parameters ({@code null} for the defaults)
     * @return the recipients, fetched page by page
     */
    public Paged<UnsubscribedUser> unsubscribedUsers(String accountId,
            TemplateSubscriptionsApi.@Nullable ListUnsubscribedUsersByAccountQueryParams query) {
        Objects.requireNonNull(accountId, "accountId");
        return OffsetPages.of(query, TemplateSubscriptionsApi.ListUnsubscribedUsersByAccountQueryParams::new,
                DEFAULT_UNSUBSCRIBED_PAGE_SIZE, page -> templateSubscriptions.listUnsubscribedUsersByAccount(accountId,
                        page), list -> list, list -> null);
    }

    /**
     * All scenario runs (webhook deliveries included).
     *
     * @return the runs, fetched page by page
     */
    public Paged<ScenarioRun> scenarioRuns() {
        return scenarioRuns(null);
    }

    /**
     * The scenario runs matching a query.
     *
     * @param query filters; its {@code limit} is the page size, its {@code skip} the starting offset ({@code null}
     *              for none)
     * @return the runs, fetched page by page
     */
    public Paged<ScenarioRun> scenarioRuns(ScenariosApi.@Nullable ListScenarioRunsQueryParams query) {
        return OffsetPages.of(query, ScenariosApi.ListScenarioRunsQueryParams::new, DEFAULT_PAGE_SIZE,
                scenarios::listScenarioRuns, ScenarioRunList::getRuns, ScenarioRunList::getTotal);
    }
}
