package com.texterchat.examples.readme

import com.texterchat.Texter
import com.texterchat.dsl.kotlin.coroutines.asFlow
import com.texterchat.dsl.kotlin.coroutines.chatsFlow
import com.texterchat.dsl.kotlin.coroutines.coroutines
import com.texterchat.dsl.kotlin.coroutines.messagesFlow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout

/**
 * The README's Kotlin coroutine snippets (`com.texterchat.dsl.kotlin.coroutines`), verbatim between the markers;
 * [ReadmeKotlinSnippetsCoroutinesTest] runs them against the test kit.
 */
internal object ReadmeKotlinSnippetsCoroutines {

    /** What the suspend-call snippet read, for its test. */
    data class Read(val title: String?, val found: Int, val label: String)

    suspend fun suspendCalls(texter: Texter, chatId: String): Read {
        // readme:start kotlin-coroutines
        val api = texter.coroutines()                                   // cheap: one per use is fine
        val chat = api.chats.getChat(chatId)                            // suspends; no thread waits for the answer
        val found = api.chats.searchChats(search = "972521234567", limit = 10)   // optional parameters are named
        val vip = withTimeout(5_000) { api.labels.getLabel("VIP") }     // cancelled: the request is aborted
        // readme:end
        return Read(chat.title, found.data.size, vip.name)
    }

    suspend fun flows(texter: Texter, chatId: String): List<Any> {
        // readme:start kotlin-flows
        val vipChats = texter.chatsFlow { labels(setOf("VIP")) }.take(100).toList()   // pages fetched as collected
        val history = texter.messagesFlow(chatId).take(20).toList()                     // newest first
        val labelNames = texter.coroutines().paging.listLabels().asFlow().map { it.name }.toList()
        // readme:end
        return listOf(vipChats, history, labelNames)
    }
}
