package com.texterchat.examples.readme

import com.texterchat.Texter
import com.texterchat.testkit.TexterMockServer
import com.texterchat.testkit.junit.TexterTest
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Duration

/** Runs the README's coroutine snippets ([ReadmeKotlinSnippetsCoroutines]) against the test kit. */
@TexterTest
class ReadmeKotlinSnippetsCoroutinesTest {

    @AfterEach
    fun noRequestBreaksTheSpec(server: TexterMockServer) {
        server.verify().noSpecViolations()
    }

    @Test
    fun `the suspend calls answer as the blocking ones do`(server: TexterMockServer, texter: Texter) = runBlocking<Unit> {
        val read = ReadmeKotlinSnippetsCoroutines.suspendCalls(texter, "chat-5")

        assertThat(read.title).isEqualTo(texter.chats().getChat("chat-5").title)
        assertThat(read.label).isEqualTo(texter.labels().getLabel("VIP").name)
        val search = server.verify().requests("searchChats").single()
        assertThat(search.queryParameter("search")).contains("972521234567")
        assertThat(search.queryParameter("limit")).contains("10")
    }

    @Test
    fun `the timeout cancels a label read that takes too long`(server: TexterMockServer, texter: Texter) {
        server.fault("getLabel").latency(Duration.ofSeconds(8))

        assertThrows<TimeoutCancellationException> {
            runBlocking { ReadmeKotlinSnippetsCoroutines.suspendCalls(texter, "chat-5") }
        }
    }

    @Test
    fun `the flows walk the chats of the label, the history and the labels`(server: TexterMockServer, texter: Texter) =
        runBlocking<Unit> {
            val (vipChats, history, labelNames) = ReadmeKotlinSnippetsCoroutines.flows(texter, "chat-5")

            assertThat(vipChats as List<*>).isNotEmpty().hasSizeLessThanOrEqualTo(100)
            assertThat(history as List<*>).isNotEmpty().hasSizeLessThanOrEqualTo(20)
            assertThat(labelNames as List<*>).isEqualTo(texter.paging().listLabels().map { it.name })
            assertThat(server.verify().requests("searchChats").first().queryParameters("labels[]")).containsExactly("VIP")
        }
}
