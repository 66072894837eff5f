package com.texterchat.benchmarks.client;

import com.texterchat.client.TexterClient;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;

/**
 * The calls through the SDK in its default configuration: retries on ({@code RetryPolicy.defaults()}), HTTP
 * logging {@code NONE}, default timeouts.
 */
public final class SdkCalls implements TexterCalls {

    private final TexterClient texter;

    /**
     * A client for the given server.
     *
     * @param apiBaseUrl e.g. {@code http://127.0.0.1:<port>/server/api/v2}
     * @param token      the bearer token
     */
    public SdkCalls(String apiBaseUrl, String token) {
        this.texter = TexterClient.builder().baseUrl(apiBaseUrl).token(token).build();
    }

    @Override
    public SendMessageResponse sendMessage(String chatId, SessionMessage message) {
        return texter.messages().sendMessage(chatId, message);
    }

    @Override
    public ChatSearchResult searchChats(String search, int limit) {
        return texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(search).limit(limit));
    }
}
