package com.texterchat.dsl.quickreply;

import com.texterchat.dsl.message.MessageBuilder;
import com.texterchat.model.ChannelTarget;
import com.texterchat.model.CreateQuickReplyRequest;
import com.texterchat.model.QuickReplyDisplay;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.QuickReplySend;
import com.texterchat.model.SessionMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Create Quick Reply body: the messages it sends (same structures as session messages), the channels or the
 * single chat it is offered in, and how agents see it. Start with {@link QuickReplies#newQuickReply()}.
 */
public final class QuickReplyBuilder {

    private final List<SessionMessage> contents = new ArrayList<>();
    private final List<ChannelTarget> targets = new ArrayList<>();
    private @Nullable Integer betweenMessagesDelay;
    private final QuickReplyDisplay display = new QuickReplyDisplay();

    QuickReplyBuilder() {
    }

    /** Adds a message; it is built (and checked) now. */
    public QuickReplyBuilder content(MessageBuilder<?> message) {
        return content(message.build());
    }

    /** Adds a message. */
    public QuickReplyBuilder content(SessionMessage message) {
        contents.add(message);
        return this;
    }

    /** Adds a target, see {@link QuickReplies#channel} and {@link QuickReplies#chat}. */
    public QuickReplyBuilder target(ChannelTarget target) {
        targets.add(target);
        return this;
    }

    /** The pause between the messages when there are several (whole milliseconds). */
    public QuickReplyBuilder betweenMessagesDelay(Duration delay) {
        this.betweenMessagesDelay = Delays.millis("send.betweenMessagesDelay", delay);
        return this;
    }

    /** Where agents see it: {@code top} or {@code main}. */
    public QuickReplyBuilder position(QuickReplyPosition position) {
        display.position(position);
        return this;
    }

    /** The title agents see. */
    public QuickReplyBuilder title(String title) {
        display.title(title);
        return this;
    }

    /** A note shown beside the quick reply, e.g. "AI suggestion". */
    public QuickReplyBuilder note(String note) {
        display.note(note);
        return this;
    }

    /** Only these departments see it. */
    public QuickReplyBuilder departments(List<String> departmentIds) {
        display.departments(new ArrayList<>(departmentIds));
        return this;
    }

    /** Only these users (UIDs) see it. */
    public QuickReplyBuilder users(List<String> userUids) {
        display.users(new ArrayList<>(userUids));
        return this;
    }

    /**
     * Builds the body and checks it against {@link QuickReplyRules}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks
     */
    public CreateQuickReplyRequest build() {
        QuickReplySend send = new QuickReplySend().contents(new ArrayList<>(contents))
                .target(new ArrayList<>(targets)).betweenMessagesDelay(betweenMessagesDelay);
        CreateQuickReplyRequest request = new CreateQuickReplyRequest().send(send);
        if (!display.equals(new QuickReplyDisplay())) {
            request.display(new QuickReplyDisplay().position(display.getPosition()).title(display.getTitle())
                    .note(display.getNote()).departments(display.getDepartments()).users(display.getUsers()));
        }
        return QuickReplyRules.validate(request);
    }
}
