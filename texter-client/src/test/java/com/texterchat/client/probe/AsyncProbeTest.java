package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterResponseTooLargeException;
import com.texterchat.client.testsupport.RawHttpServer;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.Label;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The asynchronous path against misbehaving servers: cancellation closes the connection, the size limit and the read
 * deadline hold without a reading thread, and closing the client releases its threads and connections (on JDK 17
 * too, where a pending exchange would keep the selector thread alive).
 */
@Timeout(60)
class AsyncProbeTest {

    private static final long LIMIT = 64 * 1024;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    @Test
    void cancellingTheFutureClosesTheConnectionOfAServerThatNeverAnswers() throws Exception {
        try (SilentServer server = new SilentServer()) {
            TexterClient client = TexterClient.builder().baseUrl(server.baseUrl()).token(TestServer.TOKEN)
                    .readTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.disabled()).build();
            CompletableFuture<Label> future = client.async().labels().getLabel("VIP");
            assertThat(server.requestRead.await(10, TimeUnit.SECONDS)).as("the server got the request").isTrue();
            assertThat(server.disconnects.get()).isZero();

            long start = System.nanoTime();
            assertThat(future.cancel(true)).isTrue();

            await(() -> server.disconnects.get() == 1, () -> "the server saw no disconnect");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(future).isCancelled();
            assertThat(server.requests.get()).isEqualTo(1);
            client.close();
        }
    }

    @Test
    void cancellingDuringARetryWaitSendsNothingMore() throws Exception {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.json(503, "{}"))) {
            RetryPolicy slow = RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofSeconds(2))
                    .maxBackoff(Duration.ofSeconds(2)).build();
            try (TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).retryPolicy(slow).build()) {
                CompletableFuture<Label> future = client.async().labels().getLabel("VIP");
                await(() -> server.requests() == 1, () -> "no first attempt");
                Thread.sleep(200); // the first answer is in, the wait before the retry has begun
                future.cancel(false);
                Thread.sleep(2500);
                assertThat(server.requests()).isEqualTo(1);
                assertThat(future).isCancelled();
            }
        }
    }

    @Test
    void aDeclaredHugeBodyFailsAtOnceAndTheClientStaysUsable() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.hugeBody(1L << 40), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            try (TexterClient client = ProbeClients.builder(server, Duration.ofSeconds(10)).maxResponseSize(LIMIT)
                    .build()) {
                long start = System.nanoTime();
                Throwable e = client.async().labels().getLabel("VIP").handle((v, t) -> t).join();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                assertThat(e).isInstanceOf(TexterResponseTooLargeException.class).hasMessageContaining("getLabel")
                        .hasMessageContaining(LIMIT + " bytes").hasMessageContaining("Content-Length");
                assertThat(((TexterResponseTooLargeException) e).limit()).isEqualTo(LIMIT);
                assertThat(client.async().labels().getLabel("VIP").join().getId()).isEqualTo("VIP");
            }
        }
    }

    @Test
    void anEndlessChunkedBodyFailsAtTheLimit() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.endlessBody(), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            try (TexterClient client = ProbeClients.builder(server, Duration.ofSeconds(10)).maxResponseSize(LIMIT)
                    .build()) {
                Throwable e = client.async().labels().getLabel("VIP").handle((v, t) -> t).join();
                assertThat(e).isInstanceOf(TexterResponseTooLargeException.class)
                        .hasMessageContaining("larger than the response size limit of " + LIMIT);
                assertThat(client.async().labels().getLabel("VIP").join().getId()).isEqualTo("VIP");
            }
        }
    }

    @Test
    void aGzipBodyIsDecodedWithinTheLimit() {
        byte[] bomb = RawHttpServer.gzipOf(LIMIT * 4, (byte) ' ');
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.encoded(200, "gzip", bomb),
                RawHttpServer.encoded(200, "gzip", RawHttpServer.gzip(ProbeClients.LABEL.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))))) {
            try (TexterClient client = ProbeClients.builder(server, Duration.ofSeconds(10)).maxResponseSize(LIMIT)
                    .build()) {
                Throwable e = client.async().labels().getLabel("VIP").handle((v, t) -> t).join();
                assertThat(e).isInstanceOf(TexterResponseTooLargeException.class).hasMessageContaining("gzip");
                assertThat(client.async().labels().getLabel("VIP").join().getId()).isEqualTo("VIP");
            }
        }
    }

    @Test
    void aDrippingBodyEndsAtTheReadTimeoutAndItsConnectionIsDropped() {
        try (RawHttpServer server = RawHttpServer.start(RawHttpServer.sequence(
                RawHttpServer.endlessDrip(Duration.ofMillis(50)), RawHttpServer.json(200, ProbeClients.LABEL)))) {
            try (TexterClient client = ProbeClients.builder(server, READ_TIMEOUT).build()) {
                long start = System.nanoTime();
                Throwable e = client.async().labels().getLabel("VIP").handle((v, t) -> t).join();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(e).isInstanceOf(TexterIoException.class).hasMessageContaining("getLabel")
                        .hasMessageContaining("timed out");
                assertThat(((TexterIoException) e).isTimeout()).isTrue();
                assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50))
                        .isLessThan(READ_TIMEOUT.plusMillis(2500));
                assertThat(client.async().labels().getLabel("VIP").join().getId()).isEqualTo("VIP");
                assertThat(server.connections()).as("the stalled connection is dropped, not reused").isEqualTo(2);
            }
        }
    }

    @Test
    void closingReleasesTheThreadsAndConnectionsOfAnAsyncClient() throws Exception {
        try (DropServer server = DropServer.answering("{\"total\":0,\"labels\":[]}")) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            TexterClient client = TexterClient.builder().baseUrl(server.baseUrl()).token(TestServer.TOKEN)
                    .retryPolicy(RetryPolicy.disabled()).build();
            client.async().labels().listLabels(null, null).join();
            client.async().labels().listLabels(null, null).join();
            ClientThreads own = ClientThreads.startedSince(before);
            assertThat(own.names()).anyMatch(n -> n.startsWith("texter-http-"))
                    .anyMatch(n -> n.startsWith("texter-async-")).anyMatch(n -> n.endsWith("-SelectorManager"));
            assertThat(server.connections()).isEqualTo(1);

            client.close();

            own.awaitEnded(server::closedByClient, 1);
        }
    }

    @Test
    void closingEndsTheCallsInFlight() throws Exception {
        try (SilentServer server = new SilentServer()) {
            TexterClient client = TexterClient.builder().baseUrl(server.baseUrl()).token(TestServer.TOKEN)
                    .readTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.disabled()).build();
            CompletableFuture<Label> future = client.async().labels().getLabel("VIP");
            assertThat(server.requestRead.await(10, TimeUnit.SECONDS)).isTrue();

            client.close();

            Throwable e = future.handle((v, t) -> t).get(5, TimeUnit.SECONDS);
            assertThat(e).isInstanceOf(TexterIoException.class).hasMessageContaining("getLabel")
                    .hasMessageContaining("closed");
            await(() -> server.disconnects.get() == 1, () -> "the server saw no disconnect");
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(20);
        }
    }

    /** Reads each request and never answers; counts the connections the client closes. */
    private static final class SilentServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final CountDownLatch requestRead = new CountDownLatch(1);
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        Thread t = new Thread(() -> serve(s), "silent-server-connection");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort() + TestServer.API;
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        disconnects.incrementAndGet();
                        return;
                    }
                    matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                            ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                requests.incrementAndGet();
                requestRead.countDown();
                // never answer; wait for the client to go away
                while (in.read() >= 0) {
                    // a client sends nothing more
                }
                disconnects.incrementAndGet();
            } catch (IOException e) {
                disconnects.incrementAndGet(); // reset by the client
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
