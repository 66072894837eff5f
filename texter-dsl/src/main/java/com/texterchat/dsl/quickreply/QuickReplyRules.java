package com.texterchat.dsl.quickreply;

import static com.texterchat.dsl.internal.Check.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.dsl.internal.Check;
import com.texterchat.dsl.message.MessageRules;
import com.texterchat.model.ChannelName;
import com.texterchat.model.ChannelTarget;
import com.texterchat.model.CreateQuickReplyRequest;
import com.texterchat.model.QuickReplyDisplay;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.QuickReplySend;
import com.texterchat.model.SessionMessage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules of Texter's quick-reply requests and the checks that apply them to the generated models. Sources:
 * Texter's API reference for Create Quick Reply and Update Existing Quick Reply; the contents follow the rules
 * of session messages ({@link MessageRules}).
 */
public final class QuickReplyRules {

    /** Operations in one Update Existing Quick Reply call: 1 to 1000. Texter. */
    public static final int OPERATIONS_MAX = 1000;

    private QuickReplyRules() {
    }

    /**
     * Checks a Create Quick Reply body: 1 or more valid messages, 1 or more targets, and the display settings.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static CreateQuickReplyRequest validate(CreateQuickReplyRequest request) {
        QuickReplySend send = Check.required("send", request.getSend());
        contents("send.contents", send.getContents());
        targets("send.target", send.getTarget());
        Check.atLeast("send.betweenMessagesDelay", send.getBetweenMessagesDelay(), 0);
        QuickReplyDisplay display = request.getDisplay();
        if (display != null) {
            position("display.position", display.getPosition());
            Check.notBlankIfPresent("display.title", display.getTitle());
            Check.notBlankIfPresent("display.note", display.getNote());
        }
        return request;
    }

    /**
     * Checks an Update Existing Quick Reply body: 1-1000 operations, each holding exactly one key, with the
     * same rules for contents and targets as on creation.
     *
     * @throws InvalidRequestException naming the first operation that breaks a rule
     */
    public static List<QuickReplyOperation> validate(List<QuickReplyOperation> operations) {
        Check.count("operations", operations, 1, OPERATIONS_MAX);
        for (int i = 0; i < operations.size(); i++) {
            String path = at("operations", i);
            QuickReplyOperation operation = operations.get(i);
            // before the key count: UNKNOWN set by hand has no wire value, so it writes no key at all
            position(at(path, "updateDisplayPosition"), operation.getUpdateDisplayPosition());
            JsonNode json = TexterJson.mapper().valueToTree(operation);
            Check.that(json.size() == 1, path, "must hold exactly one operation key, had " + json.size()
                    + (json.size() == 0 ? "" : " " + json.properties().stream().map(Map.Entry::getKey).toList()));
            if (operation.getUpdateSendContents() != null) {
                contents(at(path, "updateSendContents"), operation.getUpdateSendContents());
            }
            if (operation.getUpdateSendTarget() != null) {
                targets(at(path, "updateSendTarget"), operation.getUpdateSendTarget());
            }
            Check.atLeast(at(path, "updateBetweenMessagesDelay"), operation.getUpdateBetweenMessagesDelay(), 0);
        }
        return operations;
    }

    private static void contents(String path, @Nullable List<SessionMessage> contents) {
        List<SessionMessage> messages = Check.count(path, contents, 1, Integer.MAX_VALUE);
        for (int i = 0; i < messages.size(); i++) {
            MessageRules.validate(messages.get(i), at(path, i));
        }
    }

    private static void targets(String path, @Nullable List<ChannelTarget> targets) {
        List<ChannelTarget> list = Check.count(path, targets, 1, Integer.MAX_VALUE);
        for (int i = 0; i < list.size(); i++) {
            ChannelTarget target = list.get(i);
            ChannelName name = Check.required(at(at(path, i), "name"), target.getName());
            Check.that(name != ChannelName.UNKNOWN, at(at(path, i), "name"),
                    "must be one of whatsapp, messenger, instagram, website_chat, email, sms");
            Check.notBlank(at(at(path, i), "accountId"), target.getAccountId());
            Check.notBlankIfPresent(at(at(path, i), "id"), target.getId());
        }
    }

    private static void position(String path, @Nullable QuickReplyPosition position) {
        Check.that(position != QuickReplyPosition.UNKNOWN, path, "must be top or main");
    }
}
