package com.texterchat.dsl.internal;

import com.texterchat.dsl.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks behind every rule of the DSL, each failing with an {@link InvalidRequestException} whose
 * message starts with the field's JSON path and states the limit.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), the way Texter's JavaScript
 * server counts them; a character outside the Basic Multilingual Plane (most emoji) counts as two. That
 * is never more lenient than counting code points, so nothing accepted here is refused for its length
 * by the server.
 */
public final class Check {

    private Check() {
    }

    /** {@code parent.name}, or {@code name} at the root. */
    public static String at(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** {@code parent[index]}. */
    public static String at(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A failure of {@code field}; {@code rule} completes the sentence, e.g. {@code "is required"}. */
    public static InvalidRequestException fail(String field, String rule) {
        return new InvalidRequestException(field, (field.isEmpty() ? "request" : field) + " " + rule);
    }

    /** Fails with {@code rule} unless {@code condition} holds. */
    public static void that(boolean condition, String field, String rule) {
        if (!condition) {
            throw fail(field, rule);
        }
    }

    /** The value, which must be present. */
    public static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw fail(field, "is required");
        }
        return value;
    }

    /** A required string of {@code min}-{@code max} characters. */
    public static String length(String field, @Nullable String value, int min, int max) {
        if (value == null) {
            throw fail(field, "is required (" + lengthRule(min, max) + ")");
        }
        int length = value.length();
        if (length < min || length > max) {
            throw fail(field, "must be " + lengthRule(min, max) + ", was " + length);
        }
        return value;
    }

    /** An optional string of at most {@code max} characters. */
    public static void maxLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw fail(field, "must be at most " + max + " characters, was " + value.length());
        }
    }

    /** A required string with at least one non-whitespace character. */
    public static String notBlank(String field, @Nullable String value) {
        String v = required(field, value);
        if (v.isBlank()) {
            throw fail(field, "must not be blank");
        }
        return v;
    }

    /** An optional string that, when present, is not blank. */
    public static void notBlankIfPresent(String field, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw fail(field, "must not be blank when given");
        }
    }

    /** A list of {@code min}-{@code max} items, none of them null; an absent list counts as empty. */
    public static <T> List<T> count(String field, @Nullable List<T> list, int min, int max) {
        int size = list == null ? 0 : list.size();
        if (size < min || size > max) {
            String rule = max == Integer.MAX_VALUE
                    ? "at least " + min + (min == 1 ? " item" : " items")
                    : min == max ? min + (min == 1 ? " item" : " items") : min + "-" + max + " items";
            throw fail(field, "must have " + rule + ", was " + size);
        }
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            required(at(field, i), list.get(i));
        }
        return list;
    }

    /** A finite number within [{@code min}, {@code max}]. */
    public static double between(String field, @Nullable Double value, double min, double max) {
        double v = required(field, value);
        if (Double.isNaN(v) || v < min || v > max) {
            throw fail(field, "must be between " + plain(min) + " and " + plain(max) + ", was " + v);
        }
        return v;
    }

    /** An integer of at least {@code min}. */
    public static void atLeast(String field, @Nullable Number value, long min) {
        if (value != null && value.longValue() < min) {
            throw fail(field, "must be at least " + min + ", was " + value);
        }
    }

    /** A required string matching {@code pattern}; {@code meaning} says in words what the pattern allows. */
    public static String matches(String field, @Nullable String value, Pattern pattern, String meaning) {
        if (value == null) {
            throw fail(field, "is required (" + meaning + ")");
        }
        if (!pattern.matcher(value).matches()) {
            throw fail(field, "must match " + pattern.pattern() + " (" + meaning + "), was '" + value + "'");
        }
        return value;
    }

    /** A required absolute {@code http} or {@code https} URL with a host. */
    public static String httpUrl(String field, @Nullable String value) {
        if (value == null) {
            throw fail(field, "is required (an absolute http(s) URL)");
        }
        if (!isHttpUrl(value)) {
            throw fail(field, "must be an absolute http(s) URL, was '" + value + "'");
        }
        return value;
    }

    /** Whether {@code value} is an absolute {@code http} or {@code https} URL with a host. */
    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Fails unless no two items of {@code values} are equal; {@code what} names the items. */
    public static void unique(String field, Collection<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw fail(field, "must not repeat " + what + " '" + value + "'");
            }
        }
    }

    private static String lengthRule(int min, int max) {
        return min == 0 ? "at most " + max + " characters" : min + "-" + max + " characters";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
