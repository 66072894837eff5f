package com.texterchat.client;

import com.texterchat.api.ChannelsApiAsync;
import com.texterchat.api.ChatsApiAsync;
import com.texterchat.api.EventSubscriptionsApiAsync;
import com.texterchat.api.FilesApiAsync;
import com.texterchat.api.LabelsApiAsync;
import com.texterchat.api.MessagesApiAsync;
import com.texterchat.api.QuickRepliesApiAsync;
import com.texterchat.api.ScenariosApiAsync;
import com.texterchat.api.TemplateSubscriptionsApiAsync;
import com.texterchat.api.TemplatesApiAsync;
import com.texterchat.client.internal.Lazy;
import com.texterchat.client.paging.TexterAsyncPaging;
import java.util.Map;

/**
 * The asynchronous view of a {@link TexterClient}: every operation returns at once a
 * {@link java.util.concurrent.CompletableFuture}. Get it from {@link TexterClient#async()}.
 *
 * <pre>{@code
 * CompletableFuture<ChatSearchResult> found = texter.async().chats()
 *         .searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567"));
 * }</pre>
 *
 * <p>A call made here goes out on the JDK HTTP client's non-blocking {@code sendAsync}, over the same connection
 * pool, and is treated as the blocking call would be: the same retries (the waits between attempts are scheduled on
 * one timer thread of the client, nothing sleeps), the same call, connect and read timeouts, the same response size
 * limit, the same logging with the token masked, and the same errors. A future completes exceptionally with the
 * {@link com.texterchat.client.error.TexterException} the blocking call would throw, itself (so
 * {@code exceptionally}, {@code handle} and {@code whenComplete} see it directly; {@code join()} wraps it in a
 * {@code CompletionException} and {@code get()} in an {@code ExecutionException}, as they always do). Arguments are
 * checked when the method is called: a refused path parameter or a missing required body throws an
 * {@link IllegalArgumentException} at once, before anything is sent.
 *
 * <p>{@code cancel} on a future cancels its call: the exchange under way is aborted (the JDK closes its connection)
 * and no retry follows. Futures derived from it ({@code thenApply}, ...) do not pass a cancellation back, as with
 * any {@code CompletableFuture}. The future completes on one of the client's threads: keep work done in its
 * callbacks short, or hand it to an executor of your own ({@code thenApplyAsync(fn, executor)}).
 *
 * <p>The view belongs to its client: {@link TexterClient#close()} refuses later calls (their futures fail with an
 * {@link IllegalStateException}) and ends the calls in flight with a
 * {@link com.texterchat.client.error.TexterIoException}. Thread-safe.
 */
public final class TexterAsyncClient {

    /** Makes the asynchronous API interfaces of one client. */
    interface Apis {
        /**
         * The lazily made proxy of an API interface.
         *
         * @param api the interface
         * @param <T> its type
         * @return the lazy proxy
         */
        <T> Lazy<T> lazy(Class<T> api);

        /**
         * The lock the lazy values share.
         *
         * @return the lock
         */
        Object lock();
    }

    private final Lazy<ChatsApiAsync> chats;
    private final Lazy<MessagesApiAsync> messages;
    private final Lazy<TemplatesApiAsync> templates;
    private final Lazy<TemplateSubscriptionsApiAsync> templateSubscriptions;
    private final Lazy<LabelsApiAsync> labels;
    private final Lazy<FilesApiAsync> files;
    private final Lazy<ChannelsApiAsync> channels;
    private final Lazy<QuickRepliesApiAsync> quickReplies;
    private final Lazy<EventSubscriptionsApiAsync> eventSubscriptions;
    private final Lazy<ScenariosApiAsync> scenarios;
    private final Lazy<TexterAsyncPaging> paging;
    private final Map<Class<?>, Lazy<?>> byType;

    TexterAsyncClient(Apis apis) {
        this.chats = apis.lazy(ChatsApiAsync.class);
        this.messages = apis.lazy(MessagesApiAsync.class);
        this.templates = apis.lazy(TemplatesApiAsync.class);
        this.templateSubscriptions = apis.lazy(TemplateSubscriptionsApiAsync.class);
        this.labels = apis.lazy(LabelsApiAsync.class);
        this.files = apis.lazy(FilesApiAsync.class);
        this.channels = apis.lazy(ChannelsApiAsync.class);
        this.quickReplies = apis.lazy(QuickRepliesApiAsync.class);
        this.eventSubscriptions = apis.lazy(EventSubscriptionsApiAsync.class);
        this.scenarios = apis.lazy(ScenariosApiAsync.class);
        this.paging = new Lazy<>(apis.lock(), () -> new TexterAsyncPaging(chats(), messages(), quickReplies(),
                labels(), templateSubscriptions(), scenarios()));
        this.byType = Map.of(ChatsApiAsync.class, chats, MessagesApiAsync.class, messages, TemplatesApiAsync.class,
                templates, TemplateSubscriptionsApiAsync.class, templateSubscriptions, LabelsApiAsync.class, labels,
                FilesApiAsync.class, files, ChannelsApiAsync.class, channels, QuickRepliesApiAsync.class,
                quickReplies, EventSubscriptionsApiAsync.class, eventSubscriptions, ScenariosApiAsync.class,
                scenarios);
    }

    /** The API of the given interface (for the views of {@link TexterClient#withOptions}). */
    <T> T api(Class<T> type) {
        return type.cast(java.util.Objects.requireNonNull(byType.get(type), type.getName()).get());
    }

    /**
     * Chats: search, get, assign, resolve, update properties and CRM data.
     *
     * @return the asynchronous chats API
     */
    public ChatsApiAsync chats() {
        return chats.get();
    }

    /**
     * Session messages of a chat: read and send.
     *
     * @return the asynchronous messages API
     */
    public MessagesApiAsync messages() {
        return messages.get();
    }

    /**
     * WhatsApp templates: list, create, localize, submit, update, delete and send.
     *
     * @return the asynchronous templates API
     */
    public TemplatesApiAsync templates() {
        return templates.get();
    }

    /**
     * Who may receive template messages: unsubscribe, resubscribe, list opted-out recipients.
     *
     * @return the asynchronous template subscriptions API
     */
    public TemplateSubscriptionsApiAsync templateSubscriptions() {
        return templateSubscriptions.get();
    }

    /**
     * Labels and the labels of a chat.
     *
     * @return the asynchronous labels API
     */
    public LabelsApiAsync labels() {
        return labels.get();
    }

    /**
     * Public links to stored media files.
     *
     * @return the asynchronous files API
     */
    public FilesApiAsync files() {
        return files.get();
    }

    /**
     * Health problems of connected channel accounts.
     *
     * @return the asynchronous channels API
     */
    public ChannelsApiAsync channels() {
        return channels.get();
    }

    /**
     * Quick replies agents send with one click.
     *
     * @return the asynchronous quick replies API
     */
    public QuickRepliesApiAsync quickReplies() {
        return quickReplies.get();
    }

    /**
     * Webhook subscriptions: import, list, activate, inactivate, delete.
     *
     * @return the asynchronous event subscriptions API
     */
    public EventSubscriptionsApiAsync eventSubscriptions() {
        return eventSubscriptions.get();
    }

    /**
     * Advanced scenario editing: drafts, revisions, components and runs.
     *
     * @return the asynchronous scenarios API
     */
    public ScenariosApiAsync scenarios() {
        return scenarios.get();
    }

    /**
     * The paged lists, walked page by page without blocking.
     *
     * @return the asynchronous paging helper
     */
    public TexterAsyncPaging paging() {
        return paging.get();
    }

    @Override
    public String toString() {
        return "TexterAsyncClient";
    }
}
