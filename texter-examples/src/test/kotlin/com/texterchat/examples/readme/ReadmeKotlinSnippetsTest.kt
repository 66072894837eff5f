package com.texterchat.examples.readme

import com.fasterxml.jackson.databind.JsonNode
import com.texterchat.Texter
import com.texterchat.client.json.TexterJson
import com.texterchat.model.ChatAssignedEventData
import com.texterchat.model.NewIncomingMessageEventData
import com.texterchat.testkit.TexterMockServer
import com.texterchat.testkit.junit.TexterTest
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path

/**
 * Runs each Kotlin snippet of the README ([ReadmeKotlinSnippets]) against the test kit, which answers every operation
 * from the spec and checks every request against it: a snippet whose request Texter would refuse fails here.
 */
@TexterTest
class ReadmeKotlinSnippetsTest {

    /** The operations called, oldest first. */
    private fun operations(server: TexterMockServer): List<String> =
        server.verify().all().map { it.operationId().orElse(it.method() + " " + it.url()) }

    @AfterEach
    fun noRequestBreaksTheSpec(server: TexterMockServer) {
        server.verify().noSpecViolations()
    }

    @Test
    fun `the quick start finds the chat, answers in it and sends a template`(server: TexterMockServer, texter: Texter) {
        ReadmeKotlinSnippets.quickStart(texter)

        assertThat(operations(server)).containsExactly("searchChats", "sendMessage", "sendTemplateMessage")
        assertThat(server.verify().requests("searchChats").single().queryParameter("search")).contains("972521234567")
    }

    @Test
    fun `the message snippets send one message each`(server: TexterMockServer, texter: Texter) {
        ReadmeKotlinSnippets.messages(texter, "c1")
        ReadmeKotlinSnippets.mediaMessages(texter, "c1", "wamid.HBgM")

        assertThat(operations(server)).hasSize(7).containsOnly("sendMessage")
        assertThat(server.verify().messagesSentToChat("c1")).hasSize(7)
    }

    @Test
    fun `the template snippets send, create, localize and submit`(server: TexterMockServer, texter: Texter) {
        ReadmeKotlinSnippets.sendTemplate(texter, "972521234567", listOf("972500000001", "972500000002"))
        ReadmeKotlinSnippets.createTemplate(texter, "972586640430")

        assertThat(operations(server)).containsExactly("sendTemplateMessage", "sendTemplateMessage",
            "sendTemplateMessage", "createTemplate", "upsertTemplateLocalization", "submitTemplateLocalization")
    }

    @Test
    fun `the quick reply, subscription and draft snippets call their operations`(server: TexterMockServer, texter: Texter) {
        ReadmeKotlinSnippets.quickReplies(texter, "972586640430", "q1")
        ReadmeKotlinSnippets.webhookSubscriptions(texter)
        ReadmeKotlinSnippets.scenarioDraft(texter, "s1")

        assertThat(operations(server)).containsExactly("createQuickReply", "updateQuickReply", "importSubscription",
            "importSubscription", "updateScenarioDraft", "createScenarioRevision")
    }

    @Test
    fun `the webhook snippet hands each event to its handler`() {
        val incoming = mutableListOf<NewIncomingMessageEventData>()
        val assigned = mutableListOf<ChatAssignedEventData>()

        ReadmeKotlinSnippets.webhookData("""{"eventName": "newIncomingMessage", "eventData": {"message": {"_id": "m1"}}}""",
            { incoming += it }, { assigned += it })
        ReadmeKotlinSnippets.webhookData("""{"eventName": "chatAssigned", "eventData": {"chat": {"_id": "c1"}}}""",
            { incoming += it }, { assigned += it })

        assertThat(incoming.map { tree(it).at("/message/_id").asText() }).containsExactly("m1")
        assertThat(assigned.map { tree(it).at("/chat/_id").asText() }).containsExactly("c1")
    }

    @Test
    fun `the paging snippet walks chats, messages and labels`(server: TexterMockServer, texter: Texter) {
        val (chats, history, labels) = ReadmeKotlinSnippets.paging(texter, "c1")

        assertThat(chats as List<*>).isNotEmpty()
        assertThat(history as List<*>).isNotEmpty()
        assertThat(labels as List<*>).isNotEmpty()
        assertThat(operations(server)).startsWith("searchChats").contains("getChatMessages", "listLabels")
        assertThat(server.verify().requests("searchChats").first().queryParameters("statuses[]"))
            .containsExactly("PENDING")
    }

    @Test
    fun `each snippet region is short and has a unique id`() {
        val source = Files.readAllLines(
            Path.of("src/test/kotlin/com/texterchat/examples/readme/ReadmeKotlinSnippets.kt"))
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

    private fun tree(model: Any): JsonNode = TexterJson.mapper().valueToTree(model)
}
