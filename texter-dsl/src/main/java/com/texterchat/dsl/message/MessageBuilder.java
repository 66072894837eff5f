package com.texterchat.dsl.message;

import com.texterchat.model.SessionMessage;
import org.jspecify.annotations.Nullable;

/**
 * What every session-message builder has: the generic {@code context} and {@code tmpSendId} options and a
 * validating {@link #build()}. Builders are single-use helpers and not thread-safe; each {@code build()}
 * returns a new model.
 *
 * @param <B> the concrete builder, returned by the fluent setters
 */
public abstract class MessageBuilder<B extends MessageBuilder<B>> {

    private @Nullable String context;
    private @Nullable String tmpSendId;

    MessageBuilder() {
    }

    /**
     * Sends the message as a reply to an earlier one.
     *
     * @param providerMessageId the provider's message ID ({@code wamid...}), from {@code message.channelInfo.id}
     */
    public B context(String providerMessageId) {
        this.context = providerMessageId;
        return self();
    }

    /** Your own ID for the message, to match the send with the stored message and its webhooks later. */
    public B tmpSendId(String tmpSendId) {
        this.tmpSendId = tmpSendId;
        return self();
    }

    /**
     * Builds the request body and checks it against {@link MessageRules}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the limit it breaks
     */
    public final SessionMessage build() {
        SessionMessage message = content();
        message.setContext(context);
        message.setTmpSendId(tmpSendId);
        return MessageRules.validate(message);
    }

    /** A new model holding the type and the content fields. */
    abstract SessionMessage content();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
