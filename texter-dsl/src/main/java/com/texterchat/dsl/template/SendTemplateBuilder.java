package com.texterchat.dsl.template;

import com.texterchat.dsl.internal.Check;
import com.texterchat.dsl.message.MessageBuilder;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SessionMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Send Template Message body. Start with {@link Templates#send(String, String)}.
 *
 * <pre>{@code
 * SendTemplateRequest request = Templates.send("inbox_marketing_95", "0521234567")
 *         .language("he")
 *         .body("Roy", "15033")
 *         .documentHeader("https://example.com/invoice.pdf", "invoice.pdf")
 *         .replyAction(r -> r.chatStatus(ReplyChatStatus.PENDING).responsibleDepartment("customer_service"))
 *         .build();
 * }</pre>
 *
 * <p>Checked in {@link #build()} by {@link TemplateRules#validate(SendTemplateRequest)}: the name pattern, the
 * recipient's phone format, body values without line breaks, tabs or 5+ consecutive spaces, the header media,
 * the reply action and the session-message fallback.
 */
public final class SendTemplateBuilder extends TemplateValuesBuilder<SendTemplateBuilder> {

    private final String templateName;
    private final String to;
    private @Nullable String from;
    private @Nullable String language;
    private final Map<String, Object> setChat = new LinkedHashMap<>();
    private @Nullable ReplyActionBuilder replyAction;
    private @Nullable SessionMessage sessionMessage;

    SendTemplateBuilder(String templateName, String to) {
        this.templateName = templateName;
        this.to = to;
    }

    /** The business number to send from; Texter uses the default channel when it is not given. */
    public SendTemplateBuilder from(String accountId) {
        this.from = accountId;
        return this;
    }

    /** The localization to send, e.g. {@code en}; needed when the template has more than one. */
    public SendTemplateBuilder language(String language) {
        this.language = language;
        return this;
    }

    /** Chat data to update as the template is sent (free-form, e.g. {@code crmData}). */
    public SendTemplateBuilder setChat(String key, Object value) {
        Check.that(!key.isBlank(), "setChat", "keys must not be blank");
        setChat.put(key, value);
        return this;
    }

    /** What happens when the recipient replies, overriding the template's own settings. */
    public SendTemplateBuilder replyAction(Consumer<ReplyActionBuilder> action) {
        ReplyActionBuilder builder = new ReplyActionBuilder();
        action.accept(builder);
        this.replyAction = builder;
        return this;
    }

    /**
     * A session message Texter sends instead of the template while the 24-hour window is open.
     *
     * @param message a builder of {@link com.texterchat.dsl.message.Messages}; it is built (and checked) here
     */
    public SendTemplateBuilder sessionMessage(MessageBuilder<?> message) {
        return sessionMessage(message.build());
    }

    /** A session message Texter sends instead of the template while the 24-hour window is open. */
    public SendTemplateBuilder sessionMessage(SessionMessage message) {
        this.sessionMessage = message;
        return this;
    }

    /**
     * Builds the body and checks it against {@link TemplateRules}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks
     */
    public SendTemplateRequest build() {
        SendTemplateRequest request = new SendTemplateRequest()
                .templateName(templateName)
                .to(to)
                .from(from)
                .language(language)
                .body(bodyValues())
                .header(headerMedia())
                .buttons(buttonValues())
                .replyAction(replyAction == null ? null : replyAction.build())
                .sessionMessage(sessionMessage);
        if (!setChat.isEmpty()) {
            request.setChat(new LinkedHashMap<>(setChat));
        }
        return TemplateRules.validate(request);
    }
}
