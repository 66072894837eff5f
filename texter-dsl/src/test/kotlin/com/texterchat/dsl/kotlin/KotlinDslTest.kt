package com.texterchat.dsl.kotlin

import com.texterchat.dsl.InvalidRequestException
import com.texterchat.dsl.scenario.DraftOperation
import com.texterchat.dsl.scenario.ScenarioComponents.Comparison
import com.texterchat.dsl.scenario.Scenarios
import com.texterchat.dsl.support.Json
import com.texterchat.dsl.support.Json.assertSameJson
import com.texterchat.dsl.support.TexterServer
import com.texterchat.model.OutgoingMediaType
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateHeaderFormat
import com.texterchat.model.TemplateUsage
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import java.time.Duration

class KotlinDslTest : TexterServer() {

    @Test
    fun `list message matches the spec example`() {
        val list = listMessage {
            text = "How can we help?"
            button = "Choose"
            section("Support") {
                row("Technical issue", payload = "1")
                row("Billing", payload = "2", description = "Invoices and payments")
            }
        }

        assertSameJson(Json.of(list), Json.specRequestExample("sendMessage", "list"))
    }

    @Test
    fun `the other message types match the spec examples`() {
        assertSameJson(Json.of(textMessage("Hey there!")), Json.reference("send-a-message-to-chat"))
        assertSameJson(
            Json.of(buttonsMessage { text = "Was this helpful?"; button("Yes", "yes"); button("No", "no") }),
            Json.specRequestExample("sendMessage", "buttons"),
        )
        assertSameJson(
            Json.of(mediaMessage { document("https://example.com/offer.pdf", filename = "offer.pdf") }),
            Json.specRequestExample("sendMessage", "media"),
        )
        assertSameJson(
            Json.of(locationMessage(32.0853, 34.7818) { name = "Head Office"; address = "Rothschild Blvd 1, Tel Aviv" }),
            Json.specRequestExample("sendMessage", "location"),
        )
        assertSameJson(
            Json.of(contactsMessage { contact("Texter Support") { phone("+972586640430", type = "WORK") } }),
            Json.specRequestExample("sendMessage", "contacts"),
        )
    }

    @Test
    fun `context and tmpSendId apply to any message`() {
        val reply = mediaMessage {
            storedFile(OutgoingMediaType.IMAGE, "file-1", caption = "Your invoice")
            context = "wamid.HBgM"
            tmpSendId = "crm-1"
        }

        assertSameJson(Json.of(reply), Json.parse("""
            {"type": "media", "context": "wamid.HBgM", "tmpSendId": "crm-1",
             "media": [{"mediaType": "image", "fileId": "file-1", "caption": "Your invoice"}]}"""))
    }

    @Test
    fun `send template matches the spec example`() {
        val expected = Json.specRequestExample("sendTemplateMessage", "variables")

        val request = sendTemplate("inbox_marketing_95", to = "0521234567") {
            language = "he"
            body(expected.at("/body/0").asText(), "15033")
            documentHeader("https://example.com/invoice.pdf", filename = "invoice.pdf")
            replyAction { chatStatus = ReplyChatStatus.PENDING; responsibleDepartment = "customer_service" }
        }

        assertSameJson(Json.of(request), expected)
    }

    @Test
    fun `send template with fallback and chat data`() {
        val request = sendTemplate("order_shipped", to = "972521234567") {
            from = "972586640430"
            buttonPayloads("A-1001")
            setChat("displayName", "Dana")
            replyAction { chatStatus = ReplyChatStatus.BOT; setBotNode = "after_order"; expirationTime = Duration.ofMinutes(5) }
            sessionMessage(textMessage("Your order has shipped."))
        }

        assertSameJson(Json.of(request), Json.parse("""
            {"templateName": "order_shipped", "to": "972521234567", "from": "972586640430",
             "buttons": [{"payload": "A-1001"}], "setChat": {"displayName": "Dana"},
             "replyAction": {"chatStatus": 0, "setBotNode": "after_order", "expirationTime": 300},
             "sessionMessage": {"type": "text", "text": "Your order has shipped."}}"""))
    }

    @Test
    fun `new template and localization match the reference examples`() {
        val template = newTemplate("Example Template", TemplateCategory.MARKETING, TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
            localization("en") {
                body("How can we help?")
                quickReply("About Texter")
                quickReply("Contact Us")
            }
        }

        assertSameJson(Json.of(template.request()), Json.reference("create-new-template"))
        assertSameJson(Json.of(template.localizations().single()), Json.reference("create-or-update-localization"))
    }

    @Test
    fun `a localization with header, variables, footer, buttons and defaults`() {
        val localization = localization("en") {
            mediaHeader(TemplateHeaderFormat.IMAGE, "https://example.com/sample.png")
            body("Hi {{1}}, your code is ready.", "John")
            footer("Texter")
            urlButton("Open", "https://example.com/c/{{1}}", example = "https://example.com/c/42")
            defaults { body("there"); imageHeader("https://example.com/banner.png") }
        }

        assertThat(localization.components).hasSize(4)
        assertThat(localization.defaults?.header?.url).isEqualTo("https://example.com/banner.png")
    }

    @Test
    fun `scenario matches the spec's import example`() {
        val document = scenario("(SUB) New Incoming Messages") {
            description = "Sends a webhook for each new incoming message"
            trigger("domain.message.created")
            beforeConditions()
            afterConditions { loader("chat", alias = "chat", params = mapOf("id" to provide("message", "parent_chat"))) }
            anyOf { filtrex("direction == \"incoming\"", provide("message", "message")) }
            request(
                "https://crm.example.com/texter/webhook",
                mapOf(
                    "eventName" to "newIncomingMessage",
                    "eventData" to mapOf("message" to provide("message", "message"), "chat" to provide("chat", "chat")),
                ),
            )
        }

        assertSameJson(Json.of(Scenarios.importOf(document).build()),
            Json.specRequestExample("importSubscription", "newIncomingMessage"))
    }

    @Test
    fun `scenario conditions, placeholders and draft operations`() {
        val document = scenario("VIP escalation") {
            trigger("domain.chat.labels")
            anyOf { compare(Comparison.NOT_EQUAL, 3, provide("chat", "status")) }
            anyOf { condition("filtrex", mapOf("expression" to "inArray(labels, \"VIP\")", "value" to "%chat:chat%")) }
            action("runBot", mapOf("nodeName" to "vip", "chatId" to interpolate("chat", "_id", "toString")))
            unorderedActions = true
        }
        val operations = draftOperations {
            +DraftOperation.rename("(SUB) VIP messages")
            +DraftOperation.addCondition(0, "filtrex", mapOf("expression" to "inArray(labels, \"VIP\")"))
        }

        assertThat(Json.of(document).at("/conditions").size()).isEqualTo(2)
        assertThat(Json.of(document).at("/actions/0/params/chatId").asText()).isEqualTo("%chat:_id|toString%")
        assertThat(document.options?.unorderedActions).isTrue()
        assertSameJson(Json.of(DraftOperation.toModels(operations)), Json.specRequestExample("updateScenarioDraft", "default"))
    }

    @Test
    fun `a broken rule fails in Kotlin too, before any request`() {
        TexterServer.assertRejected(
            {
                TexterServer.texter.sendMessage("chat-1", listMessage {
                    text = "Pick one"
                    button = "Choose"
                    section("A") { repeat(6) { row("a$it") } }
                    section("B") { repeat(5) { row("b$it") } }
                })
            },
            "list.sections",
            "must have at most 10 rows across all sections, was 11",
        )
        assertThatThrownBy { buttonsMessage { text = "t"; button("x".repeat(21)) } }
            .isInstanceOf(InvalidRequestException::class.java)
            .hasMessage("buttons[0].title must be 1-20 characters, was 21")
    }
}
