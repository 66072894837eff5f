package com.texterchat.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends Feign requests with {@code java.net.http.HttpClient} (which, unlike {@code HttpURLConnection}, can send
 * PATCH) and reads each response body completely. The read timeout therefore bounds the whole answer, headers and
 * body: a server that stalls half-way through a body cannot block the caller.
 */
public final class JdkHttpTransport implements Client {

    /** Headers the JDK client sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;

    /**
     * A transport over the given JDK client (which holds the connect timeout, redirect policy and connection pool).
     *
     * @param http the client
     */
    public JdkHttpTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofMillis(options.readTimeoutMillis()));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting for the response");
            io.initCause(e);
            throw io;
        }
        // Feign copies the headers into its own case-insensitive map; only HTTP/2 pseudo-headers need removing.
        Map<String, ? extends Collection<String>> headers = response.headers().map();
        if (response.version() == HttpClient.Version.HTTP_2) {
            Map<String, Collection<String>> regular = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    regular.put(name, values);
                }
            });
            headers = regular;
        }
        return Response.builder()
                .status(response.statusCode())
                .headers(Collections.unmodifiableMap(headers))
                .body(new BufferedBody(response.body()))
                .request(request)
                .protocolVersion(response.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .build();
    }
}
