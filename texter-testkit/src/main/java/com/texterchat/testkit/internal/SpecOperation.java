package com.texterchat.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the spec: how to recognise its requests (method and a path regex) and what it answers
 * (2xx status, content type, and its response examples serialized once).
 *
 * <p>Path templates become regexes in which every parameter matches one segment ({@code [^/]+}). Where a
 * more specific route of the same method exists ({@code POST /whatsapp/templates/send} next to
 * {@code POST /whatsapp/templates/{accountId}}), the general regex excludes it with a negative lookahead,
 * so each request is attributed to exactly one operation whatever the stub priorities.
 */
public final class SpecOperation {

    /** The name under which a single {@code example} (or the example named {@code default}) is kept. */
    public static final String DEFAULT_EXAMPLE = "default";

    private static final String SEGMENT = "[^/]+";

    private final String id;
    private final String method;
    private final String pathTemplate;
    private final List<String> pathParameters;
    private final String urlPathRegex;
    private final Pattern capturing;
    private final int status;
    private final @Nullable String contentType;
    private final Map<String, String> examples;
    private final String defaultExampleName;
    private final @Nullable String requestSchema;
    private final @Nullable String responseSchema;

    private SpecOperation(Builder b, String urlPathRegex, Pattern capturing) {
        this.id = b.id;
        this.method = b.method;
        this.pathTemplate = b.path;
        this.pathParameters = Collections.unmodifiableList(b.parameters);
        this.urlPathRegex = urlPathRegex;
        this.capturing = capturing;
        this.status = b.status;
        this.contentType = b.contentType;
        this.examples = Collections.unmodifiableMap(b.examples);
        this.defaultExampleName = b.examples.containsKey(DEFAULT_EXAMPLE) || b.examples.isEmpty()
                ? DEFAULT_EXAMPLE : b.examples.keySet().iterator().next();
        this.requestSchema = b.requestSchema;
        this.responseSchema = b.responseSchema;
    }

    /** The operationId, which is also the generated client's method name. */
    public String id() {
        return id;
    }

    /** Upper-case HTTP method. */
    public String method() {
        return method;
    }

    /** The path as the spec writes it, relative to the base path, e.g. {@code /chats/{chatId}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** Names of the path parameters, in path order. */
    public List<String> pathParameters() {
        return pathParameters;
    }

    /** Regex for the full URL path (base path included), for WireMock's {@code urlPathMatching}. */
    public String urlPathRegex() {
        return urlPathRegex;
    }

    /** The 2xx status the operation answers with. */
    public int status() {
        return status;
    }

    /** Content type of the success response, or null when it has no body. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** Whether the success body is plain text (the {@code OK} answers). */
    public boolean isText() {
        return contentType != null && contentType.startsWith("text/");
    }

    /** Names of the response examples, the default one first. */
    public List<String> exampleNames() {
        List<String> names = new ArrayList<>(examples.keySet());
        if (names.remove(defaultExampleName)) {
            names.add(0, defaultExampleName);
        }
        return names;
    }

    /** The name of the example answered by default ({@code default}, or else the first one). */
    public String defaultExampleName() {
        return defaultExampleName;
    }

    /** The body of the default example, or an empty string when the response has no content. */
    public String defaultBody() {
        return examples.getOrDefault(defaultExampleName, "");
    }

    /** The body of a named example; unknown names fail with the known ones. */
    public String example(String name) {
        String body = examples.get(name);
        if (body == null) {
            throw new IllegalArgumentException(id + " has no response example named '" + name + "'; it has: "
                    + String.join(", ", exampleNames()));
        }
        return body;
    }

    /** Schema name of the JSON request body ({@code SessionMessage}, or {@code QuickReplyOperation[]}), or null. */
    public @Nullable String requestSchema() {
        return requestSchema;
    }

    /** Schema name of the success body, or null. */
    public @Nullable String responseSchema() {
        return responseSchema;
    }

    /** Whether a request with this method and raw (percent-encoded) path belongs to this operation. */
    public boolean matches(String requestMethod, String rawPath) {
        return method.equalsIgnoreCase(requestMethod) && capturing.matcher(rawPath).matches();
    }

    /** The decoded path parameters of a request path this operation {@linkplain #matches matches}. */
    public Map<String, String> pathParameterValues(String rawPath) {
        Matcher m = capturing.matcher(rawPath);
        if (!m.matches()) {
            throw new IllegalArgumentException(rawPath + " is not a path of " + id + " (" + pathTemplate + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pathParameters.size(); i++) {
            values.put(pathParameters.get(i), percentDecode(m.group(i + 1)));
        }
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return id + " (" + method + " " + pathTemplate + ")";
    }

    /** Decodes {@code %XX} escapes as UTF-8; unlike URLDecoder it leaves {@code +} alone, as paths do. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Collects one operation; {@link #build} needs all of them to work out which routes shadow which. */
    static final class Builder {
        final String id;
        final String method;
        final String path;
        final String basePath;
        final List<String> segments = new ArrayList<>();
        final List<Boolean> parameterSegment = new ArrayList<>();
        final List<String> parameters = new ArrayList<>();
        final int status;
        final @Nullable String contentType;
        final Map<String, String> examples;
        final @Nullable String requestSchema;
        final @Nullable String responseSchema;

        Builder(String id, String method, String basePath, String path, int status, @Nullable String contentType,
                Map<String, String> examples, @Nullable String requestSchema, @Nullable String responseSchema) {
            this.id = id;
            this.method = method;
            this.basePath = basePath;
            this.path = path;
            this.status = status;
            this.contentType = contentType;
            this.examples = examples;
            this.requestSchema = requestSchema;
            this.responseSchema = responseSchema;
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty()) {
                    continue;
                }
                boolean parameter = segment.startsWith("{") && segment.endsWith("}");
                segments.add(parameter ? segment.substring(1, segment.length() - 1) : segment);
                parameterSegment.add(parameter);
                if (parameter) {
                    parameters.add(segment.substring(1, segment.length() - 1));
                }
            }
        }

        SpecOperation build(List<Builder> all) {
            StringBuilder exclusions = new StringBuilder();
            for (Builder other : all) {
                if (other != this && other.shadows(this)) {
                    exclusions.append("(?!").append(other.regex(false)).append("$)");
                }
            }
            return new SpecOperation(this, exclusions + regex(false), Pattern.compile(exclusions + regex(true)));
        }

        private String regex(boolean capture) {
            StringBuilder sb = new StringBuilder(escape(basePath));
            for (int i = 0; i < segments.size(); i++) {
                sb.append('/');
                if (parameterSegment.get(i)) {
                    sb.append(capture ? "(" + SEGMENT + ")" : SEGMENT);
                } else {
                    sb.append(escape(segments.get(i)));
                }
            }
            return sb.toString();
        }

        /** True when every path this route matches is also matched by {@code general}, which is broader. */
        private boolean shadows(Builder general) {
            if (!method.equals(general.method) || segments.size() != general.segments.size()) {
                return false;
            }
            boolean narrower = false;
            for (int i = 0; i < segments.size(); i++) {
                if (general.parameterSegment.get(i)) {
                    narrower |= !parameterSegment.get(i);
                } else if (parameterSegment.get(i) || !segments.get(i).equals(general.segments.get(i))) {
                    return false;
                }
            }
            return narrower;
        }
    }
}
