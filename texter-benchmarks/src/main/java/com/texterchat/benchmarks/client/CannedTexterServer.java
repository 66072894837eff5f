package com.texterchat.benchmarks.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Texter stand-in for the per-call benchmarks: the JDK's own HTTP server on {@code 127.0.0.1} answering
 * Send a Message and Search Chats with fixed bodies, so that the server costs the same for the SDK and for the
 * hand-written baseline. Requests without {@code Authorization: Bearer ...} get 401, so both sides must really
 * send the token.
 */
public final class CannedTexterServer implements AutoCloseable {

    /** The path every operation is relative to, as on Texter. */
    public static final String BASE_PATH = "/server/api/v2";

    private static final byte[] UNAUTHORIZED = "{\"success\":false,\"error\":\"Unauthorized\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "{\"success\":false,\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;

    private CannedTexterServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the server on a free port.
     *
     * @param sendMessageAnswer the body answering {@code POST /messages/send/{chatId}}
     * @param searchChatsAnswer the body answering {@code GET /chats/search}
     * @param threads           handler threads (one per concurrent connection the benchmark opens)
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static CannedTexterServer start(byte[] sendMessageAnswer, byte[] searchChatsAnswer, int threads)
            throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY the second write waits for the
        // client's delayed ACK (~40 ms on Linux), which would measure the kernel instead of the clients.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "canned-texter-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(BASE_PATH + "/messages/send/", exchange -> answer(exchange, "POST", sendMessageAnswer));
        server.createContext(BASE_PATH + "/chats/search", exchange -> answer(exchange, "GET", searchChatsAnswer));
        server.start();
        return new CannedTexterServer(server, executor);
    }

    /**
     * The base URL to give a client, {@code http://127.0.0.1:<port>/server/api/v2}.
     *
     * @return the URL
     */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void answer(HttpExchange exchange, String method, byte[] body) throws IOException {
        try (InputStream request = exchange.getRequestBody()) {
            request.transferTo(OutputStream.nullOutputStream());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                send(exchange, 401, UNAUTHORIZED);
            } else if (!method.equals(exchange.getRequestMethod())) {
                send(exchange, 404, NOT_FOUND);
            } else {
                send(exchange, 200, body);
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
