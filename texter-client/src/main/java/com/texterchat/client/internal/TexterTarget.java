package com.texterchat.client.internal;

import com.texterchat.client.CallOptions;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A generated API bound to the Texter base URL. Turns a resolved request template into a request carrying, besides
 * what the template holds, the method's fixed headers (see {@link TexterContract}) and the client's own headers
 * ({@code Authorization}, {@code User-Agent}). The merged header map is built once per method and shared by its
 * requests, instead of being rebuilt from templates on every call. A request without a body (an optional body left
 * out) carries no {@code Content-Type}: there is no content to describe.
 *
 * @param <T> the API interface
 */
public final class TexterTarget<T> implements Target<T> {

    private static final String CONTENT_TYPE = "Content-Type";

    private final Class<T> type;
    private final String url;
    private final TexterContract contract;
    private final Map<String, String> clientHeaders;
    private final Map<Method, Map<String, Collection<String>>> headersByMethod = new ConcurrentHashMap<>();
    private final Map<Method, Map<String, Collection<String>>> bodilessHeadersByMethod = new ConcurrentHashMap<>();

    /**
     * A target for one API.
     *
     * @param type          the API interface
     * @param url           the base URL, e.g. {@code https://acme.texterchat.com/server/api/v2}
     * @param contract      the contract the client parses its APIs with
     * @param clientHeaders headers every request of the client carries (a value here replaces a fixed header of
     *                      the same name)
     */
    public TexterTarget(Class<T> type, String url, TexterContract contract, Map<String, String> clientHeaders) {
        this.type = Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url; // as RequestTemplate.target does
        this.contract = Objects.requireNonNull(contract, "contract");
        this.clientHeaders = Map.copyOf(clientHeaders);
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String name() {
        return url;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Request apply(RequestTemplate template) {
        String requestUrl = template.url();
        if (requestUrl.indexOf("http") != 0) {
            // The base URL in front of the resolved path and query: what RequestTemplate.target would give, without
            // parsing the base URL again on every call.
            requestUrl = url + requestUrl;
        }
        @Nullable Method method = template.methodMetadata() == null ? null : template.methodMetadata().method();
        // What is left in the template was made for this call: headers with templated values.
        Map<String, Collection<String>> headers = headers(method, template.body() != null, template.headers());
        return Request.create(template.method() == null ? Request.HttpMethod.GET
                        : Request.HttpMethod.valueOf(template.method()), requestUrl, headers,
                template.body(), template.requestCharset(), template);
    }

    /**
     * The request of one call of a method whose headers are all fixed ({@link TexterContract#keepsAllHeaders}),
     * built without a per-call template: what {@link #apply} gives for the same resolved path, query and body.
     *
     * @param method       the API method called
     * @param httpMethod   its HTTP method
     * @param pathAndQuery the resolved path and query, relative to the base URL
     * @param body         the encoded body (UTF-8 JSON), {@code null} for none
     * @param template     the template the request names its method and target by (not resolved, not changed)
     * @return the request
     */
    Request request(Method method, Request.HttpMethod httpMethod, String pathAndQuery, byte @Nullable [] body,
            RequestTemplate template) {
        // UTF-8 with or without a body, as a Feign template's charset is
        return Request.create(httpMethod, url + pathAndQuery, headers(method, body != null, Map.of()), body,
                StandardCharsets.UTF_8, template);
    }

    private Map<String, Collection<String>> headers(@Nullable Method method, boolean hasBody,
            Map<String, Collection<String>> perCall) {
        Map<String, Collection<String>> headers = method == null ? headersFor(null)
                : headersByMethod.computeIfAbsent(method, this::headersFor);
        if (!hasBody && method != null && headers.containsKey(CONTENT_TYPE)) {
            headers = bodilessHeadersByMethod.computeIfAbsent(method, m -> withoutContentType(headersFor(m)));
        }
        @Nullable CallOptions options = CallContext.options();
        Map<String, String> optionHeaders = options == null ? Map.of() : options.headers();
        if (!perCall.isEmpty() || !optionHeaders.isEmpty()) {
            Map<String, Collection<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            merged.putAll(headers);
            merged.putAll(perCall);
            // the headers of a client view (withOptions), checked when they were set: none replaces the SDK's own
            optionHeaders.forEach((name, value) -> merged.put(name, List.of(value)));
            headers = Collections.unmodifiableMap(merged);
        }
        return headers;
    }

    private static Map<String, Collection<String>> withoutContentType(Map<String, Collection<String>> headers) {
        Map<String, Collection<String>> without = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        without.putAll(headers);
        without.remove(CONTENT_TYPE);
        return Collections.unmodifiableMap(without);
    }

    private Map<String, Collection<String>> headersFor(@Nullable Method method) {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (method != null) {
            headers.putAll(contract.fixedHeaders(method));
        }
        clientHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public String toString() {
        return "TexterTarget(type=" + type.getSimpleName() + ", url=" + url + ")";
    }
}
