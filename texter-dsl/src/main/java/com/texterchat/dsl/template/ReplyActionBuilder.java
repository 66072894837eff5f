package com.texterchat.dsl.template;

import com.texterchat.dsl.internal.Check;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.TemplateReplyAction;
import java.time.Duration;

/**
 * What happens when the recipient answers a sent template (the {@code replyAction} of Send Template Message).
 * A chat goes to an agent or to a department, not both; a bot node needs {@link ReplyChatStatus#BOT}.
 */
public final class ReplyActionBuilder {

    private final TemplateReplyAction action = new TemplateReplyAction();

    ReplyActionBuilder() {
    }

    /** The status the chat moves to: BOT, PENDING, ASSIGNED or RESOLVED. */
    public ReplyActionBuilder chatStatus(ReplyChatStatus chatStatus) {
        action.chatStatus(chatStatus);
        return this;
    }

    /** The bot node to run (needs chatStatus BOT). */
    public ReplyActionBuilder setBotNode(String node) {
        action.setBotNode(node);
        return this;
    }

    /** The bot to run. */
    public ReplyActionBuilder bot(String bot) {
        action.bot(bot);
        return this;
    }

    /** A text sent automatically after the reply. */
    public ReplyActionBuilder replyText(String text) {
        action.replyText(text);
        return this;
    }

    /** The agent (email) the chat goes to; not together with {@link #responsibleDepartment}. */
    public ReplyActionBuilder responsibleAgent(String agentEmail) {
        action.responsibleAgent(agentEmail);
        return this;
    }

    /** The department the chat goes to; not together with {@link #responsibleAgent}. */
    public ReplyActionBuilder responsibleDepartment(String departmentId) {
        action.responsibleDepartment(departmentId);
        return this;
    }

    /** How long the action stays armed after the send; whole seconds (Texter counts seconds). */
    public ReplyActionBuilder expirationTime(Duration duration) {
        Check.that(!duration.isNegative() && duration.getNano() == 0, "replyAction.expirationTime",
                "must be zero or more whole seconds, was " + duration);
        action.expirationTime(duration.getSeconds());
        return this;
    }

    TemplateReplyAction build() {
        return copy(action);
    }

    private static TemplateReplyAction copy(TemplateReplyAction a) {
        return new TemplateReplyAction().chatStatus(a.getChatStatus()).setBotNode(a.getSetBotNode()).bot(a.getBot())
                .replyText(a.getReplyText()).responsibleAgent(a.getResponsibleAgent())
                .responsibleDepartment(a.getResponsibleDepartment()).expirationTime(a.getExpirationTime());
    }
}
