package com.texterchat.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterIoException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns every non-2xx answer into the matching {@link TexterHttpException} subclass, with the operation, the
 * body (raw and parsed), the scopes a 403 needs and the wait a 429 asks for. Messages are token-free.
 */
public final class TexterErrorDecoder implements ErrorDecoder {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final ObjectMapper mapper;
    private final Redactor redactor;
    private final Supplier<OperationCatalog> catalog;

    /**
     * Creates the decoder.
     *
     * @param mapper   parses JSON bodies
     * @param redactor masks the token in messages
     * @param catalog  knows the scopes of each operation; asked only when a 403 needs explaining
     */
    public TexterErrorDecoder(ObjectMapper mapper, Redactor redactor, Supplier<OperationCatalog> catalog) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.catalog = catalog;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        Operation operation = Operation.of(response.request());
        int status = response.status();
        String text;
        try {
            text = ResponseBodies.prefixText(ResponseBodies.bytes(response), ResponseBodies.MAX_KEPT_BYTES);
        } catch (IOException e) {
            return new TexterIoException(operation.id(), redactor.mask(operation.label() + ": HTTP " + status
                    + ", and reading the response body failed: " + e), redactor.scrubbed(e), false);
        }
        JsonNode json = ResponseBodies.jsonOrNull(mapper, text);
        Optional<List<String>> scopes = status == 403 ? catalog.get().scopes(operation.id()) : Optional.empty();
        @Nullable Duration retryAfter = status == 429
                ? RetryAfter.from(response.headers(), Instant.now()).orElse(null) : null;

        StringBuilder message = new StringBuilder(operation.label()).append(": HTTP ").append(status);
        String reason = REASONS.get(status);
        if (reason != null) {
            message.append(' ').append(reason);
        }
        message.append('.');
        appendHint(message, status, operation, scopes, retryAfter);
        String said = ResponseBodies.errorText(json);
        if (said != null) {
            message.append(" Texter says: ").append(ResponseBodies.snippet(redactor.mask(said)));
        } else if (!text.isBlank()) {
            message.append(" Response: ").append(ResponseBodies.snippet(redactor.mask(text)));
        }
        return TexterHttpException.of(operation.id(), status, text, json, redactor.mask(message.toString()),
                scopes.orElse(List.of()), retryAfter, CallContext.redactedHeaders(response.headers(), redactor));
    }

    private static void appendHint(StringBuilder message, int status, Operation operation,
            Optional<List<String>> scopes, @Nullable Duration retryAfter) {
        if (status == 401) {
            message.append(" Texter did not accept the API token (missing, mistyped, revoked or of another project).");
        } else if (status == 403) {
            if (scopes.isEmpty()) {
                message.append(" The API token lacks a scope this operation needs; see x-texter-scopes of ")
                        .append(operation.id()).append(" in openapi.json.");
            } else if (scopes.get().isEmpty()) {
                message.append(" This operation works with any valid token, yet Texter refused it.");
            } else {
                message.append(" The API token lacks a scope this operation needs; it requires: ")
                        .append(String.join(", ", scopes.get())).append('.');
            }
        } else if (status == 429) {
            message.append(" Texter is rate limiting this token");
            if (retryAfter != null) {
                message.append("; it asks to wait ").append(retryAfter.toSeconds()).append(" s");
            }
            message.append('.');
        }
    }
}
