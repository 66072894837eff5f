package com.texterchat.examples.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.Texter;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.junit.TexterTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@TexterTest
class CustomerChatsTest {

    @Test
    void findsTheChatWhoseNumberIsExactlyTheOneAskedFor(Texter texter, TexterMockServer server) {
        Chat longer = server.stubs().chatExists("9725212345678");
        Chat exact = server.stubs().chatExists("972521234567");
        // Search Chats matches loosely: the longer number comes first in the answer
        server.stubs().answer("searchChats", new ChatSearchResult().data(List.of(longer, exact)).total(2));

        assertThat(CustomerChats.findByPhone(texter, "+972 52-123-4567")).map(Chat::getId).contains(exact.getId());
        assertThat(server.verify().requests("searchChats")).singleElement().satisfies(request ->
                assertThat(request.queryParameter("search")).contains("972521234567"));
    }

    @Test
    void noChatIsEmpty(Texter texter, TexterMockServer server) {
        server.stubs().noChatFor("972500000009");

        assertThat(CustomerChats.findByPhone(texter, "972500000009")).isEmpty();
    }

    @Test
    void aNumberNeedsDigits() {
        assertThat(CustomerChats.digits("+972 (52) 123-4567")).isEqualTo("972521234567");
        assertThatThrownBy(() -> CustomerChats.digits("call me"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone must contain digits");
    }
}
