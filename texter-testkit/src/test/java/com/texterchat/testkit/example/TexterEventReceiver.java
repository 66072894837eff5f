package com.texterchat.testkit.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.texterchat.client.webhook.InvalidWebhookException;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.NewIncomingMessageEventData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands for a consumer's webhook receiver: a small HTTP endpoint on 127.0.0.1 that checks a shared secret,
 * parses each delivery with the SDK's {@link TexterWebhooks#parse(byte[])}, keeps what it received, and answers customers who
 * write "status".
 */
final class TexterEventReceiver implements AutoCloseable {

    /** One event as the receiver understood it. */
    record Received(String eventName, Object eventData) {
    }

    static final String SECRET_HEADER = "x-webhook-token";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String secret;
    private final OrderNotifier notifier;

    TexterEventReceiver(String secret, OrderNotifier notifier) {
        this.secret = secret;
        this.notifier = notifier;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/texter/events", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/texter/events";
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.sendResponseHeaders(process(exchange), -1);
        } finally {
            exchange.close();
        }
    }

    private int process(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())) {
            return 405;
        }
        if (!secret.equals(exchange.getRequestHeaders().getFirst(SECRET_HEADER))) {
            return 401;
        }
        WebhookEvent event;
        try {
            event = TexterWebhooks.parse(body);
        } catch (InvalidWebhookException e) {
            return 400;
        }
        received.add(new Received(event.eventName(), event instanceof KnownWebhookEvent<?> known ? known.data() : null));
        event.dataAs(NewIncomingMessageEventData.class)
                .filter(incoming -> "status".equalsIgnoreCase(incoming.getMessage().getText()))
                .ifPresent(incoming -> notifier.replyInChat(incoming.getChat().getId(), "Your order is on its way"));
        return 200;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
