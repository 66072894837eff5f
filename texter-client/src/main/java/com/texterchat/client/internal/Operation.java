package com.texterchat.client.internal;

import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.lang.reflect.Method;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Which Texter operation a request belongs to: its operationId (the name of the generated interface method,
 * which the generator takes from {@code operationId}) plus the HTTP method and the path relative to the base URL.
 *
 * @param id     the operationId, or {@code "METHOD path"} when the request does not come from a known method
 * @param method the HTTP method
 * @param path   the request path relative to the base URL, without the query string
 */
record Operation(String id, String method, String path) {

    /**
     * The operation of a Feign request.
     *
     * @param request the request about to be sent or just answered
     * @return its operation
     */
    public static Operation of(Request request) {
        String method = request.httpMethod().name();
        String path = relativePath(request);
        RequestTemplate template = request.requestTemplate();
        @Nullable MethodMetadata metadata = template == null ? null : template.methodMetadata();
        @Nullable Method javaMethod = metadata == null ? null : metadata.method();
        String id = javaMethod == null ? method + " " + path : operationId(javaMethod);
        return new Operation(id, method, path);
    }

    /**
     * The operationId of a generated API method: its name (both overloads of an operation with query parameters
     * share it).
     *
     * @param method a method of a generated API interface
     * @return the operationId
     */
    public static String operationId(Method method) {
        return method.getName();
    }

    /**
     * How exceptions and logs name the operation, e.g. {@code sendMessage (POST /messages/send/67bf)}.
     *
     * @return the label
     */
    public String label() {
        String request = method + " " + path;
        return id.equals(request) ? request : id + " (" + request + ")";
    }

    private static String relativePath(Request request) {
        String url = request.url();
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        RequestTemplate template = request.requestTemplate();
        @Nullable Target<?> target = template == null ? null : template.feignTarget();
        if (target != null && withoutQuery.startsWith(target.url())) {
            return withoutQuery.substring(target.url().length());
        }
        try {
            String path = URI.create(withoutQuery).getRawPath();
            return path == null || path.isEmpty() ? withoutQuery : path;
        } catch (IllegalArgumentException notAUri) {
            return withoutQuery;
        }
    }
}
