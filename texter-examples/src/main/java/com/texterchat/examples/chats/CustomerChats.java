package com.texterchat.examples.chats;

import com.texterchat.Texter;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import java.util.List;
import java.util.Optional;

/**
 * Finds the chat of a contact by phone number. Search Chats matches names and numbers loosely, so the results are
 * narrowed down to the chat whose number is exactly the one asked for.
 *
 * <pre>{@code
 * Optional<Chat> chat = CustomerChats.findByPhone(texter, "+972 52-123-4567");
 * }</pre>
 */
public final class CustomerChats {

    /** Results looked at; a phone number matches a handful of chats at most (one per business number). */
    private static final int SEARCH_LIMIT = 20;

    private CustomerChats() {
    }

    /**
     * The chat of the contact with this phone number, if Texter has one. When the contact wrote to several business
     * numbers, the chat with the most recent message wins (Search Chats returns the newest first).
     *
     * @param texter the Texter to search
     * @param phone digits, optionally with a leading {@code +}, spaces or dashes
     * @return the chat, or empty when there is none
     * @throws IllegalArgumentException when {@code phone} has no digits
     */
    public static Optional<Chat> findByPhone(Texter texter, String phone) {
        String digits = digits(phone);
        ChatSearchResult found = texter.chats().searchChats(
                new ChatsApi.SearchChatsQueryParams().search(digits).limit(SEARCH_LIMIT));
        List<Chat> chats = found.getData() == null ? List.of() : found.getData();
        return chats.stream()
                .filter(chat -> chat.getChannelInfo() != null && chat.getChannelInfo().getId() != null
                        && digits.equals(digits(chat.getChannelInfo().getId())))
                .findFirst();
    }

    /**
     * The most recently active chat of the project, if it has any.
     *
     * @param texter the Texter to search
     * @return the chat, or empty
     */
    public static Optional<Chat> mostRecent(Texter texter) {
        ChatSearchResult found = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().limit(1));
        return found.getData() == null ? Optional.empty() : found.getData().stream().findFirst();
    }

    /**
     * A phone number's digits: {@code +972 52-123-4567} gives {@code 972521234567}.
     *
     * @param phone the number as written
     * @return the digits
     * @throws IllegalArgumentException when there are none
     */
    public static String digits(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("phone must contain digits, got '" + phone + "'");
        }
        return digits;
    }

    /**
     * A one-line description for logs: {@code chat 67bf... "John Doe" (+972521234567, ASSIGNED)}.
     *
     * @param chat the chat
     * @return the description
     */
    public static String describe(Chat chat) {
        String name = chat.getDisplayName() != null ? chat.getDisplayName() : chat.getTitle();
        String phone = chat.getChannelInfo() == null || chat.getChannelInfo().getId() == null ? "?"
                : "+" + chat.getChannelInfo().getId();
        return "chat " + chat.getId() + (name == null ? "" : " \"" + name + "\"") + " (" + phone
                + (chat.getStatus() == null ? "" : ", " + chat.getStatus().name()) + ")";
    }
}
