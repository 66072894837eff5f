package com.texterchat.client.internal;

import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterResponseTooLargeException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Sends Feign requests with {@code java.net.http.HttpClient} (which, unlike {@code HttpURLConnection}, can send
 * PATCH) and reads each response body completely, within two bounds:
 * <ul>
 *   <li><b>time</b>: the read timeout covers the whole answer, headers and body; a server that stalls or drips
 *       the body fails the call with an {@link HttpTimeoutException} when the timeout has passed since sending;</li>
 *   <li><b>size</b>: at most the response size limit is read (counted while reading, whatever
 *       {@code Content-Length} says, and again after gzip decoding); a larger body fails with
 *       {@link TexterResponseTooLargeException}.</li>
 * </ul>
 * Either way the body subscription is cancelled, so the JDK client drops that connection and the next call gets a
 * fresh one. The transport asks for gzip ({@code Accept-Encoding: gzip}) and decodes it; any other
 * {@code Content-Encoding} fails with {@link TexterUnexpectedResponseException}. A response without a body from
 * the JDK (what it hands back when a proxy refuses the {@code CONNECT} tunnel, e.g. with 407) fails with a
 * {@link TexterIoException}.
 */
public final class JdkHttpTransport implements Client {

    /** The default response size limit: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;

    /** The largest size limit: a body is held in one array. */
    public static final long MAX_RESPONSE_SIZE_LIMIT = Integer.MAX_VALUE - 8;

    /** Headers the JDK client sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;
    private final long maxResponseSize;

    /**
     * A transport over the given JDK client (which holds the connect timeout, redirect policy and connection pool),
     * with the default response size limit.
     *
     * @param http the client
     */
    public JdkHttpTransport(HttpClient http) {
        this(http, DEFAULT_MAX_RESPONSE_SIZE);
    }

    /**
     * A transport over the given JDK client with a response size limit.
     *
     * @param http            the client
     * @param maxResponseSize the most bytes a response body may have, as received and after decoding
     */
    public JdkHttpTransport(HttpClient http, long maxResponseSize) {
        if (maxResponseSize < 1 || maxResponseSize > MAX_RESPONSE_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxResponseSize must be 1.." + MAX_RESPONSE_SIZE_LIMIT + " bytes, got "
                    + maxResponseSize);
        }
        this.http = http;
        this.maxResponseSize = maxResponseSize;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long timeoutMillis = options.readTimeoutMillis();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofMillis(timeoutMillis));
        boolean acceptEncodingSet = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!RESTRICTED.contains(name)) {
                acceptEncodingSet |= name.equals("accept-encoding");
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        if (!acceptEncodingSet) {
            builder.header("Accept-Encoding", "gzip");
        }
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));

        AtomicReference<BoundedBodySubscriber> subscriber = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            BoundedBodySubscriber s = new BoundedBodySubscriber(maxResponseSize,
                    info.headers().firstValueAsLong("Content-Length").orElse(-1L));
            subscriber.set(s);
            return s;
        };
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(builder.build(), handler);
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpTimeoutException timeout = new HttpTimeoutException("no complete response within the read timeout"
                    + " of " + timeoutMillis + " ms (headers and body)");
            stop(future, subscriber.get(), timeout);
            throw timeout;
        } catch (InterruptedException e) {
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting for the response");
            io.initCause(e);
            stop(future, subscriber.get(), io);
            Thread.currentThread().interrupt();
            throw io;
        } catch (CancellationException e) {
            throw new IOException("the request was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBodySubscriber.TooLarge) {
                throw tooLarge(request, cause.getMessage());
            }
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(cause == null ? "the request failed" : cause.toString(), cause);
        }
        byte[] raw = response.body();
        if (raw == null) {
            // The JDK answers with the proxy's own response, and no body, when a proxy refuses the CONNECT tunnel.
            Operation operation = Operation.of(request);
            String what = "the proxy did not open a tunnel to Texter: it answered HTTP " + response.statusCode()
                    + (response.statusCode() == 407 ? " Proxy Authentication Required" : "");
            throw new TexterIoException(operation.id(), operation.label() + " failed: " + what, new IOException(what),
                    false);
        }
        Map<String, ? extends Collection<String>> headers = response.headers().map();
        byte[] decoded = decode(request, response, raw);
        // Feign copies the headers into its own case-insensitive map; HTTP/2 pseudo-headers need removing, and the
        // encoding headers of a body decoded here no longer describe it.
        boolean wasDecoded = decoded != raw;
        if (response.version() == HttpClient.Version.HTTP_2 || wasDecoded) {
            Map<String, Collection<String>> regular = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                boolean encodingHeader = name.equalsIgnoreCase("content-encoding")
                        || name.equalsIgnoreCase("content-length");
                if (!name.startsWith(":") && !(wasDecoded && encodingHeader)) {
                    regular.put(name, values);
                }
            });
            headers = regular;
        }
        return Response.builder()
                .status(response.statusCode())
                .headers(Collections.unmodifiableMap(headers))
                .body(new BufferedBody(decoded))
                .request(request)
                .protocolVersion(response.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .build();
    }

    private static void stop(CompletableFuture<?> future, @Nullable BoundedBodySubscriber subscriber,
            IOException reason) {
        if (subscriber != null) {
            subscriber.abort(reason);
        }
        future.cancel(true);
    }

    private TexterResponseTooLargeException tooLarge(Request request, String detail) {
        Operation operation = Operation.of(request);
        return new TexterResponseTooLargeException(operation.id(), operation.label() + " failed: " + detail
                + "; the rest was not read (TexterClient.Builder.maxResponseSize raises the limit)", maxResponseSize);
    }

    /** The body without its {@code Content-Encoding}: as it is for none or identity, gunzipped for gzip. */
    private byte[] decode(Request request, HttpResponse<byte[]> response, byte[] raw) {
        List<String> codings = response.headers().allValues("Content-Encoding").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .filter(coding -> !coding.isEmpty() && !coding.equals("identity"))
                .toList();
        if (codings.isEmpty()) {
            return raw;
        }
        Operation operation = Operation.of(request);
        int status = response.statusCode();
        if (codings.size() != 1 || !(codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
            throw new TexterUnexpectedResponseException(operation.id(), status, null, operation.label() + ": HTTP "
                    + status + " with Content-Encoding '" + String.join(", ", codings) + "', which the SDK does not"
                    + " decode (it asks for gzip only)", null);
        }
        if (raw.length == 0) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] out = in.readNBytes((int) Math.min(maxResponseSize + 1, MAX_RESPONSE_SIZE_LIMIT));
            if (out.length > maxResponseSize) {
                throw tooLarge(request, "the gzip response decodes to more than the response size limit of "
                        + maxResponseSize + " bytes");
            }
            return out;
        } catch (ZipException | java.io.EOFException e) {
            throw new TexterUnexpectedResponseException(operation.id(), status, null, operation.label() + ": HTTP "
                    + status + " with a corrupt gzip body (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TexterUnexpectedResponseException(operation.id(), status, null, operation.label() + ": HTTP "
                    + status + " with a gzip body that cannot be decoded (" + e + ")", e);
        }
    }
}
