package com.texterchat.dsl.kotlin

import com.github.tomakehurst.wiremock.client.WireMock.aResponse
import com.github.tomakehurst.wiremock.client.WireMock.any
import com.github.tomakehurst.wiremock.client.WireMock.anyUrl
import com.texterchat.client.TexterAttempt
import com.texterchat.client.TexterCall
import com.texterchat.client.TexterClient
import com.texterchat.client.TexterListener
import com.texterchat.client.error.TexterNotFoundException
import com.texterchat.dsl.support.TexterServer
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import java.time.Duration

/** Per-call options, raw responses, error headers and listeners as Kotlin code uses them, on a real local server. */
class KotlinClientOptionsTest : TexterServer() {

    private val texter get() = TexterServer.texter
    private val server get() = TexterServer.server

    private fun answerLabel(vararg headers: Pair<String, String>) {
        var response = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("""{"id":"VIP","name":"VIP"}""")
        headers.forEach { (name, value) -> response = response.withHeader(name, value) }
        server.stubFor(any(anyUrl()).willReturn(response))
    }

    @Test
    fun `options, raw response and a listener from Kotlin`() {
        answerLabel("X-Request-Id" to "rq-k")
        val calls = mutableListOf<TexterCall>()
        val attempts = mutableListOf<TexterAttempt>()
        TexterClient.builder().baseUrl(server.baseUrl() + API).token(TOKEN)
            .retryPolicy { it.maxRetries(0) }
            .listener(object : TexterListener {
                override fun onAttempt(attempt: TexterAttempt) {
                    attempts += attempt
                }

                override fun onCall(call: TexterCall) {
                    calls += call
                }
            })
            .build().use { client ->
                val view = client.withOptions { it.header("X-Request-Id", "from-kotlin").readTimeout(Duration.ofSeconds(5)) }
                val response = view.withRawResponse { it.labels().getLabel("VIP") }

                assertThat(response.status()).isEqualTo(200)
                assertThat(response.header("x-request-id")).contains("rq-k")
                assertThat(response.body().name).isEqualTo("VIP")
            }
        assertThat(server.allServeEvents.single().request.getHeader("X-Request-Id")).isEqualTo("from-kotlin")
        assertThat(attempts.single().decision()).isEqualTo(TexterAttempt.Decision.DONE)
        assertThat(calls.single().pathTemplate()).isEqualTo("/labels/{labelId}")
    }

    @Test
    fun `an error keeps its headers`() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("X-Request-Id", "rq-404")))

        assertThatThrownBy { texter.withOptions { it.retryPolicy { r -> r.maxRetries(0) } }.labels().getLabel("VIP") }
            .isInstanceOfSatisfying(TexterNotFoundException::class.java) {
                assertThat(it.header("X-Request-Id")).contains("rq-404")
            }
    }

    private companion object {
        const val API = "/server/api/v2"
    }
}
