package com.texterchat.dsl.message;

import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.ReplyButton;
import com.texterchat.model.SessionMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code buttons} message: a text of 1-1024 characters and 1-3 reply buttons ({@link MessageRules#BUTTONS_MAX}),
 * each with a unique title of at most 20 characters. Start with {@link Messages#buttons}.
 */
public final class ButtonsMessageBuilder extends MessageBuilder<ButtonsMessageBuilder> {

    private final String text;
    private final List<ReplyButton> buttons = new ArrayList<>();

    ButtonsMessageBuilder(String text) {
        this.text = text;
    }

    /** Adds a button; its postback carries no payload of its own. */
    public ButtonsMessageBuilder button(String title) {
        return button(title, null);
    }

    /** Adds a button whose postback carries {@code payload} (at most {@link MessageRules#BUTTON_PAYLOAD_MAX}). */
    public ButtonsMessageBuilder button(String title, @Nullable String payload) {
        buttons.add(new ReplyButton().title(title).payload(payload));
        return this;
    }

    @Override
    SessionMessage content() {
        return new SessionMessage().type(OutgoingMessageType.BUTTONS).text(text).buttons(new ArrayList<>(buttons));
    }
}
