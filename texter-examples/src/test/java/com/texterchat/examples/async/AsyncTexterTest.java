package com.texterchat.examples.async;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.api.ChatsApi;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Texter.async()} against the test kit, which checks every request against the spec. */
@TexterTest
class AsyncTexterTest {

    private static final String CHAT = "67bf11038b24880cc966f799";

    @Test
    void operationsAndPagingCompleteWithTheKitsAnswers(Texter texter, TexterMockServer server) throws Exception {
        CompletableFuture<ChatSearchResult> found = texter.async().chats()
                .searchChats(new ChatsApi.SearchChatsQueryParams().search("972521234567").limit(5));
        CompletableFuture<SendMessageResponse> sent = texter.async().messages()
                .sendMessage(CHAT, new SessionMessage().type(OutgoingMessageType.TEXT).text("hello"));

        assertThat(found.get(10, TimeUnit.SECONDS).getData()).isNotNull();
        assertThat(sent.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.verify().count("searchChats")).isEqualTo(1);
        assertThat(server.verify().requests("sendMessage")).singleElement()
                .satisfies(r -> assertThat(r.pathParameter("chatId")).isEqualTo(CHAT));

        List<Chat> chats = texter.async().paging().searchChats().collect(10).get(10, TimeUnit.SECONDS);
        assertThat(chats).isNotEmpty();
    }

    @Test
    void aFaultOfTheKitFailsTheFutureWithTheTexterException(Texter texter, TexterMockServer server) {
        server.fault("getChat").status(404);

        Throwable seen = texter.async().chats().getChat(CHAT).handle((value, error) -> error).join();

        assertThat(seen).isInstanceOf(TexterNotFoundException.class).hasMessageContaining("getChat");
        assertThat(((TexterHttpException) seen).status()).isEqualTo(404);
    }
}
