package com.texterchat.client.paging;

import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.api.MessagesApi;
import com.texterchat.model.Message;
import com.texterchat.model.MessageList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a chat's messages backwards with the cursor Texter documents: {@code beforeTime} (inclusive) and
 * {@code beforeId} (excluded) of the oldest message received so far. Each page arrives oldest first and is handed
 * out newest first, so the whole walk runs from the newest message to the oldest. Messages sharing the cursor's
 * timestamp come back in the next page too; they are recognised by ID and not repeated.
 */
final class MessageHistory extends PageIterator<Message> {

    private final MessagesApi messages;
    private final String chatId;
    private final MessagesApi.GetChatMessagesQueryParams query;
    private final int pageSize;
    private final Set<String> seenAtCursorTime = new HashSet<>();
    private long beforeTime;
    private String beforeId;

    MessageHistory(MessagesApi messages, String chatId, MessagesApi.GetChatMessagesQueryParams query, int pageSize,
            long beforeTime, String beforeId) {
        this.messages = messages;
        this.chatId = chatId;
        this.query = query;
        this.pageSize = pageSize;
        this.beforeTime = beforeTime;
        this.beforeId = beforeId;
    }

    @Override
    protected List<Message> nextPage() {
        MessagesApi.GetChatMessagesQueryParams page = new MessagesApi.GetChatMessagesQueryParams();
        page.putAll(query);
        page.limit(pageSize).beforeTime(beforeTime).beforeId(beforeId);
        MessageList answer = messages.getChatMessages(chatId, page);
        List<Message> received = answer == null || answer.getMessages() == null ? List.of() : answer.getMessages();
        List<Message> fresh = new ArrayList<>(received.size());
        for (int i = received.size() - 1; i >= 0; i--) {
            Message message = received.get(i);
            if (message.getId() == null || !seenAtCursorTime.contains(message.getId())) {
                fresh.add(message);
            }
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        if (received.size() < pageSize) {
            lastPage();
        }
        Message oldest = fresh.get(fresh.size() - 1);
        if (oldest.getTimestamp() == null || oldest.getId() == null) {
            throw new TexterUnexpectedResponseException("getChatMessages", 200, "", "getChatMessages: message "
                    + oldest.getId() + " of chat " + chatId + " has no timestamp or _id, so older messages cannot"
                    + " be requested", null);
        }
        if (oldest.getTimestamp() != beforeTime) {
            seenAtCursorTime.clear();
        }
        for (Message message : fresh) {
            if (oldest.getTimestamp().equals(message.getTimestamp())) {
                seenAtCursorTime.add(message.getId());
            }
        }
        beforeTime = oldest.getTimestamp();
        beforeId = oldest.getId();
        return fresh;
    }
}
