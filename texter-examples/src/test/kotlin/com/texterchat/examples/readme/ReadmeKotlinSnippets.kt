package com.texterchat.examples.readme

import com.texterchat.Texter
import com.texterchat.client.webhook.TexterWebhooks
import com.texterchat.dsl.scenario.DraftOperation
import com.texterchat.dsl.scenario.WebhookSubscriptions
import com.texterchat.dsl.kotlin.*
import com.texterchat.model.ChannelName
import com.texterchat.model.ChatAssignedEventData
import com.texterchat.model.ChatStatusName
import com.texterchat.model.NewIncomingMessageEventData
import com.texterchat.model.QuickReplyPosition
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateUsage

/**
 * The Kotlin snippets of the README, one region per builder family: the lines between `// readme:start <id>` and
 * `// readme:end` appear verbatim (modulo indentation) in README.md, and the build checks that they still do.
 * Each function takes what its snippet needs; [ReadmeKotlinSnippetsTest] runs them against the test kit, which checks
 * every request they make against the spec. (They live in texter-examples, not texter-dsl, for that reason.)
 */
internal object ReadmeKotlinSnippets {

    fun quickStart(texter: Texter) {
        // readme:start kotlin-quick-start
        val chat = texter.allChats { search("972521234567") }.first()   // chat.id is a String, never null
        texter.sendText(chat.id, "Your order is ready for pick-up.")
        // outside WhatsApp's 24-hour window, send an approved template instead
        texter.sendTemplate("order_ready", "972521234567") { language = "en"; body("Roy", "15033") }
        // readme:end
    }

    fun messages(texter: Texter, chatId: String) {
        // readme:start kotlin-messages
        texter.sendText(chatId, "Your order 15033 has shipped.") { tmpSendId = "crm-order-15033" }
        texter.sendButtons(chatId, "Was this helpful?") {
            button("Yes", payload = "helpful")
            button("No", payload = "not_helpful")
        }
        texter.sendList(chatId, "How can we help?", button = "Choose") {
            section("Support") { row("Technical issue", payload = "tech") }
            section("Billing") { row("Invoices", payload = "invoices", description = "Copies and payment status") }
        }
        // readme:end
    }

    fun mediaMessages(texter: Texter, chatId: String, providerMessageId: String) {
        // readme:start kotlin-media-messages
        texter.sendMedia(chatId) { document("https://shop.example.com/invoices/15033.pdf", filename = "invoice-15033.pdf") }
        texter.sendLocation(chatId, 32.0853, 34.7818) { name = "Head Office"; address = "Rothschild Blvd 1, Tel Aviv" }
        texter.sendContacts(chatId) {
            contact("Texter Support") { phone("+972586640430", type = "WORK"); email("support@example.com") }
        }
        val reply = textMessage("Thanks, we got your photo.") { context = providerMessageId } // builds only
        texter.sendMessage(chatId, reply)
        // readme:end
    }

    fun sendTemplate(texter: Texter, phone: String, recipients: List<String>) {
        // readme:start kotlin-send-template
        val sent = texter.sendTemplate("order_ready", phone) {
            language = "en"
            body("Roy", "15033")
            replyAction { chatStatus = ReplyChatStatus.PENDING; responsibleDepartment = "customer_service" }
        }
        println("sent message ${sent.messageId}")
        // build first, send later (e.g. a campaign): templateMessage builds and checks, it never sends
        val campaign = recipients.map { templateMessage("order_ready", to = it) { language = "en"; body("Roy", "15033") } }
        campaign.forEach { texter.sendTemplate(it) }
        // readme:end
    }

    fun createTemplate(texter: Texter, accountId: String) {
        // readme:start kotlin-create-template
        val submission = texter.createAndSubmitTemplate(accountId, "Order ready", TemplateCategory.UTILITY,
                TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
            name = "order_ready"
            replyText = "Thanks! An agent will get back to you shortly."
            localization("en") {
                body("Hi {{1}}, your order {{2}} is ready for pickup.", "Roy", "15033")
                footer("Reply STOP to opt out")
                quickReply("Contact us")
            }
        }
        println("${submission.templateName()}: submitted ${submission.submittedLanguages()}")
        // readme:end
    }

    fun quickReplies(texter: Texter, accountId: String, quickReplyId: String) {
        // readme:start kotlin-quick-replies
        texter.createQuickReply(quickReplyTarget(ChannelName.WHATSAPP, accountId),
                textMessage("Thanks for reaching out! An agent will reply shortly.")) {
            title = "Greeting"
            position = QuickReplyPosition.TOP
        }
        texter.updateQuickReply(quickReplyId) { displayNote("AI suggestion"); markAsAiSuggestion() }
        // readme:end
    }

    fun webhookSubscriptions(texter: Texter) {
        // readme:start kotlin-webhook-subscriptions
        texter.importSubscription(WebhookSubscriptions.newIncomingMessages("https://crm.example.com/texter/webhook"))
        texter.importSubscription("(SUB) VIP messages") {
            trigger("domain.message.created")
            afterConditions { loader("chat", alias = "chat", params = mapOf("id" to provide("message", "parent_chat"))) }
            anyOf { filtrex("inArray(labels, \"VIP\")", provide("chat", "chat")) }
            request("https://crm.example.com/texter/vip", mapOf("message" to provide("message", "message")))
        }
        // readme:end
    }

    fun scenarioDraft(texter: Texter, scenarioId: String) {
        // readme:start kotlin-scenario-draft
        texter.editAndPublishDraft(scenarioId, revisionComment = "Only VIP chats") {
            +DraftOperation.rename("(SUB) VIP messages")
            +DraftOperation.addCondition(0, "filtrex", mapOf("expression" to "inArray(labels, \"VIP\")"))
        }
        // readme:end
    }

    fun webhookData(
        requestBody: String,
        onIncomingMessage: (NewIncomingMessageEventData) -> Unit,
        onChatAssigned: (ChatAssignedEventData) -> Unit,
    ) {
        // readme:start kotlin-webhook-data
        val event = TexterWebhooks.parse(requestBody)
        event.dataAs<NewIncomingMessageEventData>()?.let(onIncomingMessage)
        event.dataAs<ChatAssignedEventData>()?.let(onChatAssigned)
        // readme:end
    }

    fun paging(texter: Texter, chatId: String): List<Any> {
        // readme:start kotlin-paging
        val pending = texter.allChats { statuses(setOf(ChatStatusName.PENDING)) }.take(20).toList()
        val history = texter.allMessages(chatId).take(50).toList()
        val labels = texter.paging().listLabels().asSequence().map { it.name }.toList()
        // readme:end
        return listOf(pending, history, labels)
    }
}
