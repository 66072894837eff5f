package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.testkit.internal.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the values of a scenario document against the providers of an event, as Texter's engine injects data:
 *
 * <ul>
 *   <li>{@code {"##provide": {"provider": p, "key": k}}} becomes the typed value at the dotted key {@code k} of
 *       provider {@code p} (a number segment indexes a list); literal keys next to {@code ##provide} are resolved
 *       and laid over the provided object;
 *   <li>a string that is exactly one {@code %p:k%} (optionally with transformers, {@code %p:k|toString%}) becomes
 *       the typed value too: Texter's transformers return lists, numbers and booleans ({@code split},
 *       {@code parseInt}, {@code hasWords}), and filtrex conditions take {@code "value": "%chat:chat%"} as the chat
 *       object; but in what a {@code request} action sends ({@link #resolveForDelivery}) such a placeholder without
 *       transformers arrives as a string, as the reference says Texter delivers interpolated values;
 *   <li>{@code %p:k%} inside a longer string is replaced by the value's text: a string as it is, a number or a
 *       boolean as JSON writes it, an object or a list as JSON, a missing or null value as nothing;
 *   <li>a value that is missing (no such provider or key) is left out: an object drops the key, as JSON
 *       serialization of an undefined value does; a list keeps a {@code null} in its place. A provided
 *       {@code null} stays {@code null}.
 * </ul>
 *
 * {@code {{...}}} placeholders are the user's, and are left as they are.
 */
final class Values {

    /** The placeholder syntax: provider, key, then optional {@code |transformer(args)} parts. */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("%([A-Za-z_$][A-Za-z0-9_$]*):([^%|]+)((?:\\|[^%|]+)*)%");
    private static final String PROVIDE = "##provide";

    private Values() {
    }

    /**
     * Resolves {@code template} against {@code providers}.
     *
     * @return the resolved value; {@link MissingNode} when the whole value is missing
     */
    static JsonNode resolve(JsonNode template, Map<String, JsonNode> providers) {
        return resolve(template, providers, true);
    }

    /**
     * Resolves what a {@code request} action sends. As {@link #resolve}, except that a string which is exactly one
     * {@code %provider:key%} placeholder without transformers arrives as a string, as Texter's interpolation
     * delivers it (the official documents' {@code %messageStatusRequest:status%} reaches the receiver as
     * {@code "3"}): text as it is, numbers and booleans as JSON writes them, a list of plain values joined with
     * commas (as JavaScript turns a list into text), an object as JSON; {@code null} stays {@code null}. A
     * {@code ##provide} keeps its type. (Conditions use {@link #resolve}: {@code value: "%chat:chat%"} must stay the
     * chat for {@code exists(agent.uid)} to mean anything.)
     *
     * @return the resolved value; {@link MissingNode} when the whole value is missing
     */
    static JsonNode resolveForDelivery(JsonNode template, Map<String, JsonNode> providers) {
        return resolve(template, providers, false);
    }

    private static JsonNode resolve(JsonNode template, Map<String, JsonNode> providers, boolean typed) {
        if (template.isObject()) {
            JsonNode provide = template.get(PROVIDE);
            if (provide != null) {
                return provided(template, provide, providers, typed);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : template.properties()) {
                JsonNode value = resolve(field.getValue(), providers, typed);
                if (!value.isMissingNode()) {
                    out.set(field.getKey(), value);
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : template) {
                JsonNode value = resolve(item, providers, typed);
                out.add(value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
            }
            return out;
        }
        if (template.isTextual()) {
            return interpolate(template.textValue(), providers, typed);
        }
        return template;
    }

    private static JsonNode provided(JsonNode template, JsonNode provide, Map<String, JsonNode> providers,
            boolean typed) {
        JsonNode value = lookup(providers, provide.path("provider").asText(), provide.path("key").asText());
        if (template.size() == 1) {
            return value;
        }
        ObjectNode out = value.isObject() ? ((ObjectNode) value).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : template.properties()) {
            if (!field.getKey().equals(PROVIDE)) {
                JsonNode sibling = resolve(field.getValue(), providers, typed);
                if (!sibling.isMissingNode()) {
                    out.set(field.getKey(), sibling);
                }
            }
        }
        return out;
    }

    private static JsonNode interpolate(String text, Map<String, JsonNode> providers, boolean typed) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            return JsonNodeFactory.instance.textNode(text);
        }
        if (m.start() == 0 && m.end() == text.length()) {
            JsonNode value = transformed(m, providers);
            if (typed || !m.group(3).isEmpty() || value.isMissingNode() || value.isNull() || value.isTextual()) {
                return value;
            }
            return JsonNodeFactory.instance.textNode(deliveredText(value));
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(asText(transformed(m, providers))));
        }
        m.appendTail(out);
        return JsonNodeFactory.instance.textNode(out.toString());
    }

    private static JsonNode transformed(Matcher m, Map<String, JsonNode> providers) {
        JsonNode value = lookup(providers, m.group(1), m.group(2).trim());
        for (Transformer t : Transformer.parseAll(m.group(3))) {
            value = t.apply(value);
        }
        return value;
    }

    /** The value at a dotted key of a provider, or {@link MissingNode}. */
    static JsonNode lookup(Map<String, JsonNode> providers, String provider, String key) {
        JsonNode node = providers.get(provider);
        if (node == null) {
            return MissingNode.getInstance();
        }
        if (key.isEmpty()) {
            return node;
        }
        for (String segment : key.split("\\.", -1)) {
            node = child(node, segment);
            if (node.isMissingNode()) {
                return node;
            }
        }
        return node;
    }

    /** One step of a path: a field of an object, an index of a list; missing otherwise. */
    static JsonNode child(JsonNode node, String segment) {
        if (node.isObject()) {
            return node.path(segment);
        }
        if (node.isArray() && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
                && segment.length() < 10) {
            return node.path(Integer.parseInt(segment));
        }
        return MissingNode.getInstance();
    }

    /** The text a whole-string placeholder delivers: a list of plain values joined with commas, as JavaScript does. */
    private static String deliveredText(JsonNode value) {
        if (value.isArray()) {
            boolean plain = true;
            for (JsonNode item : value) {
                plain &= item.isValueNode();
            }
            if (plain) {
                List<String> parts = new ArrayList<>();
                value.forEach(item -> parts.add(asText(item)));
                return String.join(",", parts);
            }
        }
        return asText(value);
    }

    /** The text a value takes inside a longer string. */
    static String asText(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return Json.write(value);
    }

    /** Every placeholder's transformers in {@code text}, parsed: throws for one the simulator does not know. */
    static void checkPlaceholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            Transformer.parseAll(m.group(3));
        }
    }

    /** A transformer of a placeholder ({@code |name} or {@code |name(args)}); the common ones only. */
    private record Transformer(String name, List<JsonNode> args) {

        private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\((.*)\\))?\\s*");
        private static final List<String> KNOWN = List.of("toString", "parseInt", "toJson", "jsonParse", "length",
                "trim", "toUpperCase", "toLowerCase", "join", "split");

        static List<Transformer> parseAll(String pipes) {
            List<Transformer> out = new ArrayList<>();
            if (pipes.isEmpty()) {
                return out;
            }
            for (String part : pipes.substring(1).split("\\|", -1)) {
                Matcher m = CALL.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException("malformed transformer |" + part);
                }
                if (!KNOWN.contains(m.group(1))) {
                    throw new UnsupportedByEngine("transformer |" + m.group(1) + " is not one the simulator"
                            + " runs (it runs " + String.join(", ", KNOWN) + ")");
                }
                List<JsonNode> args = new ArrayList<>();
                if (m.group(2) != null && !m.group(2).isBlank()) {
                    JsonNode parsed = Json.tree("[" + m.group(2) + "]", "the arguments of |" + m.group(1));
                    parsed.forEach(args::add);
                }
                out.add(new Transformer(m.group(1), args));
            }
            return out;
        }

        JsonNode apply(JsonNode value) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (value.isMissingNode()) {
                return value;
            }
            String text = asText(value);
            return switch (name) {
                case "toString" -> f.textNode(text);
                case "parseInt" -> parseInt(text);
                case "toJson" -> f.textNode(Json.write(value));
                case "jsonParse" -> Json.tree(text, "the value given to |jsonParse");
                case "length" -> value.isArray() || value.isObject() ? f.numberNode(value.size())
                        : f.numberNode(text.codePointCount(0, text.length()));
                case "trim" -> f.textNode(text.strip());
                case "toUpperCase" -> f.textNode(text.toUpperCase(Locale.ROOT));
                case "toLowerCase" -> f.textNode(text.toLowerCase(Locale.ROOT));
                case "join" -> join(value, args.isEmpty() ? "," : args.get(0).asText());
                case "split" -> split(text, args.isEmpty() ? "," : args.get(0).asText());
                default -> throw new IllegalStateException("unknown transformer " + name);
            };
        }

        /** Like JavaScript's {@code parseInt}: the leading integer of the text; {@code null} when there is none. */
        private static JsonNode parseInt(String text) {
            Matcher m = Pattern.compile("^\\s*([-+]?\\d+)").matcher(text);
            if (!m.find()) {
                return JsonNodeFactory.instance.nullNode();
            }
            return number(new BigInteger(m.group(1)));
        }

        /** A whole number as JSON would parse it: an int, a long or a big integer node. */
        private static JsonNode number(BigInteger value) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (value.bitLength() < Integer.SIZE) {
                return f.numberNode(value.intValue());
            }
            return value.bitLength() < Long.SIZE ? f.numberNode(value.longValue()) : f.numberNode(value);
        }

        private static JsonNode join(JsonNode value, String separator) {
            if (!value.isArray()) {
                return JsonNodeFactory.instance.textNode(asText(value));
            }
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(asText(item)));
            return JsonNodeFactory.instance.textNode(String.join(separator, parts));
        }

        private static JsonNode split(String text, String separator) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (String part : text.split(Pattern.quote(separator), -1)) {
                out.add(part);
            }
            return out;
        }
    }
}
