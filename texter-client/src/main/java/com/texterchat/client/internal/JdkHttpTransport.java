package com.texterchat.client.internal;

import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterResponseTooLargeException;
import feign.Client;
import feign.Request;
import feign.Response;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * {@code Content-Encoding} fails with {@code TexterUnexpectedResponseException}. A response without a body from
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

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    /** The largest first allocation, so that a lying {@code Content-Length} cannot make the client allocate much. */
    private static final int MAX_INITIAL_CAPACITY = 1 << 20;
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final HttpClient http;
    private final long maxResponseSize;
    private final ResponseAssembly assembly;

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
        this.assembly = new ResponseAssembly(maxResponseSize);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long timeoutMillis = options.readTimeoutMillis();
        HttpRequest httpRequest = httpRequest(request, timeoutMillis);
        // The JDK's request timeout ends at the response headers. The body is then read here, from the JDK's own
        // stream, at most up to the size limit, while a watchdog closes the stream when the read timeout has passed
        // since sending, which fails the read at once. (The asynchronous path collects the body with its own
        // subscriber instead, BoundedBodySubscriber.)
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        HttpResponse<InputStream> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting for the response");
            io.initCause(e);
            throw io;
        }
        InputStream stream = response.body();
        if (stream == null) {
            throw tunnelRefused(request, response.statusCode());
        }
        byte[] raw = readBody(request, stream, response.headers().firstValueAsLong("Content-Length").orElse(-1L),
                deadline, timeoutMillis);
        return assembly.toResponse(request, response, raw);
    }

    /**
     * The JDK request for a Feign request: its headers (but those the JDK sets itself), {@code Accept-Encoding:
     * gzip} unless the request asks otherwise, the body, and the read timeout as the JDK's request timeout.
     */
    static HttpRequest httpRequest(Request request, long timeoutMillis) {
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
        return builder.build();
    }

    /** The JDK answers with the proxy's own response, and no body, when a proxy refuses the CONNECT tunnel. */
    static TexterIoException tunnelRefused(Request request, int status) {
        Operation operation = Operation.of(request);
        String what = "the proxy did not open a tunnel to Texter: it answered HTTP " + status
                + (status == 407 ? " Proxy Authentication Required" : "");
        return new TexterIoException(operation.id(), operation.label() + " failed: " + what, new IOException(what),
                false);
    }

    /**
     * Reads a whole body, at most the size limit: a declared or actual length above it fails at once with
     * {@link TexterResponseTooLargeException}, and a body still arriving at the deadline fails with an
     * {@link HttpTimeoutException}. Either way the stream is closed before the whole body was read, which makes the
     * JDK client drop that connection instead of pooling it.
     */
    private byte[] readBody(Request request, InputStream body, long declaredLength, long deadline, long timeoutMillis)
            throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        long left = deadline - System.nanoTime();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            closeQuietly(body);
        }, Math.max(0, left), TimeUnit.NANOSECONDS);
        try (InputStream in = body) {
            if (declaredLength > maxResponseSize) {
                throw tooLarge(request, "the response declares " + declaredLength + " bytes (Content-Length), more"
                        + " than the response size limit of " + maxResponseSize + " bytes");
            }
            byte[] buffer = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength : INITIAL_CAPACITY,
                    Math.min(maxResponseSize, MAX_INITIAL_CAPACITY)) + 1];
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    if (size > maxResponseSize) {
                        throw tooLarge(request, "the response is larger than the response size limit of "
                                + maxResponseSize + " bytes");
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxResponseSize + 1, 2L * buffer.length));
                }
                int n = in.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > maxResponseSize) {
                    throw tooLarge(request, "the response is larger than the response size limit of "
                            + maxResponseSize + " bytes");
                }
            }
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        } catch (IOException e) {
            if (expired.get()) {
                throw bodyTimeout(timeoutMillis);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader fails with its own exception
        }
    }

    static HttpTimeoutException bodyTimeout(long timeoutMillis) {
        return new BodyTimeout("no complete response within the read timeout of " + timeoutMillis
                + " ms (headers and body)");
    }

    /** The read timeout passed while the body was still arriving. */
    private static final class BodyTimeout extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;

        BodyTimeout(String message) {
            super(message);
        }
    }

    /** One daemon thread for every client's body deadlines: it only flags and aborts, never blocks. */
    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "texter-body-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }


    TexterResponseTooLargeException tooLarge(Request request, String detail) {
        return assembly.tooLarge(request, detail);
    }
}
