package com.texterchat.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.Util;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes request bodies as UTF-8 JSON with the SDK's mapper, keeping one {@link ObjectWriter} per body type.
 * The {@code Content-Length} header Feign records with a body is dropped again: the HTTP client computes it from
 * the bytes it sends, and keeping it would cost a header template per call.
 *
 * <p>A {@code null} body (an optional one left out; {@link TexterInvocationHandlerFactory} has refused it already
 * where the operation requires one) is sent as no body at all, and {@link TexterTarget} then leaves out the
 * {@code Content-Type} header too.
 */
public final class TexterEncoder implements Encoder {

    private final ObjectMapper mapper;
    private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

    /**
     * An encoder writing with the given mapper.
     *
     * @param mapper the mapper
     */
    public TexterEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(@Nullable Object object, Type bodyType, RequestTemplate template) {
        byte @Nullable [] body = bytes(object, bodyType);
        if (body == null) {
            return;
        }
        template.body(body, StandardCharsets.UTF_8);
        template.removeHeader(Util.CONTENT_LENGTH);
    }

    /**
     * A body as the UTF-8 JSON {@link #encode} puts into a template.
     *
     * @param object   the body, {@code null} for none
     * @param bodyType its declared type
     * @return the JSON, {@code null} for a {@code null} body
     * @throws EncodeException when Jackson cannot write it
     */
    byte @Nullable [] bytes(@Nullable Object object, Type bodyType) {
        if (object == null) {
            return null;
        }
        ObjectWriter writer = writers.computeIfAbsent(bodyType, type -> mapper.writerFor(mapper.constructType(type)));
        try {
            return writer.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            // getMessage() names the field that failed ("through reference chain: ...").
            throw new EncodeException("The request body could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
