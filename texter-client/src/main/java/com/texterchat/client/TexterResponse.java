package com.texterchat.client;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A call's answer in full: the HTTP status, the headers, the decoded body and the body's bytes as received (gzip
 * already undone). Made by {@link TexterClient#withRawResponse(java.util.function.Function)}. Credential headers
 * ({@code Set-Cookie}, ...) are masked, and the token in any header value; the body is as Texter sent it.
 *
 * <pre>{@code
 * TexterResponse<ChatPublicView> response = client.withRawResponse(c -> c.chats().getChat(chatId));
 * Optional<String> requestId = response.header("X-Request-Id");
 * ChatPublicView chat = response.body();
 * }</pre>
 *
 * @param <T> the type of the decoded body
 */
public final class TexterResponse<T extends @Nullable Object> {

    private final String operation;
    private final int status;
    private final Map<String, List<String>> headers;
    private final T body;
    private final byte[] rawBody;

    private TexterResponse(String operation, int status, Map<String, List<String>> headers, T body, byte[] rawBody) {
        this.operation = operation;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.rawBody = rawBody;
    }

    /**
     * A response; the client makes them, and tests of code using them may too.
     *
     * @param operation the operationId of the call
     * @param status    the HTTP status
     * @param headers   the response headers by name (copied; looked up case-insensitively)
     * @param body      the decoded body
     * @param rawBody   the body's bytes (copied)
     * @param <T>       the type of the decoded body
     * @return the response
     */
    public static <T extends @Nullable Object> TexterResponse<T> of(String operation, int status,
            Map<String, ? extends List<String>> headers, T body, byte[] rawBody) {
        Objects.requireNonNull(operation, "operation");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new TexterResponse<>(operation, status, Collections.unmodifiableMap(copy), body, rawBody.clone());
    }

    /**
     * The operationId of the call, e.g. {@code getChat}.
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }

    /**
     * The HTTP status.
     *
     * @return the status, e.g. {@code 200}
     */
    public int status() {
        return status;
    }

    /**
     * The response headers.
     *
     * @return every header with its values, by name (case-insensitive, unmodifiable)
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return its first value, empty when the response has no such header
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body decoded as the operation declares it: what the call itself returns.
     *
     * @return the decoded body
     */
    public T body() {
        return body;
    }

    /**
     * The body's bytes as Texter sent them (after gzip decoding).
     *
     * @return a copy of the bytes; empty when there was no body
     */
    public byte[] rawBody() {
        return rawBody.clone();
    }

    @Override
    public String toString() {
        return "TexterResponse[" + operation + ", HTTP " + status + ", " + headers.size() + " headers, "
                + rawBody.length + " bytes]";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TexterResponse<?> other && status == other.status && operation.equals(other.operation)
                && headers.equals(other.headers) && Objects.equals(body, other.body)
                && Arrays.equals(rawBody, other.rawBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, status, headers, body, Arrays.hashCode(rawBody));
    }
}
