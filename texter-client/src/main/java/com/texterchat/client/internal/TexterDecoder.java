package com.texterchat.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes successful Texter responses: JSON into the generated models, and the plain-text {@code OK} several
 * operations answer into a {@code String} (whether it arrives bare or as the JSON string {@code "OK"}).
 *
 * <p>Two kinds of success are not accepted: a JSON object whose {@code success} is {@code false} (Texter's way of
 * refusing, e.g., a template to an unsubscribed recipient) becomes a {@link TexterOperationFailedException}; an
 * empty or unparsable body where JSON is expected becomes a {@link TexterUnexpectedResponseException}.
 */
public final class TexterDecoder implements Decoder {

    private static final String SUCCESS_KEY = "\"success\"";

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
    public @Nullable Object decode(Response response, Type type) throws IOException {
        byte[] body = ResponseBodies.bytes(response);
        // Decoded once for the two checks below: the JDK's decoding runs on intrinsics from the start, where a byte
        // loop of ours over a 30-chat body ran interpreted for many seconds on a busy two-core machine.
        @Nullable String text = Utf8.isUtf8Json(body) ? new String(body, StandardCharsets.UTF_8) : null;
        rejectSuccessFalse(response, body, text);
        return decodeBody(response, body, text, type);
    }

    /** The operation a response answers, for exception messages (worked out only when one is thrown). */
    private static String operationId(Response response) {
        return response.request() == null ? "unknown" : Operation.of(response.request()).id();
    }

    private @Nullable Object decodeBody(Response response, byte[] body, @Nullable String decoded, Type type) {
        if (String.class.equals(type)) {
            String text = decoded != null ? decoded : new String(body, StandardCharsets.UTF_8);
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
        int status = response.status();
        if (isBlank(body)) {
            String operation = operationId(response);
            throw new TexterUnexpectedResponseException(operation, status, new String(body, StandardCharsets.UTF_8),
                    operation + ": HTTP " + status + " with an empty body where JSON was expected", null);
        }
        int invalid = decoded == null ? -1 : Utf8.firstInvalid(body, decoded);
        if (invalid >= 0) {
            String operation = operationId(response);
            String text = new String(body, StandardCharsets.UTF_8);
            throw new TexterUnexpectedResponseException(operation, status, text, redactor.mask(operation + ": HTTP "
                    + status + " but the body is not valid UTF-8 (an overlong or out-of-range byte sequence at byte "
                    + invalid + "). Response: " + ResponseBodies.snippet(redactor.mask(text))), null);
        }
        try {
            return mapper.readValue(body, mapper.constructType(type));
        } catch (IOException e) {
            String operation = operationId(response);
            String text = new String(body, StandardCharsets.UTF_8);
            String reason = (e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage()) + at(e);
            throw new TexterUnexpectedResponseException(operation, status, text, redactor.mask(operation
                    + ": HTTP " + status + " but the body is not the expected JSON (" + reason + "). Response: "
                    + ResponseBodies.snippet(redactor.mask(text))), redactor.scrubbed(e));
        }
    }

    /** Where in the body a binding failure happened ({@code " at $.data[0].unreadCount"}), or {@code ""}. */
    private static String at(IOException e) {
        if (!(e instanceof JsonMappingException) || ((JsonMappingException) e).getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(" at $");
        for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    /** Throws when the body is a JSON object whose top-level {@code success} is {@code false}. */
    private void rejectSuccessFalse(Response response, byte[] body, @Nullable String decoded) throws IOException {
        if (!successIsFalse(body, decoded)) {
            return;
        }
        String operation = operationId(response);
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json = ResponseBodies.jsonOrNull(mapper, text);
        String error = ResponseBodies.errorText(json);
        throw new TexterOperationFailedException(operation, error, text, json, redactor.mask(operation
                + ": Texter answered success=false"
                + (error == null ? "" : ": " + ResponseBodies.snippet(redactor.mask(error)))));
    }

    private boolean successIsFalse(byte[] body, @Nullable String decoded) throws IOException {
        if (!mayHaveSuccessKey(decoded)) {
            return false;
        }
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

    /**
     * Whether a body can hold a {@code "success"} key at all; if not, the key scan (which tokenizes the whole body
     * when the key is absent, e.g. 30 chats of Search Chats) is skipped. In UTF-8 JSON a key reads
     * {@code success} only if its text is {@code "success"} or it spells letters as backslash-u escapes; bodies
     * in other encodings ({@code decoded} is {@code null}: see {@link Utf8#isUtf8Json(byte[])}) always get the scan.
     *
     * @param decoded the body decoded as UTF-8, or {@code null} when it is not UTF-8
     */
    static boolean mayHaveSuccessKey(@Nullable String decoded) {
        return decoded == null || decoded.contains(SUCCESS_KEY) || decoded.contains("\\u");
    }

    /** Whether the body is empty or only JSON whitespace. */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
