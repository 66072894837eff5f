package com.texterchat.client.paging;

import com.texterchat.api.MessagesApi;
import com.texterchat.api.MessagesApiAsync;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.model.Message;
import com.texterchat.model.MessageList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chat's messages backwards with the cursor Texter documents: {@code beforeTime} (inclusive) and
 * {@code beforeId} (excluded) of the oldest message received so far. Each page arrives oldest first and is handed
 * out newest first, so the whole walk runs from the newest message to the oldest. Messages sharing the cursor's
 * timestamp come back in the next page too; they are recognised by ID and not repeated.
 *
 * <p>With a bot session, every request carries its {@code botSessionId}; the first one has no cursor (the
 * documented use of the filter), the later ones add the cursor.
 *
 * <p>A page must move the cursor back: a message newer than the cursor, the cursor message itself, or a full page
 * of nothing but messages already handed out means the server ignored the cursor, and the walk ends with a
 * {@link TexterUnexpectedResponseException}.
 *
 * <p>The cursor and these checks are shared by the blocking walk ({@link #walk}) and the asynchronous one
 * ({@link #walkAsync}); one walk's pages are requested one after another.
 */
final class MessageHistory {

    private static final String OPERATION = "getChatMessages";

    private final String chatId;
    private final @Nullable String botSessionId;
    private final int pageSize;
    private final Set<String> seenAtCursorTime = new HashSet<>();
    private @Nullable Long beforeTime;
    private @Nullable String beforeId;

    private volatile boolean finished;

    private MessageHistory(String chatId, @Nullable String botSessionId, int pageSize, @Nullable Long beforeTime,
            @Nullable String beforeId) {
        this.chatId = chatId;
        this.botSessionId = botSessionId;
        this.pageSize = pageSize;
        this.beforeTime = beforeTime;
        this.beforeId = beforeId;
    }

    /** A walk of the blocking API. */
    static Paged<Message> walk(MessagesApi messages, String chatId, @Nullable String botSessionId, int pageSize,
            @Nullable Long beforeTime, @Nullable String beforeId) {
        return new Paged<>(() -> new PageIterator<Message>() {
            private final MessageHistory history = new MessageHistory(chatId, botSessionId, pageSize, beforeTime,
                    beforeId);

            @Override
            protected List<Message> nextPage() {
                List<Message> page = history.accept(messages.getChatMessages(chatId, pageSize, history.beforeTime,
                        history.beforeId, botSessionId));
                if (history.finished) {
                    lastPage();
                }
                return page;
            }
        });
    }

    /** The same walk on the asynchronous API. */
    static AsyncPaged<Message> walkAsync(MessagesApiAsync messages, String chatId, @Nullable String botSessionId,
            int pageSize, @Nullable Long beforeTime, @Nullable String beforeId) {
        return new AsyncPaged<>(() -> {
            MessageHistory history = new MessageHistory(chatId, botSessionId, pageSize, beforeTime, beforeId);
            return () -> history.finished ? CompletableFuture.completedFuture(List.of())
                    : messages.getChatMessages(chatId, pageSize, history.beforeTime, history.beforeId, botSessionId)
                            .thenApply(history::accept);
        });
    }

    /** The messages of the answer to the page below the cursor, newest first; moves the cursor back. */
    private List<Message> accept(@Nullable MessageList answer) {
        List<Message> received = answer == null || answer.getMessages() == null ? List.of() : answer.getMessages();
        List<Message> fresh = new ArrayList<>(received.size());
        for (int i = received.size() - 1; i >= 0; i--) {
            Message message = received.get(i);
            ignoredCursor(message);
            if (message.getId() == null || !seenAtCursorTime.contains(message.getId())) {
                fresh.add(message);
            }
        }
        if (fresh.isEmpty()) {
            if (received.size() >= pageSize) {
                throw unexpected("the page below " + cursor() + " holds only messages already returned, so the"
                        + " cursor cannot move; paging stopped");
            }
            finished = true;
            return fresh;
        }
        if (received.size() < pageSize) {
            finished = true;
        }
        Message oldest = fresh.get(fresh.size() - 1);
        Long oldestTime = oldest.getTimestamp();
        String oldestId = oldest.getId();
        if (oldestTime == null || oldestId == null) {
            throw unexpected("message " + oldestId + " has no timestamp or _id, so older messages cannot be"
                    + " requested");
        }
        if (!oldestTime.equals(beforeTime)) {
            seenAtCursorTime.clear();
        }
        for (Message message : fresh) {
            if (oldestTime.equals(message.getTimestamp()) && message.getId() != null) {
                seenAtCursorTime.add(message.getId());
            }
        }
        beforeTime = oldestTime;
        beforeId = oldestId;
        return fresh;
    }

    /** Refuses a message the cursor should have kept out: newer than {@code beforeTime}, or the cursor itself. */
    private void ignoredCursor(Message message) {
        if (beforeTime == null) {
            return;
        }
        Long time = message.getTimestamp();
        boolean newer = time != null && time > beforeTime;
        boolean cursorItself = beforeId != null && beforeId.equals(message.getId());
        if (newer || cursorItself) {
            throw unexpected("the page below " + cursor() + " contains message " + message.getId() + " at " + time
                    + ", so the server ignored beforeTime/beforeId; paging stopped instead of repeating messages");
        }
    }

    private String cursor() {
        return "beforeTime=" + beforeTime + ", beforeId=" + beforeId;
    }

    private TexterUnexpectedResponseException unexpected(String problem) {
        return new TexterUnexpectedResponseException(OPERATION, 200, "", OPERATION + ": chat " + chatId
                + (botSessionId == null ? "" : ", bot session " + botSessionId) + ": " + problem, null);
    }
}
