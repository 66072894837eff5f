package com.texterchat.dsl.quickreply;

import com.texterchat.dsl.message.MessageBuilder;
import com.texterchat.model.ChannelTarget;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.SessionMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of Update Existing Quick Reply: a list of 1-1000 operations applied in order. Every method appends
 * one operation holding exactly one key; the {@code remove...} methods send that key with an explicit
 * {@code null}, which removes the value. Start with {@link QuickReplies#update()}.
 */
public final class QuickReplyUpdateBuilder {

    private final List<QuickReplyOperation> operations = new ArrayList<>();

    QuickReplyUpdateBuilder() {
    }

    /** Replaces all messages of the quick reply; each builder is built (and checked) now. */
    public QuickReplyUpdateBuilder replaceContents(MessageBuilder<?>... messages) {
        List<SessionMessage> built = new ArrayList<>();
        for (MessageBuilder<?> message : messages) {
            built.add(message.build());
        }
        return replaceContents(built);
    }

    /** Replaces all messages of the quick reply ({@code updateSendContents}). */
    public QuickReplyUpdateBuilder replaceContents(List<SessionMessage> messages) {
        return add(new QuickReplyOperation().updateSendContents(new ArrayList<>(messages)));
    }

    /** Replaces the targets ({@code updateSendTarget}), see {@link QuickReplies#channel} and {@link QuickReplies#chat}. */
    public QuickReplyUpdateBuilder replaceTargets(ChannelTarget... targets) {
        return add(new QuickReplyOperation().updateSendTarget(new ArrayList<>(List.of(targets))));
    }

    /** Sets the pause between messages ({@code updateBetweenMessagesDelay}, whole milliseconds). */
    public QuickReplyUpdateBuilder betweenMessagesDelay(Duration delay) {
        return add(new QuickReplyOperation().updateBetweenMessagesDelay(
                Delays.millis(index("updateBetweenMessagesDelay"), delay)));
    }

    /** Removes the pause between messages. */
    public QuickReplyUpdateBuilder removeBetweenMessagesDelay() {
        return add(new QuickReplyOperation().updateBetweenMessagesDelay(null));
    }

    /** Sets the title agents see ({@code updateDisplayTitle}). */
    public QuickReplyUpdateBuilder displayTitle(String title) {
        return add(new QuickReplyOperation().updateDisplayTitle(title));
    }

    /** Removes the title. */
    public QuickReplyUpdateBuilder removeDisplayTitle() {
        return add(new QuickReplyOperation().updateDisplayTitle(null));
    }

    /** Sets the note shown beside the quick reply ({@code updateDisplayNote}). */
    public QuickReplyUpdateBuilder displayNote(String note) {
        return add(new QuickReplyOperation().updateDisplayNote(note));
    }

    /** Removes the note. */
    public QuickReplyUpdateBuilder removeDisplayNote() {
        return add(new QuickReplyOperation().updateDisplayNote(null));
    }

    /** Moves the quick reply to {@code top} or {@code main} ({@code updateDisplayPosition}). */
    public QuickReplyUpdateBuilder displayPosition(QuickReplyPosition position) {
        return add(new QuickReplyOperation().updateDisplayPosition(position));
    }

    /** Shows it only to these departments ({@code updateDisplayDepartments}). */
    public QuickReplyUpdateBuilder displayDepartments(List<String> departmentIds) {
        return add(new QuickReplyOperation().updateDisplayDepartments(new ArrayList<>(departmentIds)));
    }

    /** Removes the department restriction. */
    public QuickReplyUpdateBuilder removeDisplayDepartments() {
        return add(new QuickReplyOperation().updateDisplayDepartments(null));
    }

    /** Shows it only to these users ({@code updateDisplayUsers}). */
    public QuickReplyUpdateBuilder displayUsers(List<String> userUids) {
        return add(new QuickReplyOperation().updateDisplayUsers(new ArrayList<>(userUids)));
    }

    /** Removes the user restriction. */
    public QuickReplyUpdateBuilder removeDisplayUsers() {
        return add(new QuickReplyOperation().updateDisplayUsers(null));
    }

    /** Replaces the free-form data your integration keeps under {@code metadata.client}. */
    public QuickReplyUpdateBuilder clientMetadata(Map<String, ?> metadata) {
        return add(new QuickReplyOperation().updateClientMetadata(new LinkedHashMap<>(metadata)));
    }

    /** Clears {@code metadata.client}. */
    public QuickReplyUpdateBuilder clearClientMetadata() {
        return add(new QuickReplyOperation().updateClientMetadata(null));
    }

    /**
     * Sets {@code metadata.client} to {@code {"aiQuickReply": true}}: Texter's inbox then shows the quick reply
     * as an AI-suggested answer on the chat it targets.
     */
    public QuickReplyUpdateBuilder markAsAiSuggestion() {
        return clientMetadata(Map.of("aiQuickReply", true));
    }

    /**
     * Builds the operation list and checks it against {@link QuickReplyRules}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the operation and the rule it breaks
     */
    public List<QuickReplyOperation> build() {
        return QuickReplyRules.validate(new ArrayList<>(operations));
    }

    private String index(String key) {
        return "operations[" + operations.size() + "]." + key;
    }

    private QuickReplyUpdateBuilder add(QuickReplyOperation operation) {
        operations.add(operation);
        return this;
    }
}
