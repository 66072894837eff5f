@file:JvmName("KotlinCoroutines")

package com.texterchat.dsl.kotlin.coroutines

import com.texterchat.Texter
import com.texterchat.api.ChatsApi
import com.texterchat.client.paging.AsyncPaged
import com.texterchat.model.Chat
import com.texterchat.model.Message
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.future.await

/**
 * The Texter API as suspend functions: `texter.coroutines().chats.getChat(chatId)`. Needs kotlinx-coroutines-core
 * on the class path (the SDK declares it optional). Cheap: make one per use or keep one.
 */
public fun Texter.coroutines(): TexterCoroutines = TexterCoroutines(async())

/**
 * The items as a cold [Flow]: each collection starts a new walk from the first page, and the next page is requested
 * only when the collector has taken every item of the one before (so `take(10)` costs one request). Cancelling the
 * collecting coroutine cancels the page request under way.
 */
public fun <T : Any> AsyncPaged<T>.asFlow(): Flow<T> = flow {
    val pages = pages()
    while (true) {
        val page = pages.next().await()
        if (page.isEmpty()) {
            break
        }
        for (item in page) {
            emit(item)
        }
    }
}

/**
 * The chats Search Chats finds, newest last message first, as a [Flow] (one request per page of 100):
 * `texter.chatsFlow { search("972521234567") }.first()`. [query] sets the filters of
 * [ChatsApi.SearchChatsQueryParams]; its `limit` is the page size.
 */
public fun Texter.chatsFlow(query: ChatsApi.SearchChatsQueryParams.() -> Unit = {}): Flow<Chat> =
    async().paging().searchChats(ChatsApi.SearchChatsQueryParams().apply(query)).asFlow()

/**
 * The message history of the chat [chatId], newest first, as a [Flow] that goes back only as far as it is
 * collected: `texter.messagesFlow(chatId).take(20).toList()`.
 */
public fun Texter.messagesFlow(chatId: String): Flow<Message> = async().paging().getChatMessages(chatId).asFlow()
