package com.texterchat.consumer

import com.texterchat.Texter
import com.texterchat.dsl.kotlin.buttonsMessage
import com.texterchat.dsl.kotlin.sendTemplate
import com.texterchat.dsl.kotlin.sendText
import com.texterchat.dsl.kotlin.textMessage
import com.texterchat.model.SessionMessage

/**
 * What an application on an older Kotlin writes with the DSL: builders, extensions on [Texter] that send, and the
 * generated models' nullability. Compiled by each consumer module's own Kotlin compiler.
 */
class OrderNotifications(private val texter: Texter) {

    /** Tells the customer in [chatId] that [orderId] is ready, as a reply to [replyTo]; whether Texter took it. */
    fun orderReady(chatId: String, orderId: String, replyTo: String): Boolean =
        texter.sendText(chatId, "Order $orderId is ready for pick-up.") { context = replyTo }.success

    /** Sends the approved template outside the 24-hour window; whether Texter accepted it. */
    fun orderReadyTemplate(phone: String, name: String, orderId: String): Boolean =
        texter.sendTemplate("order_ready", phone) {
            language = "en"
            body(name, orderId)
        }.success

    companion object {
        /** Builds (only) the messages, as a list, so the caller can inspect them. */
        @JvmStatic
        fun drafts(orderId: String): List<SessionMessage> = listOf(
            textMessage("Order $orderId is ready."),
            buttonsMessage("Was the pick-up smooth?") {
                button("Yes", payload = "yes")
                button("No", payload = "no")
            },
        )
    }
}
