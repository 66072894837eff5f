package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.testkit.internal.Json;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The functions of filtrex expressions, and the property lookup ({@code p}). Public for JEXL's
 * introspection only; not API.
 */
public final class FiltrexFunctions {

    private final JsonNode value;

    FiltrexFunctions(JsonNode value) {
        this.value = value;
    }

    /**
     * The value at a path of the condition's value, as a plain Java value; {@code null} when missing.
     *
     * @param path the path's names
     * @return the value
     */
    public @Nullable Object p(String... path) {
        JsonNode node = value;
        for (String name : path) {
            node = Values.child(node, name);
        }
        return plain(node);
    }

    /**
     * Texter's {@code exists(x)}: whether {@code x} is there and not {@code null}.
     *
     * @param x the value
     * @return whether it exists
     */
    public boolean exists(@Nullable Object x) {
        return x != null;
    }

    /**
     * Texter's {@code empty(x)}: missing, {@code null}, an empty string, list or object.
     *
     * @param x the value
     * @return whether it is empty
     */
    public boolean isEmpty(@Nullable Object x) {
        return x == null || x instanceof String s && s.isEmpty() || x instanceof Collection<?> c && c.isEmpty()
                || x instanceof Map<?, ?> m && m.isEmpty() || x instanceof Object[] a && a.length == 0;
    }

    /**
     * Texter's {@code inArray(list, v)}: whether the list holds {@code v} (compared as {@code ==} does).
     *
     * @param list the list
     * @param v the value
     * @return whether it is in the list
     */
    public boolean inArray(@Nullable Object list, @Nullable Object v) {
        return Filtrex.JsArithmetic.holds(list, v);
    }

    /**
     * Filtrex's {@code abs}.
     *
     * @param x a number
     * @return its absolute value
     */
    public double abs(Number x) {
        return Math.abs(x.doubleValue());
    }

    /**
     * Filtrex's {@code ceil}.
     *
     * @param x a number
     * @return the smallest whole number not below it
     */
    public double ceil(Number x) {
        return Math.ceil(x.doubleValue());
    }

    /**
     * Filtrex's {@code floor}.
     *
     * @param x a number
     * @return the largest whole number not above it
     */
    public double floor(Number x) {
        return Math.floor(x.doubleValue());
    }

    /**
     * Filtrex's {@code log} (natural).
     *
     * @param x a number
     * @return its natural logarithm
     */
    public double log(Number x) {
        return Math.log(x.doubleValue());
    }

    /**
     * Filtrex's {@code max}.
     *
     * @param xs numbers
     * @return the largest
     */
    public double max(Number... xs) {
        double max = Double.NEGATIVE_INFINITY;
        for (Number x : xs) {
            max = Math.max(max, x.doubleValue());
        }
        return max;
    }

    /**
     * Filtrex's {@code min}.
     *
     * @param xs numbers
     * @return the smallest
     */
    public double min(Number... xs) {
        double min = Double.POSITIVE_INFINITY;
        for (Number x : xs) {
            min = Math.min(min, x.doubleValue());
        }
        return min;
    }

    /**
     * Filtrex's {@code round}.
     *
     * @param x a number
     * @return the nearest whole number
     */
    public double round(Number x) {
        return Math.round(x.doubleValue());
    }

    /**
     * Filtrex's {@code sqrt}.
     *
     * @param x a number
     * @return its square root
     */
    public double sqrt(Number x) {
        return Math.sqrt(x.doubleValue());
    }

    static @Nullable Object plain(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return Json.mapper().convertValue(node, Object.class);
    }
}
