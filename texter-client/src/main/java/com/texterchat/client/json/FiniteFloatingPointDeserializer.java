package com.texterchat.client.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code double}/{@code Double} and {@code float}/{@code Float} as Jackson does, but refuses a value that
 * does not fit: a number too large for the type ({@code 1e999999}) would otherwise silently become infinity, and
 * {@code NaN} or {@code Infinity} are no Texter values either.
 */
final class FiniteFloatingPointDeserializer<T extends Number> extends JsonDeserializer<T> {

    private final JsonDeserializer<T> standard;
    private final Class<T> type;

    private FiniteFloatingPointDeserializer(JsonDeserializer<T> standard, Class<T> type) {
        this.standard = standard;
        this.type = type;
    }

    static FiniteFloatingPointDeserializer<Double> doubles(boolean primitive) {
        return primitive ? new FiniteFloatingPointDeserializer<>(
                new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.0d), Double.TYPE)
                : new FiniteFloatingPointDeserializer<>(
                        new NumberDeserializers.DoubleDeserializer(Double.class, null), Double.class);
    }

    static FiniteFloatingPointDeserializer<Float> floats(boolean primitive) {
        return primitive ? new FiniteFloatingPointDeserializer<>(
                new NumberDeserializers.FloatDeserializer(Float.TYPE, 0.0f), Float.TYPE)
                : new FiniteFloatingPointDeserializer<>(
                        new NumberDeserializers.FloatDeserializer(Float.class, null), Float.class);
    }

    @Override
    public @Nullable T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getText();
        T value = standard.deserialize(p, ctxt);
        if (value != null && (Double.isInfinite(value.doubleValue()) || Double.isNaN(value.doubleValue()))) {
            throw InvalidFormatException.from(p, "Number " + shortened(text) + " does not fit a "
                    + type.getSimpleName() + " (it would read as " + value + ")", text, type);
        }
        return value;
    }

    @Override
    public @Nullable T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        return standard.getNullValue(ctxt);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
