package com.texterchat.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Texter answered with an HTTP status outside 2xx. Subclasses exist for the statuses callers typically handle
 * differently; any other status (e.g. 405 or 422) arrives as this class itself.
 *
 * <p>The response body is kept as received, up to its first 65,536 characters ({@link #responseBody()}), and,
 * when it is JSON, parsed as well ({@link #responseJson()}).
 */
public class TexterHttpException extends TexterException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String responseBody;
    @SuppressWarnings("serial") // declared JsonNode, but every node Jackson builds is Serializable
    private final @Nullable JsonNode responseJson;
    @SuppressWarnings("serial") // declared Map, but it is always an unmodifiable copy of a TreeMap of Lists.copyOf
    private final Map<String, List<String>> headers;

    TexterHttpException(HttpFailure failure) {
        super(failure.operation(), failure.message(), null);
        this.headers = failure.headers();
        this.status = failure.status();
        this.responseBody = BodyPrefix.of(failure.responseBody());
        this.responseJson = failure.responseJson();
    }

    /**
     * Creates the exception matching an error status: {@link TexterBadRequestException} for 400,
     * {@link TexterUnauthorizedException} for 401, {@link TexterForbiddenException} for 403,
     * {@link TexterNotFoundException} for 404, {@link TexterConflictException} for 409,
     * {@link TexterRateLimitedException} for 429, {@link TexterServerException} for 5xx, and
     * {@code TexterHttpException} itself for any other status. The client uses it for every error response; it is
     * public so that tests of code calling Texter can create realistic failures.
     *
     * @param operation      the operationId of the failed call
     * @param status         the HTTP status code
     * @param responseBody   the response body as text ({@code null} or {@code ""} when there was none)
     * @param responseJson   the body parsed as JSON, or {@code null} when it is not JSON
     * @param message        a description for logs; must not contain secrets
     * @param requiredScopes for 403: the token scopes the operation needs (ignored for other statuses)
     * @param retryAfter     for 429: how long Texter asked to wait, or {@code null} (ignored for other statuses)
     * @return the exception, to be thrown by the caller
     */
    public static TexterHttpException of(String operation, int status, @Nullable String responseBody,
            @Nullable JsonNode responseJson, String message, @Nullable List<String> requiredScopes,
            @Nullable Duration retryAfter) {
        return of(operation, status, responseBody, responseJson, message, requiredScopes, retryAfter, Map.of());
    }

    /**
     * Creates the exception matching an error status, with the answer's headers; see
     * {@link #of(String, int, String, JsonNode, String, List, Duration)}.
     *
     * @param operation      the operationId of the failed call
     * @param status         the HTTP status code
     * @param responseBody   the response body as text ({@code null} or {@code ""} when there was none)
     * @param responseJson   the body parsed as JSON, or {@code null} when it is not JSON
     * @param message        a description for logs; must not contain secrets
     * @param requiredScopes for 403: the token scopes the operation needs (ignored for other statuses)
     * @param retryAfter     for 429: how long Texter asked to wait, or {@code null} (ignored for other statuses)
     * @param headers        the response headers by name; must not contain secrets (the client masks them)
     * @return the exception, to be thrown by the caller
     */
    public static TexterHttpException of(String operation, int status, @Nullable String responseBody,
            @Nullable JsonNode responseJson, String message, @Nullable List<String> requiredScopes,
            @Nullable Duration retryAfter, Map<String, ? extends List<String>> headers) {
        Map<String, List<String>> headerCopy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> headerCopy.put(name, List.copyOf(values)));
        HttpFailure failure = new HttpFailure(operation, status, responseBody, responseJson, message,
                requiredScopes == null ? List.of() : List.copyOf(requiredScopes), retryAfter,
                Collections.unmodifiableMap(headerCopy));
        switch (status) {
            case 400:
                return new TexterBadRequestException(failure);
            case 401:
                return new TexterUnauthorizedException(failure);
            case 403:
                return new TexterForbiddenException(failure);
            case 404:
                return new TexterNotFoundException(failure);
            case 409:
                return new TexterConflictException(failure);
            case 429:
                return new TexterRateLimitedException(failure);
            default:
                return status >= 500 && status <= 599 ? new TexterServerException(failure)
                        : new TexterHttpException(failure);
        }
    }

    /**
     * The HTTP status code Texter answered with.
     *
     * @return the status, e.g. {@code 404}
     */
    public int status() {
        return status;
    }

    /**
     * The response body as received, decoded as UTF-8: the whole body when it has at most 65,536 characters,
     * otherwise its first 65,536 characters (a longer body is not kept, so a logged exception stays small).
     *
     * @return the body or its prefix, {@code ""} when the response had none
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * The headers of the error answer, e.g. {@code Retry-After} or a request ID to quote to Texter's support.
     * Credential headers ({@code Set-Cookie}, ...) are masked, as is the token in any value.
     *
     * @return every header with its values, by name (case-insensitive, unmodifiable; empty when unknown)
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header of the error answer.
     *
     * @param name the header name, in any case
     * @return its first value, empty when the answer has no such header
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The response body parsed as JSON, e.g. to read Texter's {@code error} or {@code message} field.
     *
     * @return the parsed body, or {@code null} when the body is empty or not JSON
     */
    public @Nullable JsonNode responseJson() {
        return responseJson;
    }
}
