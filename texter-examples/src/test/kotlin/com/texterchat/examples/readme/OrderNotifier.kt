package com.texterchat.examples.readme

import com.texterchat.Texter
import com.texterchat.model.SendTemplateRequest

/** Stands for the application code that the Kotlin test of texter-testkit/README.md tests. */
class OrderNotifier(private val texter: Texter) {

    /** Tells [customer] at [phone] that [order] is ready, with the `order_ready` template. */
    fun orderReady(phone: String, customer: String, order: String) {
        texter.templates().sendTemplateMessage(
            SendTemplateRequest().templateName("order_ready").language("en").to(phone).body(listOf(customer, order))
        )
    }
}
