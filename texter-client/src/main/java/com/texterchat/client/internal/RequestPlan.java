package com.texterchat.client.internal;

import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.Target;
import feign.TypedResponse;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the calls of one API method, blocking or asynchronous, become requests, worked out once from what
 * {@link TexterContract} read: the path split into its literal text and the parameters between, the query
 * parameters with their names as Feign encodes them, the body's parameter and type, the return type. A call then
 * writes its URL in one pass instead of Feign copying and resolving the method's {@link RequestTemplate} (and
 * looking up its options) every time.
 *
 * <p>The literal parts are taken from Feign itself: the method's template resolved once with a marker value per
 * parameter, so names such as {@code labels[]} keep Feign's encoding ({@code labels%5B%5D}). Per call, a query value
 * follows Feign's expansion of the values the invocation handler has already percent-encoded: {@code null} leaves
 * the parameter out, an empty text sends the name alone, a collection sends {@code name=value} per non-empty element,
 * the name alone when it is empty and nothing when all its elements are empty.
 *
 * <p>Only methods of the shape the generated interfaces have get a plan ({@link #of} gives {@code null} otherwise,
 * and such a method keeps Feign's handler): every parameter fills one path or query variable or is the body, all
 * headers are fixed (kept by the contract), no header or query map, no form, no custom expander, and a return type
 * (or, for a {@code CompletableFuture}, a value type) that is not Feign's {@code Response}.
 */
final class RequestPlan {

    private static final Pattern MARKER = Pattern.compile("texterPlanVar(\\d+)x");

    private final Request.HttpMethod httpMethod;
    private final String[] pathLiterals;
    private final int[] pathIndexes;
    private final String[] queryNames;
    private final int[] queryIndexes;
    private final int bodyIndex;
    private final @Nullable Type bodyType;
    private final Type returnType;
    private final boolean returnsVoid;
    private final String configKey;
    private final RequestTemplate template;

    private RequestPlan(Request.HttpMethod httpMethod, List<String> pathLiterals, List<Integer> pathIndexes,
            List<String> queryNames, List<Integer> queryIndexes, MethodMetadata metadata, Type returnType,
            Target<?> target) {
        this.httpMethod = httpMethod;
        this.pathLiterals = pathLiterals.toArray(String[]::new);
        this.pathIndexes = pathIndexes.stream().mapToInt(Integer::intValue).toArray();
        this.queryNames = queryNames.toArray(String[]::new);
        this.queryIndexes = queryIndexes.stream().mapToInt(Integer::intValue).toArray();
        this.bodyIndex = metadata.bodyIndex() == null ? -1 : metadata.bodyIndex();
        this.bodyType = metadata.bodyType();
        this.returnType = returnType;
        this.returnsVoid = returnType == void.class || returnType == Void.class;
        this.configKey = metadata.configKey();
        // Only read afterwards: the request names its operation and target by it (Operation, Endpoint).
        RequestTemplate named = new RequestTemplate();
        named.method(httpMethod);
        named.methodMetadata(metadata);
        named.feignTarget(target);
        this.template = named;
    }

    /**
     * The plan of a method, when it has the shape of a generated one.
     *
     * @param metadata       what the contract read from the method
     * @param target         the target its requests go to
     * @param keepsHeaders   whether the contract took all the method's headers out of its template
     * @param pathIndexes    the parameters the invocation handler encodes as path segments
     * @param queryIndexes   the parameters the invocation handler encodes as query values
     * @return the plan, {@code null} when the method is to stay with Feign's handler
     */
    static @Nullable RequestPlan of(MethodMetadata metadata, Target<?> target, boolean keepsHeaders,
            Collection<Integer> pathIndexes, Collection<Integer> queryIndexes) {
        Method method = metadata.method();
        RequestTemplate declared = metadata.template();
        if (method == null || metadata.isIgnored() || !keepsHeaders || !declared.headers().isEmpty()
                || declared.method() == null || declared.bodyTemplate() != null || metadata.alwaysEncodeBody()
                || metadata.headerMapIndex() != null || metadata.queryMapIndex() != null
                || metadata.urlIndex() != null || !metadata.formParams().isEmpty()
                || !metadata.indexToExpanderClass().isEmpty()
                || metadata.indexToExpander() != null && !metadata.indexToExpander().isEmpty()
                || metadata.indexToEncoded().containsValue(Boolean.TRUE)
                || method.getReturnType() == Response.class
                || TypedResponse.class.isAssignableFrom(method.getReturnType())) {
            return null;
        }
        Type returnType = metadata.returnType();
        if (method.getReturnType() == CompletableFuture.class) {
            // an asynchronous API: the future's value is what the answer is read into
            if (!(method.getGenericReturnType() instanceof ParameterizedType future)) {
                return null;
            }
            returnType = future.getActualTypeArguments()[0];
            Type raw = returnType instanceof ParameterizedType typed ? typed.getRawType() : returnType;
            if (raw == Response.class || raw instanceof Class<?> type && TypedResponse.class.isAssignableFrom(type)) {
                return null;
            }
        }
        for (Class<?> parameter : method.getParameterTypes()) {
            if (parameter == Request.Options.class || parameter.isArray()) {
                return null;
            }
        }
        // One marker per parameter; Feign resolves them as it resolves a call's values.
        Map<String, Object> markers = new HashMap<>();
        for (Map.Entry<Integer, Collection<String>> entry : metadata.indexToName().entrySet()) {
            if (entry.getValue().size() != 1) {
                return null;
            }
            String name = entry.getValue().iterator().next();
            if (markers.put(name, "texterPlanVar" + entry.getKey() + "x") != null) {
                return null; // two parameters with one name
            }
        }
        String resolved = RequestTemplate.from(declared).resolve(markers).url();
        int question = resolved.indexOf('?');
        String path = question < 0 ? resolved : resolved.substring(0, question);
        List<String> literals = new ArrayList<>();
        List<Integer> pathParameters = new ArrayList<>();
        Matcher marker = MARKER.matcher(path);
        int from = 0;
        while (marker.find()) {
            literals.add(path.substring(from, marker.start()));
            pathParameters.add(Integer.parseInt(marker.group(1)));
            from = marker.end();
        }
        literals.add(path.substring(from));
        List<String> queryNames = new ArrayList<>();
        List<Integer> queryParameters = new ArrayList<>();
        if (question >= 0 && question < resolved.length() - 1) {
            for (String piece : resolved.substring(question + 1).split("&", -1)) {
                Matcher value = MARKER.matcher(piece);
                if (!value.find()) {
                    queryNames.add(piece); // a literal query: always sent
                    queryParameters.add(-1);
                    continue;
                }
                int equals = piece.indexOf('=');
                if (equals < 0 || value.start() != equals + 1 || value.end() != piece.length()
                        || MARKER.matcher(piece.substring(0, equals)).find()) {
                    return null;
                }
                queryNames.add(piece.substring(0, equals));
                queryParameters.add(Integer.parseInt(value.group(1)));
            }
        }
        // Every named parameter fills exactly one variable, and is encoded by the handler as what it fills.
        Set<Integer> seen = new HashSet<>();
        for (int index : pathParameters) {
            if (!seen.add(index)) {
                return null;
            }
        }
        for (int index : queryParameters) {
            if (index >= 0 && !seen.add(index)) {
                return null;
            }
        }
        if (!seen.equals(metadata.indexToName().keySet())
                || !new HashSet<>(pathParameters).equals(new HashSet<>(pathIndexes))
                || !queryParameters.stream().filter(i -> i >= 0).collect(java.util.stream.Collectors.toSet())
                        .equals(new HashSet<>(queryIndexes))) {
            return null;
        }
        return new RequestPlan(Request.HttpMethod.valueOf(declared.method()), literals, pathParameters, queryNames,
                queryParameters, metadata, returnType, target);
    }

    /**
     * The path and query of one call, relative to the base URL.
     *
     * @param args the call's arguments, path and query values already percent-encoded by the invocation handler
     *             (a query value is a {@code String} or a collection of them)
     * @return e.g. {@code /chats/search?search=Customer&limit=30}
     */
    String pathAndQuery(@Nullable Object[] args) {
        StringBuilder url = new StringBuilder(64);
        url.append(pathLiterals[0]);
        for (int i = 0; i < pathIndexes.length; i++) {
            url.append(args[pathIndexes[i]]).append(pathLiterals[i + 1]);
        }
        char separator = '?';
        for (int i = 0; i < queryNames.length; i++) {
            int index = queryIndexes[i];
            if (index < 0) {
                url.append(separator).append(queryNames[i]);
                separator = '&';
                continue;
            }
            Object value = args[index];
            if (value == null) {
                continue;
            }
            if (value instanceof Iterable<?>) {
                boolean empty = true;
                for (Object element : (Iterable<?>) value) {
                    empty = false;
                    String text = element == null ? "" : element.toString();
                    if (!text.isEmpty()) {
                        url.append(separator).append(queryNames[i]).append('=').append(text);
                        separator = '&';
                    }
                }
                if (empty) {
                    url.append(separator).append(queryNames[i]);
                    separator = '&';
                }
                continue;
            }
            String text = value.toString();
            url.append(separator).append(queryNames[i]);
            if (!text.isEmpty()) {
                url.append('=').append(text);
            }
            separator = '&';
        }
        return url.toString();
    }

    /** The HTTP method. */
    Request.HttpMethod httpMethod() {
        return httpMethod;
    }

    /** The index of the body parameter, -1 for none. */
    int bodyIndex() {
        return bodyIndex;
    }

    /** The declared type of the body ({@code null} without a body). */
    @Nullable Type bodyType() {
        return bodyType;
    }

    /** The type the decoder reads the answer into. */
    Type returnType() {
        return returnType;
    }

    /** Whether the method returns nothing (an answer is then not decoded). */
    boolean returnsVoid() {
        return returnsVoid;
    }

    /** Feign's name of the method, which the error decoder is given. */
    String configKey() {
        return configKey;
    }

    /** The template every request of the method carries, naming its method and target. */
    RequestTemplate template() {
        return template;
    }
}
