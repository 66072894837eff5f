package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.ChatPublicView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Get Chat by Chat ID as an external bot uses it: before answering, it checks {@code externalBot} of the chat's
 * public view (Texter's own external-bot example does), so the field must be read.
 */
class ChatPublicViewTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static void answer(String chatId, String body) {
        server.wireMock().stubFor(get(urlPathEqualTo(TestServer.API + "/chats/" + chatId)).willReturn(okJson(body)));
    }

    @Test
    void externalBotIsReadFromGetChat() {
        answer("c-on", "{\"success\":true,\"title\":\"Niv\",\"status\":0,\"externalBot\":true}");
        answer("c-off", "{\"success\":true,\"title\":\"Dana\",\"status\":2,\"externalBot\":false}");
        answer("c-unset", "{\"success\":true,\"title\":\"Avi\",\"status\":0}");

        ChatPublicView on = server.client().chats().getChat("c-on");
        ChatPublicView off = server.client().chats().getChat("c-off");
        ChatPublicView unset = server.client().chats().getChat("c-unset");

        assertThat(on.getExternalBot()).isTrue();
        assertThat(on.getTitle()).isEqualTo("Niv");
        assertThat(off.getExternalBot()).isFalse();
        assertThat(unset.getExternalBot()).isNull();
    }
}
