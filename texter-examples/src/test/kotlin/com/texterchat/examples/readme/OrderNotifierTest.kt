package com.texterchat.examples.readme

// The Kotlin test class of texter-testkit/README.md, verbatim between the markers. It lives in texter-examples
// because texter-testkit compiles no Kotlin; the OrderNotifier it tests is in OrderNotifier.kt next to it.
// readme:start testkit-kotlin-test
import com.texterchat.Texter
import com.texterchat.testkit.TexterMockServer
import com.texterchat.testkit.junit.TexterTest
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

@TexterTest
class OrderNotifierTest {

    @Test
    fun `tells the customer the order is ready`(server: TexterMockServer, texter: Texter) {
        OrderNotifier(texter).orderReady(phone = "972521234567", customer = "Roy", order = "15033")   // your code

        val sent = server.verify().templateSentTo("972521234567")
        assertThat(sent.templateName).isEqualTo("order_ready")
        assertThat(sent.body).containsExactly("Roy", "15033")
    }
}
// readme:end
