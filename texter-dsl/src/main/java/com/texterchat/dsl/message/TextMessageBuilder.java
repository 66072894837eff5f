package com.texterchat.dsl.message;

import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;

/** A {@code text} message: 1-4096 characters ({@link MessageRules#TEXT_MAX}). Start with {@link Messages#text}. */
public final class TextMessageBuilder extends MessageBuilder<TextMessageBuilder> {

    private final String text;

    TextMessageBuilder(String text) {
        this.text = text;
    }

    @Override
    SessionMessage content() {
        return new SessionMessage().type(OutgoingMessageType.TEXT).text(text);
    }
}
