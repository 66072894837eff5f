package com.texterchat.benchmarks.client;

import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import org.jspecify.annotations.Nullable;

/** The two calls the per-call benchmarks make, implemented once with the SDK and once by hand. */
public interface TexterCalls extends AutoCloseable {

    /**
     * Send a Message to Chat ({@code POST /messages/send/{chatId}}).
     *
     * @param chatId  the chat
     * @param message the message
     * @return Texter's answer; {@code null} only from {@link PoolRaceTolerantCalls}, for a call lost to the pool race
     */
    @Nullable SendMessageResponse sendMessage(String chatId, SessionMessage message);

    /**
     * Search Chats ({@code GET /chats/search?search=..&limit=..}).
     *
     * @param search phone number or name
     * @param limit  page size
     * @return the chats found; {@code null} only from {@link PoolRaceTolerantCalls}, for a call lost to the pool
     *         race
     */
    @Nullable ChatSearchResult searchChats(String search, int limit);

    @Override
    default void close() {
        // nothing to release by default
    }
}
