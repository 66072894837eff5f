package com.texterchat.client.internal;

import feign.Contract;
import feign.DefaultContract;
import feign.MethodMetadata;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Feign's default contract with four changes to what it reads from the generated interfaces:
 * <ul>
 *   <li>path parameter values are always fully percent-encoded (Feign otherwise leaves {@code /} unencoded, so an
 *       ID such as {@code ../labels} could change the request path);</li>
 *   <li>headers with fixed values ({@code Accept}, {@code Content-Type} from {@code @Headers}) are taken out of the
 *       per-method request template and kept here, ready-made, for {@link TexterTarget} to attach to every
 *       request. Feign would otherwise parse, copy and expand each of them as a template on every call;</li>
 *   <li>query templates no method parameter can fill are dropped (Feign would expand them, to nothing, on every
 *       call; the generated {@code *QueryParams} overloads are marked {@code @FeignIgnore} and not parsed at all);</li>
 *   <li>a {@code null} body reaches the encoder instead of being refused by Feign: whether the operation may be
 *       called without one is the spec's to say, and {@link TexterInvocationHandlerFactory} asks it.</li>
 * </ul>
 * One instance serves all APIs of one client.
 */
public final class TexterContract implements Contract {

    /** A template variable such as {@code {chatId}} in a request line, query or header; group 1 is its name. */
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final Contract delegate = new DefaultContract();
    private final Map<Method, Map<String, Collection<String>>> fixedHeaders = new ConcurrentHashMap<>();
    private final Map<Method, MethodMetadata> metadataByMethod = new ConcurrentHashMap<>();

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
        List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
        for (MethodMetadata metadata : methods) {
            metadata.template().decodeSlash(false);
            if (metadata.bodyIndex() != null) {
                // Feign would refuse a null body itself, with its own exception and before the SDK could tell an
                // optional body from a required one; TexterInvocationHandlerFactory decides that from the spec.
                metadata.setBodyRequired(false);
            }
            dropUnfillableQueries(metadata);
            Map<String, Collection<String>> headers = metadata.template().headers();
            boolean allFixed = headers.values().stream().flatMap(Collection::stream)
                    .noneMatch(value -> value.indexOf('{') >= 0);
            if (allFixed && metadata.method() != null) {
                Map<String, Collection<String>> fixed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.forEach((name, values) -> {
                    metadata.template().removeHeader(name);
                    fixed.put(name, List.copyOf(values));
                });
                fixedHeaders.put(metadata.method(), Collections.unmodifiableMap(fixed));
            }
            if (metadata.method() != null) {
                metadataByMethod.put(metadata.method(), metadata);
            }
        }
        return methods;
    }

    private static void dropUnfillableQueries(MethodMetadata metadata) {
        Set<String> parameters = new HashSet<>();
        metadata.indexToName().values().forEach(parameters::addAll);
        metadata.template().queries().forEach((name, values) -> {
            boolean fillable = values.stream().anyMatch(value -> {
                Matcher variables = VARIABLE.matcher(value);
                while (variables.find()) {
                    if (parameters.contains(variables.group(1))) {
                        return true;
                    }
                }
                return !variables.reset().find(); // a literal value stays
            });
            if (!fillable) {
                metadata.template().query(name, List.of());
            }
        });
    }

    /**
     * The fixed headers taken out of a method's template.
     *
     * @param method a method of an interface this contract has parsed
     * @return its headers (case-insensitive keys), empty when it has none or kept them in its template
     */
    Map<String, Collection<String>> fixedHeaders(Method method) {
        Map<String, Collection<String>> headers = fixedHeaders.get(method);
        return headers == null ? Map.of() : headers;
    }

    /**
     * Whether a method's fixed headers were all taken out of its template (so {@link TexterTarget} attaches all of
     * them, and the template holds none).
     *
     * @param method a method of an interface this contract has parsed
     * @return {@code true} when its headers are kept here
     */
    boolean keepsAllHeaders(Method method) {
        return fixedHeaders.containsKey(method);
    }

    /**
     * What this contract read from a method, as Feign holds it.
     *
     * @param method a method of an interface
     * @return its metadata, {@code null} when this contract has not parsed its interface
     */
    @Nullable MethodMetadata metadata(Method method) {
        return metadataByMethod.get(method);
    }
}
