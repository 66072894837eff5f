package com.texterchat.testkit.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * POSTs webhook payloads to your own endpoint the way Texter delivers them (JSON body, {@code Content-Type:
 * application/json}), to test a receiver end to end. Texter counts any 2xx answer as acknowledged.
 *
 * <pre>{@code
 * WebhookSender texter = WebhookSender.to("http://127.0.0.1:" + port + "/texter/events")
 *         .header("x-webhook-token", "s3cret");   // a header your subscription adds
 * texter.deliver(WebhookPayloads.newIncomingMessage().text("Hello").build());
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #header} and {@link #timeout} return new senders.
 */
public final class WebhookSender {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final Map<String, String> headers;
    private final Duration timeout;

    private WebhookSender(URI endpoint, Map<String, String> headers, Duration timeout) {
        this.endpoint = endpoint;
        this.headers = headers;
        this.timeout = timeout;
    }

    /**
     * A sender to an absolute {@code http} or {@code https} URL.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static WebhookSender to(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL, got '" + endpoint + "'", e);
        }
        return to(uri);
    }

    /**
     * A sender to an absolute {@code http} or {@code https} URL.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static WebhookSender to(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL, got '" + endpoint + "'");
        }
        return new WebhookSender(endpoint, Map.of(), DEFAULT_TIMEOUT);
    }

    /**
     * A sender that also sends this header, such as a shared secret your subscription's request action adds.
     *
     * @throws IllegalArgumentException for headers the HTTP client sets itself (Host, Content-Length, ...)
     */
    public WebhookSender header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank() || RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header name must be a non-blank header the HTTP client lets you set"
                    + " (not " + RESTRICTED + "), got '" + name + "'");
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WebhookSender(endpoint, Map.copyOf(copy), timeout);
    }

    /**
     * A sender that waits at most this long for the receiver's answer (default 10 s).
     *
     * @param timeout more than zero
     */
    public WebhookSender timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new WebhookSender(endpoint, headers, timeout);
    }

    /** The endpoint payloads go to. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * POSTs the payload and returns the receiver's answer, whatever its status.
     *
     * @throws UncheckedIOException when the endpoint cannot be reached
     */
    public HttpResponse<String> post(WebhookPayload<?> payload) {
        Objects.requireNonNull(payload, "payload");
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.bytes()));
        headers.forEach(request::header);
        try {
            return Client.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deliver " + payload.eventName() + " to " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delivering " + payload.eventName() + " to " + endpoint, e);
        }
    }

    /**
     * POSTs the payload and checks that the receiver acknowledged it (any 2xx), as Texter would.
     *
     * @return the receiver's answer
     * @throws AssertionError when the receiver answered another status; the message has status and body
     */
    public HttpResponse<String> deliver(WebhookPayload<?> payload) {
        HttpResponse<String> response = post(payload);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("The receiver at " + endpoint + " did not acknowledge " + payload.eventName()
                    + ": it answered " + response.statusCode() + " " + response.body()
                    + " (Texter expects any 2xx)");
        }
        return response;
    }

    @Override
    public String toString() {
        // header values may be secrets: names only
        return "WebhookSender[" + endpoint + ", headers=" + headers.keySet() + "]";
    }

    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
