package com.texterchat.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code openapi.json} says about each operation that the generated code does not carry at run time: the
 * token scopes it requires ({@code x-texter-scopes}) and whether its request body is required
 * ({@code requestBody.required}). Read from the spec on the classpath the first time it is needed (only when a 403
 * has to be explained or a {@code null} body was passed), so the SDK keeps no copy of the operations' facts of
 * its own.
 */
public final class OperationCatalog {

    /**
     * Where the spec is looked for on the classpath, in this order.
     */
    static final List<String> SPEC_RESOURCES = List.of("openapi.json", "META-INF/texter/openapi.json",
            "com/texterchat/openapi.json");

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");
    private static final OperationCatalog EMPTY = new OperationCatalog(Map.of(), Map.of());
    private static volatile @Nullable OperationCatalog fromClasspath;

    private final Map<String, List<String>> scopesByOperation;
    private final Map<String, Boolean> bodyRequiredByOperation;

    private OperationCatalog(Map<String, List<String>> scopesByOperation, Map<String, Boolean> bodyRequiredByOperation) {
        this.scopesByOperation = scopesByOperation;
        this.bodyRequiredByOperation = bodyRequiredByOperation;
    }

    /**
     * Reads the operations of an OpenAPI document.
     *
     * @param spec the document (JSON); not closed
     * @return the catalog
     * @throws IOException when the document cannot be read or is not JSON
     */
    public static OperationCatalog read(InputStream spec) throws IOException {
        JsonNode root = TexterJson.mapper().readTree(spec);
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        Map<String, Boolean> bodyRequired = new LinkedHashMap<>();
        root.path("paths").forEach(path -> path.properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asText("");
            if (HTTP_METHODS.contains(entry.getKey()) && !id.isEmpty()) {
                List<String> list = new ArrayList<>();
                operation.path("x-texter-scopes").forEach(scope -> list.add(scope.asText()));
                scopes.put(id, Collections.unmodifiableList(list));
                if (operation.has("requestBody")) {
                    // OpenAPI: a request body is optional unless it says "required": true.
                    bodyRequired.put(id, operation.path("requestBody").path("required").asBoolean(false));
                }
            }
        }));
        return new OperationCatalog(Collections.unmodifiableMap(scopes), Collections.unmodifiableMap(bodyRequired));
    }

    /**
     * The catalog of the spec on the classpath (the context class loader's first, then the SDK's). A successful
     * read is cached; when no spec is found, an empty catalog is returned and the lookup is tried again next time.
     *
     * @return the catalog, empty when no spec is on the classpath
     */
    public static OperationCatalog fromClasspath() {
        OperationCatalog cached = fromClasspath;
        if (cached != null) {
            return cached;
        }
        List<ClassLoader> loaders = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        loaders.add(OperationCatalog.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            for (String name : SPEC_RESOURCES) {
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in != null) {
                        OperationCatalog catalog = read(in);
                        fromClasspath = catalog;
                        return catalog;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + name + " from the classpath", e);
                }
            }
        }
        return EMPTY;
    }

    /**
     * The scopes an operation requires.
     *
     * @param operationId the operationId
     * @return the scopes (an empty list means any valid token will do), or empty when the operation is unknown
     */
    public Optional<List<String>> scopes(String operationId) {
        return Optional.ofNullable(scopesByOperation.get(operationId));
    }

    /**
     * Whether an operation must be sent with a request body.
     *
     * @param operationId the operationId
     * @return {@code true} when the spec requires its body, {@code false} when the body is optional, empty when the
     *         operation is unknown or takes no body
     */
    public Optional<Boolean> requiresBody(String operationId) {
        return Optional.ofNullable(bodyRequiredByOperation.get(operationId));
    }

    /**
     * The operationIds of the catalog.
     *
     * @return the ids, in spec order
     */
    public Set<String> operationIds() {
        return scopesByOperation.keySet();
    }
}
