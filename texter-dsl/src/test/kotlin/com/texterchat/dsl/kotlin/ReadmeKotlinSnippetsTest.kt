package com.texterchat.dsl.kotlin

import com.github.tomakehurst.wiremock.client.WireMock.any
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching
import com.texterchat.dsl.support.Json
import com.texterchat.dsl.support.TexterServer
import com.texterchat.model.ChatAssignedEventData
import com.texterchat.model.NewIncomingMessageEventData
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path

/** Runs each README snippet of [ReadmeKotlinSnippets] against a local server, and checks their regions' shape. */
class ReadmeKotlinSnippetsTest : TexterServer() {

    private val texter get() = TexterServer.texter
    private val server get() = TexterServer.server

    private fun answer(path: String, json: String) {
        server.stubFor(any(urlPathMatching("/server/api/v2$path")).willReturn(okJson(json)))
    }

    /** `METHOD path` of each request, oldest first. */
    private fun requests(): List<String> = server.allServeEvents.map { it.request }.sortedBy { it.loggedDate }
        .map { "${it.method} ${it.url.substringBefore('?').removePrefix("/server/api/v2")}" }

    @Test
    fun `the quick start finds the chat, answers in it and sends a template`() {
        server.stubFor(any(urlPathEqualTo("/server/api/v2/chats/search"))
            .willReturn(okJson("""{"total": 1, "data": [{"_id": "c1"}]}""")))
        answer("/messages/send/c1", """{"success": true}""")
        answer("/whatsapp/templates/send", """{"success": true, "messageId": "m1"}""")

        ReadmeKotlinSnippets.quickStart(texter)

        assertThat(requests()).containsExactly("GET /chats/search", "POST /messages/send/c1",
            "POST /whatsapp/templates/send")
        assertThat(server.allServeEvents.single { it.request.url.startsWith("/server/api/v2/chats/search") }
            .request.queryParameter("search").firstValue()).isEqualTo("972521234567")
    }

    @Test
    fun `the message snippets send one message each`() {
        answer("/messages/send/c1", """{"success": true}""")

        ReadmeKotlinSnippets.messages(texter, "c1")
        ReadmeKotlinSnippets.mediaMessages(texter, "c1", "wamid.HBgM")

        assertThat(requests()).hasSize(7).containsOnly("POST /messages/send/c1")
    }

    @Test
    fun `the template snippets send, create, localize and submit`() {
        answer("/whatsapp/templates/send", """{"success": true, "messageId": "m1"}""")
        answer("/whatsapp/templates/972586640430(/.*)?", """{"name": "order_ready"}""")

        ReadmeKotlinSnippets.sendTemplate(texter, "972521234567", listOf("972500000001", "972500000002"))
        ReadmeKotlinSnippets.createTemplate(texter, "972586640430")

        assertThat(requests()).containsExactly("POST /whatsapp/templates/send", "POST /whatsapp/templates/send",
            "POST /whatsapp/templates/send", "POST /whatsapp/templates/972586640430",
            "POST /whatsapp/templates/972586640430/order_ready/localizations",
            "POST /whatsapp/templates/972586640430/order_ready/localizations/en/submit")
    }

    @Test
    fun `the quick reply, subscription and draft snippets call their operations`() {
        answer("/quick-replies(/q1)?", """{"_id": "q1"}""")
        answer("/scenarios/manage/.*", """{"_id": "s1"}""")

        ReadmeKotlinSnippets.quickReplies(texter, "972586640430", "q1")
        ReadmeKotlinSnippets.webhookSubscriptions(texter)
        ReadmeKotlinSnippets.scenarioDraft(texter, "s1")

        assertThat(requests()).containsExactly("POST /quick-replies", "PATCH /quick-replies/q1",
            "POST /scenarios/manage/import", "POST /scenarios/manage/import", "PATCH /scenarios/manage/s1/draft",
            "POST /scenarios/manage/s1/revisions")
    }

    @Test
    fun `the webhook snippet hands each event to its handler`() {
        val incoming = mutableListOf<NewIncomingMessageEventData>()
        val assigned = mutableListOf<ChatAssignedEventData>()

        ReadmeKotlinSnippets.webhookData("""{"eventName": "newIncomingMessage", "eventData": {"message": {"_id": "m1"}}}""",
            { incoming += it }, { assigned += it })
        ReadmeKotlinSnippets.webhookData("""{"eventName": "chatAssigned", "eventData": {"chat": {"_id": "c1"}}}""",
            { incoming += it }, { assigned += it })

        assertThat(incoming.map { Json.of(it).at("/message/_id").asText() }).containsExactly("m1")
        assertThat(assigned.map { Json.of(it).at("/chat/_id").asText() }).containsExactly("c1")
    }

    @Test
    fun `the paging snippet walks chats, messages and labels`() {
        server.stubFor(any(urlPathEqualTo("/server/api/v2/chats/search"))
            .willReturn(okJson("""{"total": 1, "data": [{"_id": "c1"}]}""")))
        answer("/messages/chat/c1", """{"messages": [{"_id": "m1", "timestamp": 1000}], "minTime": 1000}""")
        answer("/labels", """{"total": 1, "labels": [{"_id": "l1", "name": "VIP"}]}""")

        val (chats, history, labels) = ReadmeKotlinSnippets.paging(texter, "c1")

        assertThat(chats as List<*>).hasSize(1)
        assertThat(history as List<*>).hasSize(1)
        assertThat(labels as List<*>).containsExactly("VIP")
        assertThat(server.allServeEvents.single { it.request.url.startsWith("/server/api/v2/chats/search") }
            .request.queryParameter("statuses[]").firstValue()).isEqualTo("PENDING")
    }

    @Test
    fun `each snippet region is short and has a unique id`() {
        val source = Files.readAllLines(Path.of("src/test/kotlin/com/texterchat/dsl/kotlin/ReadmeKotlinSnippets.kt"))
        val regions = mutableMapOf<String, Int>()
        var open: String? = null
        var start = 0
        source.forEachIndexed { index, line ->
            val trimmed = line.trim()
            when {
                trimmed.startsWith("// readme:start ") -> {
                    assertThat(open).`as`("region opened inside %s", open).isNull()
                    open = trimmed.removePrefix("// readme:start ")
                    start = index
                }
                trimmed == "// readme:end" -> {
                    val id = checkNotNull(open) { "readme:end without start at line ${index + 1}" }
                    assertThat(regions.put(id, index - start - 1)).`as`("id %s repeated", id).isNull()
                    open = null
                }
            }
        }
        assertThat(open).isNull()
        assertThat(regions.keys).containsExactlyInAnyOrder("kotlin-quick-start", "kotlin-messages", "kotlin-media-messages",
            "kotlin-send-template", "kotlin-create-template", "kotlin-quick-replies", "kotlin-webhook-subscriptions",
            "kotlin-scenario-draft", "kotlin-webhook-data", "kotlin-paging")
        assertThat(regions).allSatisfy { id, lines -> assertThat(lines).`as`(id).isBetween(3, 12) }
    }
}
