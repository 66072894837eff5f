package com.texterchat.client.internal;

import com.texterchat.client.HttpLogLevel;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each HTTP attempt at INFO under {@code com.texterchat.client.http}, as detailed as the configured
 * {@link HttpLogLevel}. Credential headers are masked and the token is scrubbed from every line. Each event is one
 * line: headers follow the request or status line in brackets ({@code [Name: value, ...]}), the body after
 * {@code body: }, and line breaks and other control characters (in a body, or in what a server sent) are written
 * as escapes ({@code \n}), so a log collector sees one event and a server cannot forge log lines. The asynchronous
 * path ({@link AsyncRetryingClient}) logs its attempts through the same methods.
 */
public final class LoggingClient implements Client {

    private static final Logger LOG = LoggerFactory.getLogger("com.texterchat.client.http");
    /** The most characters of a body a BODY line shows. */
    private static final int MAX_BODY_CHARS = 8 * 1024;
    /**
     * How many bytes of a body are decoded for a BODY line: what it shows (at most 4 bytes a character, but Texter's
     * JSON is mostly ASCII) plus room for a token crossing the cut, which is masked before the text is cut.
     */
    private static final int MAX_BODY_BYTES_DECODED = MAX_BODY_CHARS + 1024;

    private final Client delegate;
    private final HttpLogLevel level;
    private final Redactor redactor;

    /**
     * Wraps a client.
     *
     * @param delegate the client sending the request
     * @param level    how much to log
     * @param redactor masks secrets
     */
    public LoggingClient(Client delegate, HttpLogLevel level, Redactor redactor) {
        this.delegate = delegate;
        this.level = level;
        this.redactor = redactor;
    }

    /**
     * A logger of attempts that another client sends (the asynchronous path): its {@link #execute} refuses.
     *
     * @param level    how much to log
     * @param redactor masks secrets
     */
    LoggingClient(HttpLogLevel level, Redactor redactor) {
        this((request, options) -> {
            throw new UnsupportedOperationException("logs only");
        }, level, redactor);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        if (!enabled()) {
            return delegate.execute(request, options);
        }
        long start = logRequest(request);
        Response response;
        try {
            response = delegate.execute(request, options);
        } catch (IOException | RuntimeException e) {
            logFailure(request, start, e);
            throw e;
        }
        return logResponse(request, start, response);
    }

    /**
     * Whether anything is logged at all.
     *
     * @return {@code false} at {@link HttpLogLevel#NONE} or when INFO is off for {@code com.texterchat.client.http}
     */
    boolean enabled() {
        return level != HttpLogLevel.NONE && LOG.isInfoEnabled();
    }

    /**
     * Logs a request about to be sent (call only when {@link #enabled()}).
     *
     * @param request the request
     * @return the time it was sent, for {@link #logResponse} and {@link #logFailure}
     */
    long logRequest(Request request) {
        StringBuilder out = new StringBuilder("--> ").append(request.httpMethod()).append(' ').append(request.url())
                .append(" (").append(Operation.of(request).id()).append(')');
        appendDetails(out, request.headers(), request.body());
        log(out);
        return System.nanoTime();
    }

    /**
     * Logs a failed attempt (call only when {@link #enabled()}).
     *
     * @param request the request
     * @param start   what {@link #logRequest} returned
     * @param e       the failure
     */
    void logFailure(Request request, long start, Throwable e) {
        log(new StringBuilder("<-- ").append(Operation.of(request).id()).append(" failed after ")
                .append(elapsedMillis(start)).append(" ms: ").append(e));
    }

    /**
     * Logs an answer (call only when {@link #enabled()}).
     *
     * @param request  the request
     * @param start    what {@link #logRequest} returned
     * @param response the answer
     * @return the answer, its body buffered
     * @throws IOException when the body cannot be read
     */
    Response logResponse(Request request, long start, Response response) throws IOException {
        byte[] body = ResponseBodies.bytes(response);
        StringBuilder out = new StringBuilder("<-- ").append(response.status()).append(' ')
                .append(request.httpMethod()).append(' ').append(request.url()).append(" (")
                .append(Operation.of(request).id()).append(", ").append(elapsedMillis(start)).append(" ms, ")
                .append(body.length).append(" bytes)");
        appendDetails(out, response.headers(), body);
        log(out);
        return response.toBuilder().body(new BufferedBody(body)).build();
    }

    private void appendDetails(StringBuilder out, Map<String, Collection<String>> headers, byte[] body) {
        if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
            out.append(" [");
            int start = out.length();
            headers.forEach((name, values) -> values.forEach(value -> out.append(out.length() == start ? "" : ", ")
                    .append(name).append(": ").append(redactor.headerValue(name, value))));
            out.append(']');
        }
        if (level == HttpLogLevel.BODY && body != null && body.length > 0) {
            // Only a prefix is decoded, and it is masked before it is cut, so no part of a token survives the cut.
            String text = redactor.scrub(ResponseBodies.prefixText(body, MAX_BODY_BYTES_DECODED));
            boolean whole = body.length <= MAX_BODY_BYTES_DECODED && text.length() <= MAX_BODY_CHARS;
            if (!whole && text.length() > MAX_BODY_CHARS) {
                int end = Character.isHighSurrogate(text.charAt(MAX_BODY_CHARS - 1)) ? MAX_BODY_CHARS - 1
                        : MAX_BODY_CHARS;
                text = text.substring(0, end);
            }
            out.append(" body: ").append(text);
            if (!whole) {
                out.append("... (cut; ").append(body.length).append(" bytes in all)");
            }
        }
    }

    private void log(StringBuilder line) {
        LOG.info(OneLine.of(redactor.scrub(line.toString())));
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
