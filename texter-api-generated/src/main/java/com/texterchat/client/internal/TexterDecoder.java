package com.texterchat.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import com.texterchat.generated.model.ApiResponse;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * Decodes successful Texter responses: JSON into the generated models, and the plain-text {@code OK} several
 * operations answer into a {@code String} (whether it arrives bare or as the JSON string {@code "OK"}).
 * {@code ApiResponse<T>} return types get the status and headers as well.
 *
 * <p>Two kinds of success are not accepted: a JSON object whose {@code success} is {@code false} (Texter's way of
 * refusing, e.g., a template to an unsubscribed recipient) becomes a {@link TexterOperationFailedException}; an
 * empty or unparsable body where JSON is expected becomes a {@link TexterUnexpectedResponseException}.
 */
public final class TexterDecoder implements Decoder {

    private final ObjectMapper mapper;
    private final Redactor redactor;

    /**
     * A decoder reading JSON with the given mapper.
     *
     * @param mapper   the mapper
     * @param redactor masks the token in exception messages
     */
    public TexterDecoder(ObjectMapper mapper, Redactor redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        String operation = response.request() == null ? "unknown" : Operation.of(response.request()).id();
        byte[] body = ResponseBodies.bytes(response);
        rejectSuccessFalse(operation, body);
        if (type instanceof ParameterizedType && ApiResponse.class.equals(Types.getRawType(type))) {
            Type bodyType = ((ParameterizedType) type).getActualTypeArguments()[0];
            Map<String, Collection<String>> headers = Collections.unmodifiableMap(response.headers());
            return new ApiResponse<>(response.status(), headers, decodeBody(operation, response.status(), body,
                    bodyType));
        }
        return decodeBody(operation, response.status(), body, type);
    }

    private Object decodeBody(String operation, int status, byte[] body, Type type) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (String.class.equals(type)) {
            String trimmed = text.trim();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                try {
                    return mapper.readValue(trimmed, String.class);
                } catch (JsonProcessingException notAJsonString) {
                    return text;
                }
            }
            return text;
        }
        if (text.isBlank()) {
            throw new TexterUnexpectedResponseException(operation, status, text, operation + ": HTTP " + status
                    + " with an empty body where JSON was expected", null);
        }
        try {
            return mapper.readValue(body, mapper.constructType(type));
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage();
            throw new TexterUnexpectedResponseException(operation, status, text, redactor.scrub(operation
                    + ": HTTP " + status + " but the body is not the expected JSON (" + reason + "). Response: "
                    + ResponseBodies.snippet(text)), e);
        }
    }

    /** Throws when the body is a JSON object whose top-level {@code success} is {@code false}. */
    private void rejectSuccessFalse(String operation, byte[] body) throws IOException {
        if (!successIsFalse(body)) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json = ResponseBodies.jsonOrNull(mapper, text);
        String error = ResponseBodies.errorText(json);
        throw new TexterOperationFailedException(operation, error, text, json, redactor.scrub(operation
                + ": Texter answered success=false" + (error == null ? "" : ": " + ResponseBodies.snippet(error))));
    }

    private boolean successIsFalse(byte[] body) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("success".equals(field)) {
                    return value == JsonToken.VALUE_FALSE;
                }
                parser.skipChildren();
            }
            return false;
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }
}
