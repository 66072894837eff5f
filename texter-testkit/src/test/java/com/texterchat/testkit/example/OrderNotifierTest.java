package com.texterchat.testkit.example;

// The test class of texter-testkit/README.md ("A test in Java"), verbatim between the markers.
// readme:start testkit-java-test
import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.Texter;
import com.texterchat.model.Chat;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import org.junit.jupiter.api.Test;

@TexterTest
class OrderNotifierTest {

    @Test
    void tellsTheCustomerTheOrderIsReady(TexterMockServer server, Texter texter) {
        Chat chat = server.stubs().chatExists("972521234567");       // Search Chats will find it
        OrderNotifier notifier = new OrderNotifier(texter);           // your code, given the injected Texter

        notifier.orderReady("972521234567", "Roy", "15033");
        notifier.reply("972521234567", "You can pick it up until 18:00");

        SendTemplateRequest sent = server.verify().templateSentTo("972521234567");
        assertThat(sent.getTemplateName()).isEqualTo("order_ready");
        assertThat(sent.getBody()).containsExactly("Roy", "15033");
        assertThat(server.verify().messageSentToChat(chat.getId()).getText()).startsWith("You can pick it up");
    }
}
// readme:end
