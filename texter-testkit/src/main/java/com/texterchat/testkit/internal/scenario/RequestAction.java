package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code request} action: sends the resolved {@code data} to {@code url} with the JDK HTTP client and records
 * what happened. Never throws: a bad URL, a refused connection, a timeout or a receiver's error status all end up
 * in the returned {@link WebhookDelivery}.
 */
final class RequestAction {

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS");

    private final Duration connectTimeout;
    private final Duration timeout;
    private final boolean loopbackOnly;
    // built on the first request action: a JDK client sets up TLS and a selector thread, which a simulator whose
    // scenarios send nothing (most tests) need not pay for at start-up
    private volatile @Nullable HttpClient client;

    RequestAction(Duration connectTimeout, Duration timeout, boolean loopbackOnly) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.loopbackOnly = loopbackOnly;
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .proxy(HttpClient.Builder.NO_PROXY)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = current;
                }
            }
        }
        return current;
    }

    /**
     * Sends one request action.
     *
     * @param params the action's params, placeholders resolved
     */
    WebhookDelivery send(String scenarioId, String scenarioName, String trigger, JsonNode params, Instant at) {
        String method = params.path("method").asText("post").toUpperCase(Locale.ROOT);
        String url = withQuery(params.path("url").asText(""), params.path("qs"));
        Map<String, String> headers = new LinkedHashMap<>();
        params.path("headers").properties().forEach(h -> headers.put(h.getKey(), Values.asText(h.getValue())));
        JsonNode data = params.path("data");
        JsonNode body = data.isMissingNode() ? NullNode.getInstance() : data;
        Delivery d = new Delivery(scenarioId, scenarioName, trigger, method, url, headers, body, at);

        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return d.failed("not sent: the url " + quoted(url) + " is not a URL (" + e.getReason() + ")");
        }
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(
                uri.getScheme())) || uri.getHost() == null) {
            return d.failed("not sent: the url " + quoted(url) + " is not an absolute http(s) URL");
        }
        if (loopbackOnly && !isLoopback(uri.getHost())) {
            return d.failed("not sent: " + uri.getHost() + " is not this machine; the simulator only delivers"
                    + " webhooks to loopback addresses (localhost, 127.0.0.1, ::1)");
        }

        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
            headers.forEach(builder::header);
            if (WITHOUT_BODY.contains(method) || data.isMissingNode()) {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                boolean json = params.path("json").asBoolean(false) || !data.isTextual();
                byte[] bytes = (json ? Json.write(data) : data.textValue()).getBytes(StandardCharsets.UTF_8);
                if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
                    builder.header("Content-Type", json ? "application/json" : "text/plain; charset=UTF-8");
                }
                builder.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return d.failed("not sent: " + e.getMessage());
        }
        return exchange(request, d);
    }

    /** Sends and waits at most the timeout for the whole exchange; a receiver's status counts once it came. */
    private WebhookDelivery exchange(HttpRequest request, Delivery d) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> response = client().sendAsync(request, info -> {
            status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.discarding();
        });
        try {
            response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return d.answered(status.join());
        } catch (TimeoutException e) {
            response.cancel(true);
            if (status.isDone()) {
                return d.answered(status.join());
            }
            return d.failed("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return d.failed("interrupted while waiting for the receiver");
        } catch (ExecutionException e) {
            if (status.isDone()) {
                return d.answered(status.join());
            }
            return d.failed(describe(e.getCause()));
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof HttpTimeoutException)
                && !(cause instanceof ConnectException)) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within the connect timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect (" + (cause.getMessage() == null ? "connection refused" : cause.getMessage())
                    + ")";
        }
        if (cause instanceof IOException) {
            return "the exchange failed: " + cause;
        }
        return "the exchange failed: " + failure;
    }

    private static String withQuery(String url, JsonNode qs) {
        if (!qs.isObject() || qs.isEmpty()) {
            return url;
        }
        StringBuilder query = new StringBuilder();
        qs.properties().forEach(p -> query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(Values.asText(p.getValue()), StandardCharsets.UTF_8)));
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + query + fragment;
    }

    /** Loopback without asking DNS: {@code localhost} (and {@code *.localhost}) or a loopback IP literal. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = h.matches("[0-9.]+") || h.contains(":") && h.matches("[0-9a-f:.%a-z]+");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** The parts of a delivery known before sending. */
    private record Delivery(String scenarioId, String scenarioName, String trigger, String method, String url,
            Map<String, String> headers, JsonNode body, Instant at) {

        WebhookDelivery answered(int status) {
            return new WebhookDelivery(scenarioId, scenarioName, trigger, method, url, headers, body, at,
                    OptionalInt.of(status), Optional.empty());
        }

        WebhookDelivery failed(String error) {
            return new WebhookDelivery(scenarioId, scenarioName, trigger, method, url, headers, body, at,
                    OptionalInt.empty(), Optional.of(error));
        }
    }
}
