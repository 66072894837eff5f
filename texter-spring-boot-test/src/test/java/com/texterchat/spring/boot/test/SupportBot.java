package com.texterchat.spring.boot.test;

import com.texterchat.Texter;
import com.texterchat.model.NewIncomingMessageEventData;
import com.texterchat.spring.boot.TexterWebhookEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

// readme:start spring-listener
@Component
class SupportBot {

    private final Texter texter;

    SupportBot(Texter texter) {
        this.texter = texter;
    }

    @EventListener
    void onMessage(TexterWebhookEvent<NewIncomingMessageEventData> event) {
        String chatId = event.data().getChat().getId();
        texter.sendText(chatId, "Thanks! An agent will answer shortly.");
    }
}
// readme:end
