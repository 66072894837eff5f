package com.texterchat.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.generated.model.ApiResponse;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * Decodes Texter responses: JSON into the generated models, and the plain-text {@code OK} several
 * operations answer into a {@code String} (whether it arrives bare or as the JSON string {@code "OK"}).
 * {@code ApiResponse<T>} return types get the status and headers as well.
 */
public final class TexterDecoder implements Decoder {

    private final ObjectMapper mapper;
    private final JacksonDecoder json;

    /** A decoder reading JSON with the given mapper. */
    public TexterDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.json = new JacksonDecoder(mapper);
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type instanceof ParameterizedType && ApiResponse.class.equals(Types.getRawType(type))) {
            Type bodyType = ((ParameterizedType) type).getActualTypeArguments()[0];
            Map<String, Collection<String>> headers = Collections.unmodifiableMap(response.headers());
            return new ApiResponse<>(response.status(), headers, decodeBody(response, bodyType));
        }
        return decodeBody(response, type);
    }

    private Object decodeBody(Response response, Type type) throws IOException {
        if (String.class.equals(type)) {
            return decodeText(response);
        }
        return json.decode(response, type);
    }

    private Object decodeText(Response response) throws IOException {
        if (response.body() == null) {
            return null;
        }
        String text;
        try (InputStream in = response.body().asInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return mapper.readValue(trimmed, String.class);
        }
        return text;
    }
}
