package com.texterchat.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reading response bodies for decoding, error reports and log lines. */
final class ResponseBodies {

    private static final int MAX_SNIPPET = 500;

    /**
     * How many bytes of an error body are decoded for the exception: 64 KiB, so its text never exceeds the 64 Ki
     * characters an exception keeps.
     */
    static final int MAX_KEPT_BYTES = 64 * 1024;

    private ResponseBodies() {
    }

    /** The whole body; not a copy when the transport buffered it, so callers must not change the array. */
    static byte[] bytes(Response response) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof BufferedBody) {
            return ((BufferedBody) body).bytes();
        }
        try (InputStream in = body.asInputStream()) {
            byte[] bytes = in.readNBytes((int) JdkHttpTransport.DEFAULT_MAX_RESPONSE_SIZE + 1);
            if (bytes.length > JdkHttpTransport.DEFAULT_MAX_RESPONSE_SIZE) {
                throw new IOException("the response body is larger than " + JdkHttpTransport.DEFAULT_MAX_RESPONSE_SIZE
                        + " bytes");
            }
            return bytes;
        }
    }

    /**
     * The first bytes of a body decoded as UTF-8, without decoding any more: at most {@code maxBytes}, cut back to
     * the start of a character so that the last one is never split (malformed input still decodes to U+FFFD).
     */
    static String prefixText(byte[] body, int maxBytes) {
        int end = Math.min(body.length, maxBytes);
        if (end < body.length) {
            // back off over continuation bytes (10xxxxxx), at most three: the cut then falls before a lead byte
            int cut = end;
            while (cut > 0 && end - cut < 3 && (body[cut] & 0xC0) == 0x80) {
                cut--;
            }
            if ((body[cut] & 0xC0) != 0x80) {
                end = cut;
            }
        }
        return new String(body, 0, end, StandardCharsets.UTF_8);
    }

    /** The body as JSON when it looks like a JSON object or array and parses; {@code null} otherwise. */
    static @Nullable JsonNode jsonOrNull(ObjectMapper mapper, String text) {
        String t = text.strip();
        if (t.isEmpty() || t.charAt(0) != '{' && t.charAt(0) != '[') {
            return null;
        }
        try {
            return mapper.readTree(t);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** Texter's reason text: the {@code error} field, else {@code message}; {@code null} when neither is text. */
    static @Nullable String errorText(@Nullable JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        for (String field : new String[] {"error", "message"}) {
            JsonNode value = json.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** A one-line excerpt of a body for an exception message. */
    static String snippet(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SNIPPET ? oneLine
                : oneLine.substring(0, MAX_SNIPPET) + "... (" + (oneLine.length() - MAX_SNIPPET) + " more chars)";
    }
}
