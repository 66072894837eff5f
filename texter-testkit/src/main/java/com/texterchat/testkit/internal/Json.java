package com.texterchat.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.client.json.TexterJson;

/** Reads and writes JSON with the SDK's shared mapper, turning Jackson's checked exceptions into clear ones. */
public final class Json {

    private Json() {
    }

    /** The SDK's shared mapper ({@link TexterJson#mapper()}). */
    public static ObjectMapper mapper() {
        return TexterJson.mapper();
    }

    /** Serializes a model, a tree or a collection of them; a {@code String} is returned as it is. */
    public static String write(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + value.getClass().getName() + " to JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parses a tree; {@code what} names the text in the error message. */
    public static JsonNode tree(String json, String what) {
        try {
            return mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON (" + e.getOriginalMessage() + "): " + json, e);
        }
    }

    /** Parses into a type; {@code what} names the text in the error message. */
    public static <T> T read(String json, Class<T> type, String what) {
        return read(json, mapper().constructType(type), what);
    }

    /** Parses into a (generic) type; {@code what} names the text in the error message. */
    public static <T> T read(String json, JavaType type, String what) {
        try {
            return mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " does not parse as " + type.toCanonical() + " ("
                    + e.getOriginalMessage() + "): " + json, e);
        }
    }

    /** A deep copy of a model, through its JSON. */
    public static <T> T copy(T value, Class<T> type) {
        return read(write(value), type, type.getSimpleName());
    }

    /** Converts between a model and a tree (or two models) through JSON. */
    public static <T> T convert(Object value, Class<T> type) {
        return mapper().convertValue(value, type);
    }
}
