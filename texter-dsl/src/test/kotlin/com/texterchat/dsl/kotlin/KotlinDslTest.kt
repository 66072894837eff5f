package com.texterchat.dsl.kotlin

import com.fasterxml.jackson.databind.JsonNode
import com.github.tomakehurst.wiremock.client.MappingBuilder
import com.github.tomakehurst.wiremock.client.WireMock.any
import com.github.tomakehurst.wiremock.client.WireMock.get
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.patch
import com.github.tomakehurst.wiremock.client.WireMock.post
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.texterchat.client.webhook.TexterWebhooks
import com.texterchat.client.webhook.WebhookSecret
import com.texterchat.dsl.scenario.DraftOperation
import com.texterchat.dsl.scenario.ScenarioComponents.Comparison
import com.texterchat.dsl.scenario.Scenarios
import com.texterchat.dsl.support.Json
import com.texterchat.dsl.support.Json.assertSameJson
import com.texterchat.dsl.support.TexterServer
import com.texterchat.model.ChannelName
import com.texterchat.model.ChatAssignedEventData
import com.texterchat.model.NewIncomingMessageEventData
import com.texterchat.model.OutgoingMediaType
import com.texterchat.model.QuickReplyPosition
import com.texterchat.model.ReplyChatStatus
import com.texterchat.model.SubscriptionImportStatus
import com.texterchat.model.TemplateCategory
import com.texterchat.model.TemplateHeaderFormat
import com.texterchat.model.TemplateUsage
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import java.time.Duration

/** The Kotlin builders against the spec's examples, and the sending extensions against a real local server. */
class KotlinDslTest : TexterServer() {

    private val texter get() = TexterServer.texter
    private val server get() = TexterServer.server

    private fun answer(request: MappingBuilder, json: String) {
        server.stubFor(request.willReturn(okJson(json)))
    }

    /** `METHOD path` of each request the server got, oldest first. */
    private fun requests(): List<String> = server.allServeEvents.map { it.request }.sortedBy { it.loggedDate }
        .map { "${it.method} ${it.url.substringBefore('?').removePrefix(API)}" }

    /** The JSON body of the only request the server got. */
    private fun sentBody(): JsonNode = Json.parse(server.allServeEvents.single().request.bodyAsString)

    // ---- messages --------------------------------------------------------------------------------------------

    @Test
    fun `message builders match the spec examples`() {
        assertSameJson(Json.of(textMessage("Hey there!")), Json.reference("send-a-message-to-chat"))
        assertSameJson(
            Json.of(buttonsMessage("Was this helpful?") { button("Yes", "yes"); button("No", "no") }),
            Json.specRequestExample("sendMessage", "buttons"),
        )
        assertSameJson(
            Json.of(listMessage("How can we help?", button = "Choose") {
                section("Support") {
                    row("Technical issue", payload = "1")
                    row("Billing", payload = "2", description = "Invoices and payments")
                }
            }),
            Json.specRequestExample("sendMessage", "list"),
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
    fun `media and contact cards carry every field`() {
        val media = mediaMessage {
            image("https://example.com/a.png", caption = "A")
            video("https://example.com/b.mp4")
            audio("https://example.com/c.ogg")
        }
        val card = contactsMessage {
            contact("Dana Cohen") {
                name("Dana", "Cohen")
                email("dana@example.com", type = "WORK")
                url("https://example.com/dana")
                org(company = "Example Ltd", title = "CTO")
                birthday("1990-04-01")
            }
        }

        assertThat(Json.of(media).at("/media").map { it.path("mediaType").asText() }).containsExactly("image", "video", "audio")
        assertThat(Json.of(media).at("/media/0/caption").asText()).isEqualTo("A")
        val contact = Json.of(card).at("/contacts/0")
        assertThat(contact.at("/name/first_name").asText()).isEqualTo("Dana")
        assertThat(contact.at("/emails/0/email").asText()).isEqualTo("dana@example.com")
        assertThat(contact.at("/urls/0/url").asText()).isEqualTo("https://example.com/dana")
        assertThat(contact.at("/org/company").asText()).isEqualTo("Example Ltd")
        assertThat(contact.at("/birthday").asText()).isEqualTo("1990-04-01")
    }

    @Test
    fun `each sending extension posts the message it built to the chat`() {
        answer(post(urlPathEqualTo("$API/messages/send/c1")), """{"success": true, "messages": [{"_id": "m1"}]}""")

        val sent = listOf(
            texter.sendText("c1", "Sure, one moment.") { context = "wamid.HBgM" },
            texter.sendButtons("c1", "Was this helpful?") { button("Yes", payload = "yes") },
            texter.sendList("c1", "How can we help?", button = "Choose") { section { row("Billing", payload = "2") } },
            texter.sendMedia("c1") { image("https://example.com/a.png") },
            texter.sendContacts("c1") { contact("Texter Support") { phone("+972586640430") } },
            texter.sendLocation("c1", 32.0853, 34.7818) { name = "Head Office" },
            texter.sendLocation("c1", 32.0853, 34.7818),
        )

        assertThat(sent).allSatisfy { assertThat(Json.of(it).at("/messages/0/_id").asText()).isEqualTo("m1") }
        val bodies = server.allServeEvents.sortedBy { it.request.loggedDate }.map { Json.parse(it.request.bodyAsString) }
        assertThat(requests()).containsOnly("POST /messages/send/c1").hasSize(7)
        assertSameJson(bodies[0], Json.parse("""{"type": "text", "text": "Sure, one moment.", "context": "wamid.HBgM"}"""))
        assertSameJson(bodies[1], Json.of(buttonsMessage("Was this helpful?") { button("Yes", payload = "yes") }))
        assertThat(bodies[2].at("/list/sections/0/rows/0/payload").asText()).isEqualTo("2")
        assertSameJson(bodies[3], Json.parse("""{"type": "media", "media": [{"mediaType": "image", "url": "https://example.com/a.png"}]}"""))
        assertThat(bodies[4].at("/contacts/0/phones/0/phone").asText()).isEqualTo("+972586640430")
        assertThat(bodies[5].at("/location/name").asText()).isEqualTo("Head Office")
        assertThat(bodies[6].at("/location").has("name")).isFalse()
    }

    // ---- templates -------------------------------------------------------------------------------------------

    @Test
    fun `templateMessage matches the spec example`() {
        val expected = Json.specRequestExample("sendTemplateMessage", "variables")

        val request = templateMessage("inbox_marketing_95", to = "0521234567") {
            language = "he"
            body(expected.at("/body/0").asText(), "15033")
            documentHeader("https://example.com/invoice.pdf", filename = "invoice.pdf")
            replyAction { chatStatus = ReplyChatStatus.PENDING; responsibleDepartment = "customer_service" }
        }

        assertSameJson(Json.of(request), expected)
    }

    @Test
    fun `templateMessage with fallback, chat data and every reply action field`() {
        val request = templateMessage("order_shipped", to = "972521234567") {
            from = "972586640430"
            buttonPayloads("A-1001")
            setChat("displayName", "Dana")
            replyAction {
                chatStatus = ReplyChatStatus.BOT
                setBotNode = "after_order"
                bot = "orders"
                replyText = "Thanks!"
                expirationTime = Duration.ofMinutes(5)
            }
            sessionMessage(textMessage("Your order has shipped."))
        }

        assertSameJson(Json.of(request), Json.parse("""
            {"templateName": "order_shipped", "to": "972521234567", "from": "972586640430",
             "buttons": [{"payload": "A-1001"}], "setChat": {"displayName": "Dana"},
             "replyAction": {"chatStatus": 0, "setBotNode": "after_order", "bot": "orders", "replyText": "Thanks!",
                             "expirationTime": 300},
             "sessionMessage": {"type": "text", "text": "Your order has shipped."}}"""))
        assertThat(Json.of(templateMessage("t", "972521234567") { imageHeader("https://example.com/a.png") })
            .at("/header/type").asText()).isEqualTo("image")
        assertThat(Json.of(templateMessage("t", "972521234567") { videoHeader("https://example.com/a.mp4") })
            .at("/header/type").asText()).isEqualTo("video")
    }

    @Test
    fun `sendTemplate builds and sends in one call`() {
        answer(post(urlPathEqualTo("$API/whatsapp/templates/send")), """{"success": true, "messageId": "m1"}""")

        val sent = texter.sendTemplate("order_ready", "972521234567") { language = "en"; body("Roy", "15033") }
        val bare = texter.sendTemplate("inbox_marketing_98", "972521234567")

        assertThat(sent.messageId).isEqualTo("m1")
        assertThat(bare.messageId).isEqualTo("m1")
        val bodies = server.allServeEvents.sortedBy { it.request.loggedDate }.map { Json.parse(it.request.bodyAsString) }
        assertSameJson(bodies[0], Json.parse("""
            {"templateName": "order_ready", "to": "972521234567", "language": "en", "body": ["Roy", "15033"]}"""))
        assertSameJson(bodies[1], Json.reference("send-template-message"))
    }

    @Test
    fun `newTemplate and localization match the reference examples`() {
        val template = newTemplate("Example Template", TemplateCategory.MARKETING, TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
            localization("en") {
                body("How can we help?")
                quickReply("About Texter")
                quickReply("Contact Us")
            }
        }
        val alone = localization("en") {
            body("How can we help?")
            quickReply("About Texter")
            quickReply("Contact Us")
        }

        assertSameJson(Json.of(template.request()), Json.reference("create-new-template"))
        assertSameJson(Json.of(template.localizations().single()), Json.reference("create-or-update-localization"))
        assertSameJson(Json.of(alone), Json.reference("create-or-update-localization"))
    }

    @Test
    fun `newTemplate carries every setting`() {
        val template = newTemplate("Order ready", TemplateCategory.UTILITY, TemplateUsage.BULK, ReplyChatStatus.BOT) {
            name = "order_ready"
            isDefault = true
            departments = listOf("sales")
            setBotNode = "order_bot"
            replyText = "Thanks!"
            localization("en") { body("Your order is ready.") }
        }
        val agent = newTemplate("A", TemplateCategory.UTILITY, TemplateUsage.INBOX, ReplyChatStatus.ASSIGNED) {
            responsibleAgent = "agent@example.com"
            localization("en") { body("b") }
        }
        val department = newTemplate("D", TemplateCategory.UTILITY, TemplateUsage.INBOX, ReplyChatStatus.ASSIGNED) {
            responsibleDepartment = "support"
            localization("en") { body("b") }
        }

        assertSameJson(Json.of(template.request()), Json.parse("""
            {"title": "Order ready", "category": "UTILITY", "usage": "bulk", "chatStatus": 0, "name": "order_ready",
             "isDefault": true, "departments": ["sales"], "setBotNode": "order_bot", "replyText": "Thanks!"}"""))
        assertThat(agent.request().responsibleAgent).isEqualTo("agent@example.com")
        assertThat(department.request().responsibleDepartment).isEqualTo("support")
    }

    @Test
    fun `a localization with every header, button and defaults`() {
        val localization = localization("en") {
            mediaHeader(TemplateHeaderFormat.IMAGE, "https://example.com/sample.png")
            body("Hi {{1}}, your code is ready.", "John")
            footer("Texter")
            urlButton("Open", "https://example.com/c/{{1}}", example = "https://example.com/c/42")
            phoneButton("Call us", "+972586640430")
            defaults { body("there"); imageHeader("https://example.com/banner.png") }
        }
        val text = localization("he") { textHeader("Order {{1}}", example = "15033"); body("b"); urlButton("Site", "https://example.com") }
        val location = localization("en") { locationHeader(); body("b"); flowButton("Book", "flow-1", navigateScreen = "START") }
        val plain = localization("en") { textHeader("Hello"); body("b") }

        assertThat(localization.components).hasSize(4)
        assertThat(Json.of(localization).at("/components/3/buttons/1/phone_number").asText()).isEqualTo("+972586640430")
        assertThat(Json.of(localization).at("/defaults/header/url").asText()).isEqualTo("https://example.com/banner.png")
        assertThat(Json.of(text).at("/components/0/example/header_text/0").asText()).isEqualTo("15033")
        assertThat(Json.of(location).at("/components/0/format").asText()).isEqualTo("LOCATION")
        assertThat(Json.of(location).at("/components/2/buttons/0/flow_id").asText()).isEqualTo("flow-1")
        assertThat(Json.of(plain).at("/components/0").has("example")).isFalse()
    }

    @Test
    fun `named variables and an AUTHENTICATION template`() {
        val named = localization("en") {
            textHeader("Order {{order_id}}", mapOf("order_id" to "A-1001"))
            body("Hi {{first_name}}, order {{order_id}} shipped.", mapOf("order_id" to "A-1001", "first_name" to "Roy"))
        }
        val otp = newTemplate("Login code", TemplateCategory.AUTHENTICATION, TemplateUsage.INBOX, ReplyChatStatus.RESOLVED) {
            localization("en") { body("*{{1}}* is your verification code.", "123456") }
        }

        assertSameJson(Json.of(named), Json.parse("""
            {"language": "en", "parameter_format": "NAMED", "components": [
              {"type": "HEADER", "format": "TEXT", "text": "Order {{order_id}}",
               "example": {"header_text_named_params": [{"param_name": "order_id", "example": "A-1001"}]}},
              {"type": "BODY", "text": "Hi {{first_name}}, order {{order_id}} shipped.",
               "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Roy"},
                                                      {"param_name": "order_id", "example": "A-1001"}]}}]}"""))
        assertThat(Json.of(otp.request()).get("category").asText()).isEqualTo("AUTHENTICATION")
    }

    @Test
    fun `a draft without localizations is localized later`() {
        val templates = "$API/whatsapp/templates/972586640430"
        answer(post(urlPathEqualTo(templates)), """{"_id": "t1", "name": "order_ready"}""")
        answer(post(urlPathEqualTo("$templates/order_ready/localizations")), """{"name": "order_ready"}""")

        val draft = texter.createTemplateDraft("972586640430", "Order ready", TemplateCategory.UTILITY,
            TemplateUsage.INBOX, ReplyChatStatus.PENDING) { name = "order_ready" }
        texter.localizeTemplate("972586640430", draft.templateName(), "en") {
            body("Hi {{first_name}}!", mapOf("first_name" to "Roy"))
        }

        val path = "/whatsapp/templates/972586640430"
        assertThat(requests()).containsExactly("POST $path", "POST $path/order_ready/localizations")
        assertThat(Json.parse(server.allServeEvents.first { it.request.url.endsWith("/localizations") }.request.bodyAsString)
            .at("/components/0/example/body_text_named_params/0/param_name").asText()).isEqualTo("first_name")
    }

    @Test
    fun `createAndSubmitTemplate and createTemplateDraft run the whole flow`() {
        val templates = "$API/whatsapp/templates/972586640430"
        answer(post(urlPathEqualTo(templates)), """{"_id": "t1", "name": "order_ready"}""")
        answer(post(urlPathEqualTo("$templates/order_ready/localizations")), """{"name": "order_ready"}""")
        answer(post(urlPathEqualTo("$templates/order_ready/localizations/en/submit")), """{"name": "order_ready"}""")

        val submitted = texter.createAndSubmitTemplate("972586640430", "Order ready", TemplateCategory.UTILITY,
            TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
            name = "order_ready"
            localization("en") { body("Hi {{1}}, order {{2}} is ready.", "Roy", "15033") }
        }
        val draft = texter.createTemplateDraft("972586640430", "Order ready", TemplateCategory.UTILITY,
            TemplateUsage.INBOX, ReplyChatStatus.PENDING) {
            name = "order_ready"
            localization("en") { body("Hi {{1}}, order {{2}} is ready.", "Roy", "15033") }
        }

        assertThat(submitted.submittedLanguages()).containsExactly("en")
        assertThat(draft.localizedLanguages()).containsExactly("en")
        assertThat(draft.submittedLanguages()).isEmpty()
        val path = "/whatsapp/templates/972586640430"
        assertThat(requests()).containsExactly(
            "POST $path", "POST $path/order_ready/localizations", "POST $path/order_ready/localizations/en/submit",
            "POST $path", "POST $path/order_ready/localizations")
    }

    @Test
    fun `templateUpdate matches the reference example and updateTemplate sends it`() {
        answer(patch(urlPathEqualTo("$API/whatsapp/templates/972586640430/order_ready")), """{"name": "order_ready"}""")
        val replyText = Json.reference("update-existing-template").path("replyText").asText()

        val update = templateUpdate {
            title = "Updated Template"
            chatStatus = ReplyChatStatus.RESOLVED
            usage = TemplateUsage.BULK
            this.replyText = replyText
        }
        val updated = texter.updateTemplate("972586640430", "order_ready") { isDefault = false; title = "Order ready (v2)" }

        assertSameJson(Json.of(update), Json.reference("update-existing-template"))
        assertThat(updated.name).isEqualTo("order_ready")
        assertSameJson(sentBody(), Json.parse("""{"title": "Order ready (v2)", "isDefault": false}"""))
    }

    // ---- quick replies ---------------------------------------------------------------------------------------

    @Test
    fun `quickReply matches the reference example and createQuickReply sends it`() {
        answer(post(urlPathEqualTo("$API/quick-replies")), """{"_id": "q1"}""")
        val greeting = textMessage("Thanks for reaching out! An agent will reply shortly.")

        val request = quickReply(quickReplyTarget(ChannelName.WHATSAPP, "972586640430"), greeting) {
            position = QuickReplyPosition.TOP
            title = "Greeting"
        }
        val created = texter.createQuickReply(quickReplyTarget(ChannelName.WHATSAPP, "972586640430", chatId = "c1"), greeting) {
            message(buttonsMessage("Anything else?") { button("No, thanks") })
            target(quickReplyTarget(ChannelName.WHATSAPP, "972500000000"))
            betweenMessagesDelay = Duration.ofMillis(1500)
            note = "AI suggestion"
            departments = listOf("support")
            users = listOf("uid-1")
        }

        assertSameJson(Json.of(request), Json.reference("create-quick-reply"))
        assertThat(created.id).isEqualTo("q1")
        assertSameJson(sentBody(), Json.parse("""
            {"send": {"contents": [{"type": "text", "text": "Thanks for reaching out! An agent will reply shortly."},
                                   {"type": "buttons", "text": "Anything else?", "buttons": [{"title": "No, thanks"}]}],
                      "target": [{"name": "whatsapp", "accountId": "972586640430", "id": "c1"},
                                 {"name": "whatsapp", "accountId": "972500000000"}],
                      "betweenMessagesDelay": 1500},
             "display": {"note": "AI suggestion", "departments": ["support"], "users": ["uid-1"]}}"""))
    }

    @Test
    fun `quickReplyUpdate matches the reference example and updateQuickReply sends every operation in order`() {
        answer(patch(urlPathEqualTo("$API/quick-replies/q1")), """{"_id": "q1"}""")

        val mark = quickReplyUpdate { markAsAiSuggestion() }
        val updated = texter.updateQuickReply("q1") {
            replaceContents(textMessage("Hello again"))
            replaceTargets(quickReplyTarget(ChannelName.WHATSAPP, "972586640430"))
            betweenMessagesDelay(Duration.ofSeconds(1))
            removeBetweenMessagesDelay()
            displayTitle("Hello")
            removeDisplayTitle()
            displayNote("note")
            removeDisplayNote()
            displayPosition(QuickReplyPosition.MAIN)
            displayDepartments(listOf("sales"))
            removeDisplayDepartments()
            displayUsers(listOf("uid-1"))
            removeDisplayUsers()
            clientMetadata(mapOf("crm" to "A-1"))
            clearClientMetadata()
        }

        assertSameJson(Json.of(mark), Json.reference("update-existing-quick-reply"))
        assertThat(updated.id).isEqualTo("q1")
        assertSameJson(sentBody(), Json.parse("""[
            {"updateSendContents": [{"type": "text", "text": "Hello again"}]},
            {"updateSendTarget": [{"name": "whatsapp", "accountId": "972586640430"}]},
            {"updateBetweenMessagesDelay": 1000}, {"updateBetweenMessagesDelay": null},
            {"updateDisplayTitle": "Hello"}, {"updateDisplayTitle": null},
            {"updateDisplayNote": "note"}, {"updateDisplayNote": null},
            {"updateDisplayPosition": "main"},
            {"updateDisplayDepartments": ["sales"]}, {"updateDisplayDepartments": null},
            {"updateDisplayUsers": ["uid-1"]}, {"updateDisplayUsers": null},
            {"updateClientMetadata": {"crm": "A-1"}}, {"updateClientMetadata": null}]"""))
    }

    // ---- scenarios and webhook subscriptions -----------------------------------------------------------------

    @Test
    fun `scenario matches the spec's import example`() {
        val document = scenario("(SUB) New Incoming Messages") {
            description = "Sends a webhook for each new incoming message"
            trigger("domain.message.created")
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
    fun `scenario conditions, loops, tags, placeholders and draft operations`() {
        val document = scenario("VIP escalation") {
            trigger("domain.chat.labels")
            anyOf { compare(Comparison.NOT_EQUAL, 3, provide("chat", "status")) }
            anyOf { condition("filtrex", mapOf("expression" to "inArray(labels, \"VIP\")", "value" to "%chat:chat%")) }
            action("runBot", mapOf("nodeName" to "vip", "chatId" to interpolate("chat", "_id", "toString")))
            foreach(com.texterchat.dsl.scenario.LoopPosition.BEFORE_ACTIONS, "label", provide("chat", "labels"), 2)
            tags("vip", "escalation")
            unorderedActions = true
        }
        val operations = draftOperations {
            +DraftOperation.rename("(SUB) VIP messages")
            add(DraftOperation.addCondition(0, "filtrex", mapOf("expression" to "inArray(labels, \"VIP\")")))
        }

        assertThat(Json.of(document).at("/conditions").size()).isEqualTo(2)
        assertThat(Json.of(document).at("/actions/0/params/chatId").asText()).isEqualTo("%chat:_id|toString%")
        assertThat(Json.of(document).at("/tags").map { it.asText() }).containsExactly("vip", "escalation")
        assertThat(Json.of(document).path("version").asText()).isEqualTo("v1.1")
        assertThat(Json.of(document).at("/options/unorderedActions").asBoolean()).isTrue()
        assertSameJson(Json.of(DraftOperation.toModels(operations)), Json.specRequestExample("updateScenarioDraft", "default"))
    }

    @Test
    fun `subscriptionImport matches the spec example and importSubscription sends it`() {
        answer(post(urlPathEqualTo("$API/scenarios/manage/import")), """{"_id": "s1"}""")
        val resolvedByAgent: ScenarioScope.() -> Unit = {
            description = "Sends a webhook when a chat is resolved by a human agent."
            trigger("domain.chat.resolved")
            anyOf { filtrex("exists(agent.uid)", "%chat:chat%") }
            request("https://crm.example.com/texter/webhook",
                mapOf("eventName" to "chatResolvedByAgent", "eventData" to mapOf("chat" to provide("chat", "chat"))))
        }

        val request = subscriptionImport("(SUB) Chat Resolved by Agent", block = resolvedByAgent)
        val imported = texter.importSubscription("(SUB) Chat Resolved by Agent", SubscriptionImportStatus.DRAFT,
            authorUid = "uid-1", block = resolvedByAgent)

        assertSameJson(Json.of(request), Json.specRequestExample("importSubscription", "chatResolvedByAgent"))
        assertThat(imported.id).isEqualTo("s1")
        val sent = sentBody()
        assertThat(sent.path("asStatus").asText()).isEqualTo("draft")
        assertThat(sent.path("authorUid").asText()).isEqualTo("uid-1")
        assertSameJson(sent.path("data"), Json.of(request.data))
    }

    @Test
    fun `a secret given to importSubscription travels in the header of every request action`() {
        answer(post(urlPathEqualTo("$API/scenarios/manage/import")), """{"_id": "s2"}""")
        val secret = WebhookSecret.generate()

        texter.importSubscription("(SUB) New Incoming Messages", secret = secret) {
            trigger("domain.message.created")
            request("https://crm.example.com/texter/webhook", mapOf("eventName" to "newIncomingMessage"))
        }

        val headers = sentBody().path("data").path("actions").path(0).path("params").path("headers")
        assertThat(headers.path(WebhookSecret.HEADER).asText()).isEqualTo(secret.value())
        assertThatThrownBy {
            subscriptionImport("(SUB) Label only", secret = secret) {
                trigger("domain.message.created")
                action("runBot", mapOf("nodeName" to "vip"))
            }
        }.isInstanceOf(IllegalStateException::class.java).hasMessageContaining("has no request action")
    }

    @Test
    fun `editDraft and editAndPublishDraft send the operations, then publish`() {
        answer(patch(urlPathEqualTo("$API/scenarios/manage/s1/draft")), """{"_id": "s1"}""")
        answer(post(urlPathEqualTo("$API/scenarios/manage/s1/revisions")), """{"_id": "s1", "version": 4}""")

        texter.editDraft("s1") { +DraftOperation.rename("(SUB) VIP messages") }
        val published = texter.editAndPublishDraft("s1", revisionComment = "VIP only") {
            +DraftOperation.rename("(SUB) VIP messages")
        }

        assertThat(published.id).isEqualTo("s1")
        assertThat(requests()).containsExactly("PATCH /scenarios/manage/s1/draft", "PATCH /scenarios/manage/s1/draft",
            "POST /scenarios/manage/s1/revisions")
        val bodies = server.allServeEvents.sortedBy { it.request.loggedDate }.map { Json.parse(it.request.bodyAsString) }
        assertSameJson(bodies[0], Json.parse("""[{"rename": "(SUB) VIP messages"}]"""))
        assertSameJson(bodies[1], bodies[0])
        assertSameJson(bodies[2], Json.parse("""{"revisionComment": "VIP only"}"""))
    }

    // ---- webhooks and paging ---------------------------------------------------------------------------------

    @Test
    fun `dataAs gives the typed data of its own event only`() {
        val event = TexterWebhooks.parse("""
            {"eventName": "newIncomingMessage",
             "eventData": {"chat": {"_id": "c1"}, "message": {"_id": "m1", "text": "Hi"}}}""")
        val unknown = TexterWebhooks.parse("""{"eventName": "somethingNew", "eventData": {"x": 1}}""")

        assertThat(Json.of(event.dataAs<NewIncomingMessageEventData>()).at("/message/text").asText()).isEqualTo("Hi")
        assertThat(event.dataAs<ChatAssignedEventData>()).isNull()
        assertThat(unknown.dataAs<NewIncomingMessageEventData>()).isNull()
        assertThat(unknown.dataAs<JsonNode>()?.path("x")?.asInt()).isEqualTo(1)
    }

    @Test
    fun `paged lists as sequences fetch pages only when reached`() {
        answer(get(urlPathEqualTo("$API/chats/search")), """{"total": 2, "data": [{"_id": "c1"}, {"_id": "c2"}]}""")
        answer(any(urlPathEqualTo("$API/messages/chat/c1")), """{"messages": [{"_id": "m1", "timestamp": 1000}], "minTime": 1000}""")

        val chats = texter.allChats { search("972521234567") }
        assertThat(server.allServeEvents).isEmpty()
        assertThat(chats.map { it.id }.toList()).containsExactly("c1", "c2")
        assertThat(server.allServeEvents.single().request.queryParameter("search").firstValue()).isEqualTo("972521234567")
        assertThat(texter.paging().searchChats().asSequence().first().id).isEqualTo("c1")
        assertThat(texter.allMessages("c1").map { it.id }.toList()).containsExactly("m1")
        assertThat(requests()).containsExactly("GET /chats/search", "GET /chats/search", "GET /messages/chat/c1")
    }

    private companion object {
        const val API = "/server/api/v2"
    }
}
