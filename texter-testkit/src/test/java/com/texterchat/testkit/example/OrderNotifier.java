package com.texterchat.testkit.example;

import com.texterchat.Texter;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import java.util.List;

/**
 * Stands for a consumer's production code: tells customers over WhatsApp that their order is ready, and
 * answers them in their chat. It only knows the SDK (its entry object {@code Texter}), never the test kit.
 */
final class OrderNotifier {

    private final Texter texter;

    OrderNotifier(Texter texter) {
        this.texter = texter;
    }

    /** Sends the {@code order_ready} template; false when Texter refused it (e.g. the customer opted out). */
    boolean orderReady(String phone, String customerName, String orderNumber) {
        try {
            texter.templates().sendTemplateMessage(new SendTemplateRequest()
                    .templateName("order_ready").language("en").to(phone).body(List.of(customerName, orderNumber)));
            return true;
        } catch (TexterOperationFailedException refused) {
            return false;
        }
    }

    /** Writes in the customer's chat, found by phone number. */
    void reply(String phone, String text) {
        ChatSearchResult found = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(phone));
        if (found.getData() == null || found.getData().isEmpty()) {
            throw new IllegalStateException("No chat with " + phone);
        }
        replyInChat(found.getData().get(0).getId(), text);
    }

    /** Writes in a chat. */
    void replyInChat(String chatId, String text) {
        texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT).text(text));
    }
}
