package com.texterchat.client.internal;

import feign.MethodMetadata;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The operation a request belongs to in the terms of the spec, without anything of one call: operationId, HTTP
 * method and path template ({@code /chats/{chatId}}). What listeners and metrics see, so it never holds an ID. Made
 * once per API method and cached.
 *
 * @param operation    the operationId, or {@code "METHOD"} for a request of no known method
 * @param method       the HTTP method
 * @param pathTemplate the path of the method's request line, relative to the base URL, without the query
 */
public record Endpoint(String operation, String method, String pathTemplate) {

    private static final Map<Method, Endpoint> BY_METHOD = new ConcurrentHashMap<>();

    /**
     * The endpoint of a Feign request.
     *
     * @param request a request made by a generated API
     * @return its endpoint
     */
    public static Endpoint of(Request request) {
        RequestTemplate template = request.requestTemplate();
        @Nullable MethodMetadata metadata = template == null ? null : template.methodMetadata();
        @Nullable Method javaMethod = metadata == null ? null : metadata.method();
        if (javaMethod == null) {
            String method = request.httpMethod().name();
            return new Endpoint(method, method, "(unknown)");
        }
        return BY_METHOD.computeIfAbsent(javaMethod, Endpoint::of);
    }

    private static Endpoint of(Method method) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        String text = line == null ? "GET (unknown)" : line.value().strip();
        int space = text.indexOf(' ');
        String httpMethod = space < 0 ? text : text.substring(0, space);
        String target = space < 0 ? "" : text.substring(space + 1).strip();
        int query = target.indexOf('?');
        return new Endpoint(Operation.operationId(method), httpMethod, query < 0 ? target : target.substring(0, query));
    }
}
