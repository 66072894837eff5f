@file:JvmName("KotlinWebhooks")

package com.texterchat.dsl.kotlin

import com.texterchat.client.webhook.WebhookEvent

/**
 * The event's data as [T] (a generated `*EventData` model such as `NewIncomingMessageEventData`), or `null` when
 * this event carries another type:
 * ```
 * val event = TexterWebhooks.parse(body)
 * event.dataAs<NewIncomingMessageEventData>()?.let { reply(it.chat, it.message) }
 * ```
 */
inline fun <reified T : Any> WebhookEvent.dataAs(): T? = data() as? T
