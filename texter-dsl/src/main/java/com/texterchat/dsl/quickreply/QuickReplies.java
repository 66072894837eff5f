package com.texterchat.dsl.quickreply;

import com.texterchat.model.ChannelName;
import com.texterchat.model.ChannelTarget;

/**
 * Starts the quick-reply builders and makes their targets.
 *
 * <pre>{@code
 * CreateQuickReplyRequest greeting = QuickReplies.newQuickReply()
 *         .content(Messages.text("Thanks for reaching out! An agent will reply shortly."))
 *         .target(QuickReplies.channel(ChannelName.WHATSAPP, "972586640430"))
 *         .position(QuickReplyPosition.TOP)
 *         .title("Greeting")
 *         .build();
 * List<QuickReplyOperation> mark = QuickReplies.update().markAsAiSuggestion().build();
 * }</pre>
 */
public final class QuickReplies {

    private QuickReplies() {
    }

    /** A Create Quick Reply body. */
    public static QuickReplyBuilder newQuickReply() {
        return new QuickReplyBuilder();
    }

    /** The operation list of Update Existing Quick Reply. */
    public static QuickReplyUpdateBuilder update() {
        return new QuickReplyUpdateBuilder();
    }

    /** A target offering the quick reply in every chat of a channel account. */
    public static ChannelTarget channel(ChannelName channel, String accountId) {
        return new ChannelTarget().name(channel).accountId(accountId);
    }

    /** A target offering the quick reply in one chat only ({@code chatId} is the chat's {@code _id}). */
    public static ChannelTarget chat(ChannelName channel, String accountId, String chatId) {
        return channel(channel, accountId).id(chatId);
    }
}
