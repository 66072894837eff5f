package com.texterchat.examples.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.texterchat.client.webhook.InvalidWebhookException;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint for Texter on {@code 127.0.0.1}: it accepts {@code POST /texter/webhook}, parses the body with
 * {@link TexterWebhooks#parse(byte[])} into a typed {@link WebhookEvent}, queues it and answers {@code 200} at once,
 * so Texter never waits for the work the event triggers. The application takes events from the queue
 * ({@link #take(Duration)}).
 *
 * <p>Answers: {@code 400} for a body that is not a Texter delivery, {@code 404} for other paths, {@code 405} for
 * other methods, {@code 413} for bodies over 1 MiB and {@code 503} while the queue is full.
 *
 * <p>Texter signs nothing, so in production put an unguessable token in the URL you subscribe (or in a header the
 * subscription sends) and check it here. Built on the JDK's {@code com.sun.net.httpserver}: no dependency.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The path Texter POSTs to. */
    public static final String PATH = "/texter/webhook";

    /** The largest body accepted. Texter's deliveries are a few KiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final int QUEUE_CAPACITY = 1000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicInteger rejected = new AtomicInteger();
    private final URI url;

    private WebhookReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Starts a receiver on {@code 127.0.0.1}.
     *
     * @param port the port, 0 for any free one
     * @return the running receiver; close it when done
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static WebhookReceiver start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "texter-webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, executor);
        server.createContext("/", receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /**
     * The URL to subscribe, e.g. {@code http://127.0.0.1:40125/texter/webhook}.
     *
     * @return the URL
     */
    public URI url() {
        return url;
    }

    /**
     * The next event received, waiting for it up to {@code timeout}.
     *
     * @param timeout how long to wait
     * @return the event
     * @throws IllegalStateException when nothing arrives in time
     */
    public WebhookEvent take(Duration timeout) {
        try {
            WebhookEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new IllegalStateException("No webhook arrived at " + url + " within " + timeout.toMillis()
                        + " ms" + (rejected.get() == 0 ? "" : " (" + rejected.get() + " deliveries were rejected)"));
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a webhook at " + url, e);
        }
    }

    /**
     * Removes and returns the events received and not yet taken.
     *
     * @return the events, oldest first
     */
    public List<WebhookEvent> drain() {
        List<WebhookEvent> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    /**
     * How many deliveries were refused (bad body, method, path or size).
     *
     * @return the count since start
     */
    public int rejected() {
        return rejected.get();
    }

    /** Stops listening. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + url + "]";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                refuse(exchange, 404, "Not found");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                refuse(exchange, 405, "Texter webhooks are POSTed");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                refuse(exchange, 413, "Body larger than " + MAX_BODY_BYTES + " bytes");
                return;
            }
            WebhookEvent event;
            try {
                event = TexterWebhooks.parse(body);
            } catch (InvalidWebhookException e) {
                refuse(exchange, 400, e.getMessage());
                return;
            }
            if (!events.offer(event)) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                refuse(exchange, 503, "Busy");
                return;
            }
            answer(exchange, 200, "OK");
        }
    }

    private void refuse(HttpExchange exchange, int status, String message) throws IOException {
        rejected.incrementAndGet();
        answer(exchange, status, message);
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
