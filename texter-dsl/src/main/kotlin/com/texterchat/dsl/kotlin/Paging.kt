@file:JvmName("KotlinPaging")

package com.texterchat.dsl.kotlin

import com.texterchat.Texter
import com.texterchat.api.ChatsApi
import com.texterchat.client.paging.Paged
import com.texterchat.model.Chat
import com.texterchat.model.Message

/**
 * The items as a lazy [Sequence] that fetches the next page only when it is reached, so `take(10)` costs one
 * request. Each iteration of the sequence starts a new walk from the first page (with fresh requests).
 */
fun <T : Any> Paged<T>.asSequence(): Sequence<T> = Sequence { iterator() }

/**
 * The chats Search Chats finds, newest last message first, as a lazy [Sequence] (one request per page of 100):
 * `texter.allChats { search("972521234567") }.firstOrNull()`. [query] sets the filters of
 * [ChatsApi.SearchChatsQueryParams]; its `limit` is the page size.
 */
fun Texter.allChats(query: ChatsApi.SearchChatsQueryParams.() -> Unit = {}): Sequence<Chat> =
    paging().searchChats(ChatsApi.SearchChatsQueryParams().apply(query)).asSequence()

/**
 * The message history of the chat [chatId], newest first, as a lazy [Sequence] that goes back only as far as it
 * is consumed: `texter.allMessages(chatId).take(20).toList()`.
 */
fun Texter.allMessages(chatId: String): Sequence<Message> = paging().getChatMessages(chatId).asSequence()
