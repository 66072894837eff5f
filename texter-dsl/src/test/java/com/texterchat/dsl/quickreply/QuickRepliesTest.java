package com.texterchat.dsl.quickreply;

import static com.texterchat.dsl.support.Json.assertSameJson;

import com.texterchat.dsl.message.Messages;
import com.texterchat.dsl.support.Json;
import com.texterchat.dsl.support.RuleTests;
import com.texterchat.model.ChannelName;
import com.texterchat.model.ChannelTarget;
import com.texterchat.model.CreateQuickReplyRequest;
import com.texterchat.model.QuickReplyOperation;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.QuickReplySend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class QuickRepliesTest extends RuleTests {

    private static final String ACCOUNT = "972586640430";

    @Test
    void createMatchesTheReferenceAndSpecExamples() {
        CreateQuickReplyRequest greeting = QuickReplies.newQuickReply()
                .content(Messages.text("Thanks for reaching out! An agent will reply shortly."))
                .target(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT))
                .position(QuickReplyPosition.TOP)
                .title("Greeting")
                .build();

        assertSameJson(Json.of(greeting), Json.reference("create-quick-reply"));
        assertSameJson(Json.of(greeting), Json.specRequestExample("createQuickReply", "default"));
    }

    @Test
    void aChatScopedAiSuggestionWithSeveralMessages() {
        CreateQuickReplyRequest suggestion = QuickReplies.newQuickReply()
                .content(Messages.text("Your order has shipped."))
                .content(Messages.buttons("Anything else?").button("No, thanks"))
                .target(QuickReplies.chat(ChannelName.WHATSAPP, ACCOUNT, "67bf11038b24880cc966f799"))
                .betweenMessagesDelay(Duration.ofMillis(1500))
                .note("AI suggestion")
                .build();

        assertSameJson(Json.of(suggestion), Json.parse("""
                {"send": {"contents": [{"type": "text", "text": "Your order has shipped."},
                  {"type": "buttons", "text": "Anything else?", "buttons": [{"title": "No, thanks"}]}],
                  "betweenMessagesDelay": 1500,
                  "target": [{"name": "whatsapp", "accountId": "972586640430", "id": "67bf11038b24880cc966f799"}]},
                 "display": {"note": "AI suggestion"}}"""));
    }

    @Test
    void updateMatchesTheReferenceAndSpecExamples() {
        List<QuickReplyOperation> mark = QuickReplies.update().markAsAiSuggestion().build();

        assertSameJson(Json.of(mark), Json.reference("update-existing-quick-reply"));
        assertSameJson(Json.of(mark), Json.specRequestExample("updateQuickReply", "default"));
    }

    @Test
    void everyUpdateOperationHoldsExactlyOneKeyAndRemovalsSendNull() {
        List<QuickReplyOperation> operations = QuickReplies.update()
                .replaceContents(Messages.text("New text"))
                .replaceTargets(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT))
                .betweenMessagesDelay(Duration.ofSeconds(2)).removeBetweenMessagesDelay()
                .displayTitle("Hi").removeDisplayTitle()
                .displayNote("n").removeDisplayNote()
                .displayPosition(QuickReplyPosition.MAIN)
                .displayDepartments(List.of("sales")).removeDisplayDepartments()
                .displayUsers(List.of("uid-1")).removeDisplayUsers()
                .clientMetadata(Map.of("source", "crm")).clearClientMetadata()
                .build();

        assertSameJson(Json.of(operations), Json.parse("""
                [{"updateSendContents": [{"type": "text", "text": "New text"}]},
                 {"updateSendTarget": [{"name": "whatsapp", "accountId": "972586640430"}]},
                 {"updateBetweenMessagesDelay": 2000}, {"updateBetweenMessagesDelay": null},
                 {"updateDisplayTitle": "Hi"}, {"updateDisplayTitle": null},
                 {"updateDisplayNote": "n"}, {"updateDisplayNote": null},
                 {"updateDisplayPosition": "main"},
                 {"updateDisplayDepartments": ["sales"]}, {"updateDisplayDepartments": null},
                 {"updateDisplayUsers": ["uid-1"]}, {"updateDisplayUsers": null},
                 {"updateClientMetadata": {"source": "crm"}}, {"updateClientMetadata": null}]"""));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("no contents", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .target(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT))), "send.contents",
                        "must have at least 1 item, was 0"),
                rule("invalid content", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(new com.texterchat.model.SessionMessage()
                                .type(com.texterchat.model.OutgoingMessageType.TEXT).text(""))
                        .target(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT))), "send.contents[0].text",
                        "must be 1-4096 characters, was 0"),
                rule("no target", () -> texter.createQuickReply(QuickReplies.newQuickReply().content(Messages.text("hi"))),
                        "send.target", "must have at least 1 item, was 0"),
                rule("target without account", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(new ChannelTarget().name(ChannelName.WHATSAPP))),
                        "send.target[0].accountId", "is required"),
                rule("target without channel", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(new ChannelTarget().accountId(ACCOUNT))),
                        "send.target[0].name", "is required"),
                rule("negative delay", () -> QuickReplies.newQuickReply().betweenMessagesDelay(Duration.ofMillis(-1)),
                        "send.betweenMessagesDelay", "must be 0-2147483647 whole milliseconds"),
                rule("sub-millisecond delay", () -> QuickReplies.update().betweenMessagesDelay(Duration.ofNanos(1500)),
                        "operations[0].updateBetweenMessagesDelay", "must be 0-2147483647 whole milliseconds"),
                rule("raw negative delay", () -> texter.createQuickReply(new CreateQuickReplyRequest().send(
                        new QuickReplySend().contents(List.of(Messages.text("hi").build()))
                                .target(List.of(QuickReplies.channel(ChannelName.SMS, ACCOUNT))).betweenMessagesDelay(-5))),
                        "send.betweenMessagesDelay", "must be at least 0, was -5"),
                rule("blank display title", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT)).title(" ")),
                        "display.title", "must not be blank"),
                rule("unknown position", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT))
                        .position(QuickReplyPosition.UNKNOWN)), "display.position", "must be top or main"),
                rule("blank chat target", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(QuickReplies.chat(ChannelName.WHATSAPP, ACCOUNT, ""))),
                        "send.target[0].id", "must not be blank"),
                rule("unknown channel", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(QuickReplies.channel(ChannelName.UNKNOWN, ACCOUNT))),
                        "send.target[0].name", "must be one of whatsapp, messenger"),
                rule("blank note", () -> texter.createQuickReply(QuickReplies.newQuickReply()
                        .content(Messages.text("hi")).target(QuickReplies.channel(ChannelName.WHATSAPP, ACCOUNT)).note("")),
                        "display.note", "must not be blank"),
                rule("raw negative delay operation", () -> texter.updateQuickReply("qr1", List.of(new QuickReplyOperation()
                        .updateBetweenMessagesDelay(-1))), "operations[0].updateBetweenMessagesDelay", "must be at least 0, was -1"),
                rule("raw unknown position operation", () -> texter.updateQuickReply("qr1", List.of(new QuickReplyOperation()
                        .updateDisplayPosition(QuickReplyPosition.UNKNOWN))), "operations[0].updateDisplayPosition",
                        "must be top or main"),
                rule("no operations", () -> texter.updateQuickReply("qr1", QuickReplies.update()), "operations",
                        "must have 1-1000 items, was 0"),
                rule("1001 operations", () -> texter.updateQuickReply("qr1", thousandAndOne()), "operations",
                        "must have 1-1000 items, was 1001"),
                rule("operation with two keys", () -> texter.updateQuickReply("qr1", List.of(new QuickReplyOperation()
                        .updateDisplayTitle("a").updateDisplayNote("b"))), "operations[0]",
                        "must hold exactly one operation key, had 2 [updateDisplayTitle, updateDisplayNote]"),
                rule("empty operation", () -> texter.updateQuickReply("qr1", List.of(new QuickReplyOperation())),
                        "operations[0]", "must hold exactly one operation key, had 0"),
                rule("contents replaced by nothing", () -> texter.updateQuickReply("qr1",
                        QuickReplies.update().replaceContents(List.of())), "operations[0].updateSendContents",
                        "must have at least 1 item, was 0"),
                rule("targets replaced by a bad one", () -> texter.updateQuickReply("qr1",
                        QuickReplies.update().replaceTargets(new ChannelTarget().name(ChannelName.WHATSAPP).accountId(" "))),
                        "operations[0].updateSendTarget[0].accountId", "must not be blank"),
                rule("blank quick reply id", () -> texter.updateQuickReply(" ", QuickReplies.update().displayTitle("a")),
                        "quickReplyId", "must not be blank"));
    }

    private static List<QuickReplyOperation> thousandAndOne() {
        List<QuickReplyOperation> operations = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            operations.add(new QuickReplyOperation().updateDisplayTitle("t" + i));
        }
        return operations;
    }
}
