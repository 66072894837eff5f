package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.client.TexterClient;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.ChatStatusName;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import com.texterchat.model.UpdateChatPropertiesRequest;
import com.texterchat.testkit.junit.TexterTest;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification helpers: what was sent, as the generated request models, and the failure messages. */
@TexterTest
class TexterRequestsTest {

    private static void sendTemplate(TexterClient client, String to, String name) {
        client.templates().sendTemplateMessage(new SendTemplateRequest().templateName(name).to(to).body(List.of("Roy")));
    }

    @Test
    void templatesSentToAPhoneAreReturnedAsTypedRequests(TexterMockServer texter, TexterClient client) {
        sendTemplate(client, "972521234567", "order_ready");
        sendTemplate(client, "972500000000", "welcome");
        sendTemplate(client, "+972 52 123 4567", "order_shipped");

        assertThat(texter.verify().templatesSentTo("972521234567")).extracting(SendTemplateRequest::getTemplateName)
                .containsExactly("order_ready", "order_shipped");
        assertThat(texter.verify().templateSentTo("+972500000000").getBody()).containsExactly("Roy");
        assertThat(texter.verify().templatesSent()).hasSize(3);
        texter.verify().noTemplateSentTo("972599999999");
    }

    @Test
    void aMissingTemplateFailsWithTheListOfWhatWasSent(TexterMockServer texter, TexterClient client) {
        sendTemplate(client, "972500000000", "welcome");
        client.labels().getLabel("VIP");

        assertThatThrownBy(() -> texter.verify().templatesSentTo("972521234567"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a template message to 972521234567, but none was sent to that number.")
                .hasMessageContaining("Requests of sendTemplateMessage received (1):")
                .hasMessageContaining("POST /server/api/v2/whatsapp/templates/send -> 200 (sendTemplateMessage)")
                .hasMessageContaining("\"to\":\"972500000000\"")
                .hasMessageContaining("All requests received (2):")
                .hasMessageContaining("GET /server/api/v2/labels/VIP -> 200 (getLabel)");
    }

    @Test
    void exactlyOneAndNoneAreAssertedWithCounts(TexterMockServer texter, TexterClient client) {
        assertThatThrownBy(() -> texter.verify().templateSentTo("972521234567"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but 0 were sent to that number")
                .hasMessageContaining("Requests of sendTemplateMessage received: none");

        sendTemplate(client, "972521234567", "a");
        sendTemplate(client, "972521234567", "b");

        assertThatThrownBy(() -> texter.verify().templateSentTo("972521234567"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but 2 were sent");
        assertThatThrownBy(() -> texter.verify().noTemplateSentTo("972521234567"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected no template message to 972521234567, but 2 were sent");
    }

    @Test
    void sessionMessagesSentToAChat(TexterMockServer texter, TexterClient client) {
        client.messages().sendMessage("chat-1", new SessionMessage().type(OutgoingMessageType.TEXT).text("Hi"));
        client.messages().sendMessage("chat-2", new SessionMessage().type(OutgoingMessageType.TEXT).text("Other"));
        client.messages().sendMessage("chat-1", new SessionMessage().type(OutgoingMessageType.TEXT).text("Bye"));

        assertThat(texter.verify().messagesSentToChat("chat-1")).extracting(SessionMessage::getText)
                .containsExactly("Hi", "Bye");
        assertThat(texter.verify().messageSentToChat("chat-2").getType()).isEqualTo(OutgoingMessageType.TEXT);
        texter.verify().noMessageSentToChat("chat-3");
        assertThatThrownBy(() -> texter.verify().messageSentToChat("chat-1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but 2 were sent to that chat");
        assertThatThrownBy(() -> texter.verify().messagesSentToChat("chat-3"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a session message to chat chat-3")
                .hasMessageContaining("/server/api/v2/messages/send/chat-2")
                .hasMessageContaining("\"text\":\"Other\"");
        assertThatThrownBy(() -> texter.verify().messagesSentToChat(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatId");
    }

    @Test
    void chatIdsAreComparedDecoded(TexterMockServer texter, TexterClient client) {
        client.messages().sendMessage("group/1 ü", new SessionMessage().type(OutgoingMessageType.TEXT).text("x"));

        assertThat(texter.verify().messageSentToChat("group/1 ü").getText()).isEqualTo("x");
        assertThat(texter.verify().requests("sendMessage").get(0).url()).contains("group%2F1");
    }

    @Test
    void requestsOfAnOperationShowPathQueryAndBody(TexterMockServer texter, TexterClient client) {
        client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search("0521234567")
                .statuses(new LinkedHashSet<>(List.of(ChatStatusName.PENDING, ChatStatusName.ASSIGNED))));
        client.chats().updateChatProperties("c-9", new UpdateChatPropertiesRequest().displayName("Niv"));

        ReceivedRequest search = texter.verify().requests("searchChats").get(0);
        assertThat(search.queryParameter("search")).hasValue("0521234567");
        assertThat(search.queryParameters("statuses[]")).containsExactly("PENDING", "ASSIGNED");
        assertThat(search.queryParameter("limit")).isEmpty();
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.responseStatus()).isEqualTo(200);

        ReceivedRequest update = texter.verify().requests("updateChatProperties").get(0);
        assertThat(update.pathParameter("chatId")).isEqualTo("c-9");
        assertThat(update.pathParameters()).containsOnlyKeys("chatId");
        assertThat(update.body(UpdateChatPropertiesRequest.class).getDisplayName()).isEqualTo("Niv");
        assertThat(update.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThatThrownBy(() -> update.pathParameter("labelId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateChatProperties")
                .hasMessageContaining("[chatId]");
        assertThat(texter.verify().count("updateChatProperties")).isEqualTo(1);
        assertThat(texter.verify().count("getChat")).isZero();
    }

    @Test
    void bodiesAreTypedByTheOperationsRequestSchema(TexterMockServer texter, TexterClient client) {
        client.chats().updateChatProperties("c-9", new UpdateChatPropertiesRequest().displayName("Niv"));

        assertThat(texter.verify().bodies("updateChatProperties", UpdateChatPropertiesRequest.class))
                .extracting(UpdateChatPropertiesRequest::getDisplayName).containsExactly("Niv");
        assertThatThrownBy(() -> texter.verify().bodies("updateChatProperties", SessionMessage.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes a UpdateChatPropertiesRequest body, not SessionMessage");
        assertThatThrownBy(() -> texter.verify().bodies("getChat", SessionMessage.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no JSON request body");
    }

    @Test
    void aBodyThatIsNotValidJsonFailsTheVerification(TexterMockServer texter) {
        texter.allowSpecViolations("sendTemplateMessage");
        RawHttp.send("POST", texter.apiBaseUrl() + "/whatsapp/templates/send", "{\"to\": 9725");

        assertThatThrownBy(() -> texter.verify().templatesSent())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The body of POST /server/api/v2/whatsapp/templates/send")
                .hasMessageContaining("{\"to\": 9725");
    }

    @Test
    void theTokenNeverAppearsInWhatIsReported(TexterMockServer texter) {
        texter.allowSpecViolations("sendTemplateMessage");
        RawHttp.send("POST", texter.apiBaseUrl() + "/whatsapp/templates/send", "{\"to\":\"1\"}",
                "Bearer very-secret-token");

        ReceivedRequest request = texter.verify().requests("sendTemplateMessage").get(0);
        assertThat(request.header("Authorization")).hasValue("Bearer very-secret-token");
        assertThat(request.toString()).doesNotContain("very-secret-token");
        assertThatThrownBy(() -> texter.verify().templateSentTo("2"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("very-secret-token"));
    }

    @Test
    void longBodiesAreShortenedInReportsAndSaySo(TexterMockServer texter, TexterClient client) {
        client.messages().sendMessage("c", new SessionMessage().type(OutgoingMessageType.TEXT).text("x".repeat(1000)));

        String shown = texter.verify().requests("sendMessage").get(0).toString();

        assertThat(shown).contains("... [").contains("more chars]");
        assertThat(texter.verify().messageSentToChat("c").getText()).hasSize(1000);
    }
}
