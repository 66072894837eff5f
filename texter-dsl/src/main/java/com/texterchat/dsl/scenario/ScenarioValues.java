package com.texterchat.dsl.scenario;

import com.texterchat.dsl.internal.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two ways a scenario takes a value from its trigger event or from a loader (a <em>provider</em>, e.g.
 * {@code message}, {@code chat}, {@code messageStatusRequest}, or a loader's alias):
 *
 * <ul>
 *   <li>{@link #provide} — the value itself, as {@code {"##provide": {"provider": ..., "key": ...}}}, usable
 *       wherever a parameter takes a JSON value (objects, arrays, numbers keep their type);</li>
 *   <li>{@link #interpolate} — a placeholder {@code %provider:key|transform...%} inside a string.</li>
 * </ul>
 */
public final class ScenarioValues {

    /** The key of an injected value. */
    public static final String PROVIDE = "##provide";

    private static final Pattern PROVIDER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern KEY = Pattern.compile("^[^%|\\s]+$");

    private ScenarioValues() {
    }

    /**
     * {@code {"##provide": {"provider": provider, "key": key}}}: the value under {@code key} (dotted for nested
     * fields, e.g. {@code chat.accountId}) of {@code provider}.
     */
    public static Map<String, Object> provide(String provider, String key) {
        return provide(provider, key, Map.of());
    }

    /**
     * An injected value merged with literal keys, e.g. a {@code sendMessage} target
     * {@code {"name": "whatsapp", "##provide": {"provider": "chat", "key": "channelInfo"}}}.
     */
    public static Map<String, Object> provide(String provider, String key, Map<String, ?> literals) {
        check(provider, key);
        Check.that(!literals.containsKey(PROVIDE), "literals", "must not contain " + PROVIDE);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("provider", provider);
        source.put("key", key);
        Map<String, Object> value = new LinkedHashMap<>(literals);
        value.put(PROVIDE, Collections.unmodifiableMap(source));
        return Collections.unmodifiableMap(value);
    }

    /**
     * {@code %provider:key%}, or {@code %provider:key|t1|t2%} with transforms such as {@code toString} or
     * {@code parseInt}: a placeholder Texter replaces inside a string when the scenario runs.
     */
    public static String interpolate(String provider, String key, String... transforms) {
        check(provider, key);
        StringBuilder placeholder = new StringBuilder("%").append(provider).append(':').append(key);
        for (String transform : transforms) {
            Check.that(!transform.isBlank() && transform.indexOf('%') < 0 && transform.indexOf('|') < 0,
                    "transform", "must be a non-blank transform without '%' or '|', was '" + transform + "'");
            placeholder.append('|').append(transform);
        }
        return placeholder.append('%').toString();
    }

    /**
     * {@code text} as a filtrex string literal: wrapped in double quotes, with {@code \} and {@code "} escaped,
     * for expressions such as {@code text == "help"}.
     */
    public static String filtrexString(String text) {
        Check.that(text.indexOf('\n') < 0 && text.indexOf('\r') < 0, "text",
                "must not contain line breaks (a filtrex string is one line)");
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void check(String provider, String key) {
        Check.matches("provider", provider, PROVIDER, "a provider or loader alias such as message or chat");
        Check.matches("key", key, KEY, "a dotted key without '%', '|' or spaces, e.g. chat.accountId");
    }
}
