package com.texterchat.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.model.ChatLabelsUpdatedEventData;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import com.texterchat.testkit.webhook.WebhookPayload;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the snippets of texter-testkit/README.md ({@link ReadmeSnippets}) and checks they do what the README says. */
@TexterTest
class ReadmeSnippetsTest {

    @Test
    void theFaultsSnippetMakesTheCallsFailAsItsCommentsSay(TexterMockServer server) {
        Texter noRetries = Texter.of(server.clientBuilder().retryPolicy(RetryPolicy.disabled()).build());

        ReadmeSnippets.faults(server);

        assertThatThrownBy(() -> noRetries.chats().searchChats(new ChatsApi.SearchChatsQueryParams()))
                .isInstanceOf(TexterServerException.class).hasMessageContaining("503");
        assertThatThrownBy(() -> noRetries.chats().getChat("chat-1"))
                .isInstanceOf(TexterNotFoundException.class).hasMessageContaining("Chat not found");
        SessionMessage hi = new SessionMessage().type(OutgoingMessageType.TEXT).text("Hi");
        assertThatThrownBy(() -> noRetries.messages().sendMessage("chat-1", hi)).isInstanceOf(TexterIoException.class);
        assertThatThrownBy(() -> noRetries.messages().sendMessage("chat-1", hi)).isInstanceOf(TexterIoException.class);
        assertThat(noRetries.messages().sendMessage("chat-1", hi)).isNotNull();
        assertThatThrownBy(() -> noRetries.messages().getChatMessages("chat-1", new MessagesApi.GetChatMessagesQueryParams()))
                .isInstanceOf(TexterUnexpectedResponseException.class);
    }

    @Test
    void theSpecViolationsSnippetRehearsesA400WithoutFailingTheTest(TexterMockServer server, Texter texter) {
        TexterHttpException refused = ReadmeSnippets.rehearseABadRequest(server, texter);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("body /name: type string, got null");
        assertThat(server.verify().specViolations()).singleElement().hasToString(
                "createLabel (POST /server/api/v2/labels) answered 400: body /name: type string, got null");
    }

    @Test
    void theWebhooksSnippetDeliversToTheReceiver(Texter texter) {
        try (TexterEventReceiver receiver = new TexterEventReceiver("s3cret", new OrderNotifier(texter))) {
            List<WebhookPayload<?>> payloads = ReadmeSnippets.webhooks(URI.create(receiver.url()).getPort());

            assertThat(receiver.received()).singleElement().satisfies(received -> {
                assertThat(received.eventName()).isEqualTo("newIncomingMessage");
                assertThat(received.eventData()).isEqualTo(payloads.get(0).eventData());
            });
            assertThat(((MessageStatusChangedEventData) payloads.get(1).eventData()).getMessageStatus())
                    .isEqualTo(MessageStatus.SEEN);
            assertThat(((ChatLabelsUpdatedEventData) payloads.get(2).eventData()).getAddedLabels()).contains("VIP");
        }
    }
}
