package com.texterchat.dsl.kotlin.coroutines

import com.github.tomakehurst.wiremock.client.WireMock.aResponse
import com.github.tomakehurst.wiremock.client.WireMock.equalTo
import com.github.tomakehurst.wiremock.client.WireMock.get
import com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.texterchat.Texter
import com.texterchat.client.RetryPolicy
import com.texterchat.client.TexterClient
import com.texterchat.client.error.TexterNotFoundException
import com.texterchat.dsl.support.TexterServer
import java.io.IOException
import java.net.InetAddress
import java.net.ServerSocket
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows

/** The generated suspend API and the paging Flows against a real local server. */
@Timeout(60)
class CoroutinesTest : TexterServer() {

    private val api = "/server/api/v2"

    @Test
    fun `a suspend call returns the decoded answer`() = runBlocking<Unit> {
        server.stubFor(get(urlPathEqualTo("$api/labels/VIP")).willReturn(okJson("""{"id":"VIP","name":"VIP"}""")))

        val label = texter.coroutines().labels.getLabel("VIP")

        assertThat(label.id).isEqualTo("VIP")
        assertThat(label).isEqualTo(texter.labels().getLabel("VIP"))
    }

    @Test
    fun `optional parameters default to null and only those named are sent`() = runBlocking<Unit> {
        server.stubFor(get(urlPathEqualTo("$api/chats/search")).willReturn(okJson("""{"total":0,"data":[]}""")))

        texter.coroutines().chats.searchChats(limit = 5, search = "9725")

        server.verify(getRequestedFor(urlPathEqualTo("$api/chats/search"))
            .withQueryParam("limit", equalTo("5")).withQueryParam("search", equalTo("9725")))
        val sent = server.allServeEvents.single().request.queryParams.keys
        assertThat(sent).containsExactlyInAnyOrder("limit", "search")
    }

    @Test
    fun `a failure is thrown as the blocking call throws it`() {
        server.stubFor(get(urlPathEqualTo("$api/labels/nope"))
            .willReturn(aResponse().withStatus(404).withBody("""{"error":"no such label"}""")))

        val e = assertThrows<TexterNotFoundException> {
            runBlocking { texter.coroutines().labels.getLabel("nope") }
        }
        assertThat(e.message).contains("getLabel (GET /labels/nope): HTTP 404").contains("no such label")
    }

    @Test
    fun `a paged list is a Flow that fetches pages as they are collected`() = runBlocking<Unit> {
        for (skip in listOf(0, 2, 4)) {
            val labels = (skip until minOf(skip + 2, 5)).joinToString(",") { """{"id":"L$it","name":"L$it"}""" }
            server.stubFor(get(urlPathEqualTo("$api/labels")).withQueryParam("skip", equalTo("$skip"))
                .willReturn(okJson("""{"total":5,"labels":[$labels]}""")))
        }
        val paging = texter.coroutines().paging

        val all = paging.listLabels(com.texterchat.api.LabelsApi.ListLabelsQueryParams().limit(2)).asFlow().toList()
        assertThat(all.map { it.id }).containsExactly("L0", "L1", "L2", "L3", "L4")
        assertThat(server.allServeEvents).hasSize(3)

        server.resetRequests()
        val first = paging.listLabels(com.texterchat.api.LabelsApi.ListLabelsQueryParams().limit(2)).asFlow().take(2)
            .toList()
        assertThat(first.map { it.id }).containsExactly("L0", "L1")
        assertThat(server.allServeEvents).hasSize(1)
    }

    @Test
    fun `cancelling the coroutine cancels the request`() {
        SilentServer().use { silent ->
            TexterClient.builder().baseUrl(silent.baseUrl()).token(TOKEN).readTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.disabled()).build().use { client ->
                    val quiet = Texter.of(client)
                    runBlocking {
                        assertThrows<TimeoutCancellationException> {
                            withTimeout(1_000) { quiet.coroutines().labels.getLabel("VIP") }
                        }
                        assertThat(silent.requestRead.await(5, TimeUnit.SECONDS)).isTrue()
                        // the JDK closes the connection of the cancelled exchange: the server sees the disconnect
                        val deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos()
                        while (silent.disconnects.get() == 0 && System.nanoTime() < deadline) {
                            delay(20)
                        }
                        assertThat(silent.disconnects.get()).isEqualTo(1)
                        assertThat(silent.requests.get()).isEqualTo(1)
                    }
                }
        }
    }

    @Test
    fun `many suspended calls run concurrently on one thread`() = runBlocking<Unit> {
        server.stubFor(get(urlPathEqualTo("$api/labels/VIP"))
            .willReturn(okJson("""{"id":"VIP","name":"VIP"}""").withFixedDelay(500)))
        val start = System.nanoTime()

        val labels = (1..10).map { async { texter.coroutines().labels.getLabel("VIP") } }.map { it.await() }

        assertThat(labels).allSatisfy { assertThat(it.id).isEqualTo("VIP") }
        // ten calls of 500 ms on runBlocking's single thread: together, not one after another
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4000))
    }

    /** Reads each request and never answers; counts the connections the client closes. */
    private class SilentServer : AutoCloseable {
        private val socket = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        val requestRead = CountDownLatch(1)
        val requests = AtomicInteger()
        val disconnects = AtomicInteger()

        init {
            Thread({
                while (!socket.isClosed) {
                    val connection = try {
                        socket.accept()
                    } catch (e: IOException) {
                        break
                    }
                    Thread({ serve(connection) }, "silent-connection").apply { isDaemon = true }.start()
                }
            }, "silent-server").apply { isDaemon = true }.start()
        }

        fun baseUrl() = "http://127.0.0.1:${socket.localPort}/server/api/v2"

        private fun serve(connection: java.net.Socket) {
            connection.use {
                try {
                    val input = it.getInputStream()
                    var matched = 0
                    while (matched < 4) {
                        val b = input.read()
                        if (b < 0) {
                            disconnects.incrementAndGet()
                            return
                        }
                        matched = if (b == '\r'.code && (matched == 0 || matched == 2) ||
                            b == '\n'.code && (matched == 1 || matched == 3)) matched + 1 else if (b == '\r'.code) 1 else 0
                    }
                    requests.incrementAndGet()
                    requestRead.countDown()
                    while (input.read() >= 0) {
                        // nothing more comes from a client
                    }
                    disconnects.incrementAndGet()
                } catch (e: IOException) {
                    disconnects.incrementAndGet()
                }
            }
        }

        override fun close() = socket.close()
    }
}
