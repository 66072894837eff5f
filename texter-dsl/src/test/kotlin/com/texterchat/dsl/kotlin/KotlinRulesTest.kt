package com.texterchat.dsl.kotlin

import com.texterchat.dsl.InvalidRequestException
import com.texterchat.dsl.support.RuleTests
import com.texterchat.model.ChannelName
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateUsage
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.provider.Arguments
import java.time.Duration

/**
 * Every Kotlin builder and sending extension surfaces the DSL's [InvalidRequestException] for a broken rule, and
 * the sending ones send nothing (see [RuleTests]).
 */
class KotlinRulesTest : RuleTests() {

    @Test
    fun `a build-only function throws the same exception`() {
        assertThatThrownBy { buttonsMessage("t") { button("x".repeat(21)) } }
            .isInstanceOf(InvalidRequestException::class.java)
            .hasMessage("buttons[0].title must be 1-20 characters, was 21")
    }

    companion object {
        private const val ACCOUNT = "972586640430"
        private val texter get() = com.texterchat.dsl.support.TexterServer.texter
        private val whatsApp get() = quickReplyTarget(ChannelName.WHATSAPP, ACCOUNT)

        @JvmStatic
        fun brokenRules(): List<Arguments> = listOf(
            // messages
            rule("text: empty", { texter.sendText("c1", "") { tmpSendId = "crm-1" } }, "text", "must be 1-4096 characters, was 0"),
            rule("text: blank chat id", { texter.sendText(" ", "hi") { } }, "chatId", "must not be blank"),
            rule("text: blank context", { texter.sendText("c1", "hi") { context = " " } }, "context", "must not be blank"),
            rule("buttons: none", { texter.sendButtons("c1", "Was this helpful?") { } }, "buttons", "must have 1-3 items, was 0"),
            rule("buttons: repeated title", { texter.sendButtons("c1", "t") { button("Yes"); button("Yes") } }, "buttons",
                "must not repeat the title 'Yes'"),
            rule("list: 11 rows", {
                texter.sendList("c1", "Pick one", button = "Choose") {
                    section("A") { repeat(6) { row("a$it") } }
                    section("B") { repeat(5) { row("b$it") } }
                }
            }, "list.sections", "must have at most 10 rows across all sections, was 11"),
            rule("list: untitled second section", {
                texter.sendList("c1", "t", "b") { section("A") { row("a") }; section { row("b") } }
            }, "list.sections[1].title", "is required"),
            rule("list: button over 20", { texter.sendList("c1", "t", "b".repeat(21)) { section { row("a") } } },
                "list.button", "must be 1-20 characters, was 21"),
            rule("media: none", { texter.sendMedia("c1") { } }, "media", "must have 1-10 items, was 0"),
            rule("media: relative URL", { texter.sendMedia("c1") { audio("/a.ogg") } },
                "media[0].url", "must be an absolute http(s) URL, was '/a.ogg'"),
            rule("media: blank file name", { texter.sendMedia("c1") { document("https://example.com/a.pdf", filename = " ") } },
                "media[0].filename", "must not be blank when given"),
            rule("contacts: none", { texter.sendContacts("c1") { } }, "contacts", "must have at least 1 item, was 0"),
            rule("contacts: blank name", { texter.sendContacts("c1") { contact(" ") } }, "contacts[0].name.formatted_name",
                "must not be blank"),
            rule("location: latitude over 90", { texter.sendLocation("c1", 91.0, 0.0) }, "location.latitude",
                "must be between -90 and 90, was 91.0"),
            rule("location: link not a URL", { texter.sendLocation("c1", 1.0, 1.0) { url = "maps" } }, "location.url",
                "must be an absolute http(s) URL, was 'maps'"),
            // templates
            rule("template: empty body value", { texter.sendTemplate("order_ready", "972521234567") { body("") } },
                "body[0]", "must not be empty"),
            rule("template: header not a URL", {
                texter.sendTemplate("order_ready", "972521234567") { imageHeader("banner.png") }
            }, "header.url", "must be an absolute http(s) URL"),
            rule("template: reply action to agent and department", {
                texter.sendTemplate("order_ready", "972521234567") {
                    replyAction { responsibleAgent = "a@example.com"; responsibleDepartment = "sales" }
                }
            }, "replyAction.responsibleAgent", "cannot be combined with responsibleDepartment"),
            rule("template: no localization", {
                texter.createAndSubmitTemplate(ACCOUNT, "Order ready", TemplateCategory.UTILITY, TemplateUsage.INBOX,
                    ReplyChatStatus.PENDING) { name = "order_ready" }
            }, "localizations", "must have"),
            rule("template draft: body variable without example", {
                texter.createTemplateDraft(ACCOUNT, "Order ready", TemplateCategory.UTILITY, TemplateUsage.INBOX,
                    ReplyChatStatus.PENDING) { localization("en") { body("Hi {{1}}") } }
            }, "localizations[en].components[0].text", "must not start or end with a variable"),
            rule("template: bad name", {
                texter.createAndSubmitTemplate(ACCOUNT, "Order ready", TemplateCategory.UTILITY, TemplateUsage.INBOX,
                    ReplyChatStatus.PENDING) { name = "order ready"; localization("en") { body("b") } }
            }, "name", "must match"),
            rule("template: AUTHENTICATION body without the code", {
                texter.createAndSubmitTemplate(ACCOUNT, "Code", TemplateCategory.AUTHENTICATION, TemplateUsage.INBOX,
                    ReplyChatStatus.RESOLVED) { localization("en") { body("Your code.") } }
            }, "localizations[en].components[0].text", "must have exactly 1 variable (the code)"),
            rule("localization: named variable without its example", {
                localization("en") { body("Hi {{first_name}}!", mapOf("name" to "Roy")) }
            }, "components[0].example.body_text_named_params[0].param_name", "which the text does not use"),
            rule("localization: named and positional mixed", {
                localization("en") { textHeader("Order {{order_id}}", mapOf("order_id" to "1")); body("Hi {{1}}!", "Roy") }
            }, "components[1].text", "uses positional variables but components[0].text uses named ones"),
            rule("template update: nothing changed", { texter.updateTemplate(ACCOUNT, "order_ready") { } }, "",
                "must change at least one field"),
            rule("template update: blank title", { texter.updateTemplate(ACCOUNT, "order_ready") { title = "" } }, "title",
                "must not be blank"),
            rule("localization: footer with a variable", { localization("en") { body("b"); footer("Hi {{1}}") } },
                "components[1].text", "must not contain variables"),
            rule("template message: recipient not a phone number", { templateMessage("order_ready", "Roy") }, "to",
                "must match"),
            // quick replies
            rule("quick reply: invalid message", {
                texter.createQuickReply(whatsApp, textMessage("hi")) { message(com.texterchat.model.SessionMessage()) }
            }, "send.contents[1].type", "is required"),
            rule("quick reply: sub-millisecond delay", {
                texter.createQuickReply(whatsApp, textMessage("hi")) { betweenMessagesDelay = Duration.ofNanos(1500) }
            }, "send.betweenMessagesDelay", "must be 0-2147483647 whole milliseconds"),
            rule("quick reply: blank title", { texter.createQuickReply(whatsApp, textMessage("hi")) { title = " " } },
                "display.title", "must not be blank"),
            rule("quick reply update: no operation", { texter.updateQuickReply("q1") { } }, "operations",
                "must have 1-1000 items, was 0"),
            rule("quick reply update: blank id", { texter.updateQuickReply(" ") { markAsAiSuggestion() } }, "quickReplyId",
                "must not be blank"),
            rule("quick reply update: negative delay", { quickReplyUpdate { betweenMessagesDelay(Duration.ofMillis(-1)) } },
                "operations[0].updateBetweenMessagesDelay", "must be 0-2147483647 whole milliseconds"),
            // scenarios and subscriptions
            rule("subscription: no trigger", {
                texter.importSubscription("(SUB) Nothing") { request("https://crm.example.com/hook", mapOf()) }
            }, "triggerEvents", "must have at least 1 item, was 0"),
            rule("subscription: no action", { subscriptionImport("(SUB) Nothing") { trigger("domain.message.created") } },
                "actions", "must have at least 1 item, was 0"),
            rule("scenario: blank name", { scenario(" ") { trigger("domain.message.created") } }, "name", "must not be blank"),
            rule("draft: blank scenario id", { texter.editDraft(" ") { +com.texterchat.dsl.scenario.DraftOperation.rename("x") } },
                "scenarioId", "must not be blank"),
            rule("draft and publish: blank scenario id", {
                texter.editAndPublishDraft("", revisionComment = "x") { add(com.texterchat.dsl.scenario.DraftOperation.rename("x")) }
            }, "scenarioId", "must not be blank"),
        )
    }
}
