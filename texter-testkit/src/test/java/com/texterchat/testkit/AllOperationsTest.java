package com.texterchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterException;
import com.texterchat.client.error.TexterHttpException;
import feign.FeignIgnore;
import feign.Param;
import feign.RequestLine;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec, called through the client the test kit hands out, with {@code null} for every
 * argument the spec makes optional (each query parameter, each {@code *QueryParams} object, each optional body),
 * in both overloads where there are two. Each must return normally, or fail with nothing but a
 * {@link TexterException}; the ones with an optional body must go out without a body and without
 * {@code Content-Type}, as the reference's "omit it" reads.
 *
 * <p>The operations and which of their parts are optional are read from the repository's {@code openapi.json}
 * ({@link RepoSpec}), not from the client or the test kit, and the methods from the generated interfaces by
 * reflection, so an operation added to the spec is covered without touching this test.
 */
@com.texterchat.testkit.junit.TexterTest
class AllOperationsTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** What the spec says about one operation. */
    private record SpecOp(String id, String method, Set<String> pathParameters, Map<String, Boolean> queryRequired,
            boolean hasBody, boolean bodyRequired) {
    }

    private static Map<String, SpecOp> specOperations() {
        Map<String, SpecOp> operations = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : RepoSpec.root().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                Set<String> pathParameters = new LinkedHashSet<>();
                Map<String, Boolean> query = new HashMap<>();
                for (JsonNode parameter : op.path("parameters")) {
                    if (parameter.path("in").asText().equals("path")) {
                        pathParameters.add(parameter.path("name").asText());
                    } else if (parameter.path("in").asText().equals("query")) {
                        query.put(parameter.path("name").asText(), parameter.path("required").asBoolean(false));
                    }
                }
                String id = op.path("operationId").asText();
                operations.put(id, new SpecOp(id, entry.getKey().toUpperCase(), pathParameters, query,
                        op.has("requestBody"), op.path("requestBody").path("required").asBoolean(false)));
            }
        }
        return operations;
    }

    /** The generated API interfaces, each with the client's accessor that hands it out. */
    private static Map<Class<?>, Method> apiAccessors() {
        Map<Class<?>, Method> accessors = new HashMap<>();
        for (Method accessor : TexterClient.class.getMethods()) {
            Class<?> type = accessor.getReturnType();
            if (accessor.getParameterCount() == 0 && type.isInterface()
                    && type.getPackageName().equals("com.texterchat.api")) {
                accessors.put(type, accessor);
            }
        }
        return accessors;
    }

    /** One call made, and how it ended. */
    private record Call(String label, String operationId, boolean optionalBodyLeftOut, Throwable failure) {
    }

    @Test
    void everyOperationAcceptsNullForEveryOptionalArgument(TexterMockServer server, TexterClient client)
            throws ReflectiveOperationException {
        // Required bodies are empty models and path values samples here, which Texter refuses: this test is
        // about the client's handling of nulls, so the spec check answers 400 and the violations are allowed.
        server.allowSpecViolations();
        Map<String, SpecOp> spec = specOperations();
        assertThat(spec).isNotEmpty();
        Map<Class<?>, Method> apis = apiAccessors();
        assertThat(apis).hasSize(10);

        List<Call> calls = new ArrayList<>();
        Set<String> called = new TreeSet<>();
        Set<String> optionalBodiesLeftOut = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Class<?>, Method> api : apis.entrySet()) {
            Object proxy = api.getValue().invoke(client);
            List<Method> methods = Arrays.stream(api.getKey().getMethods())
                    .filter(m -> (m.isAnnotationPresent(RequestLine.class) || m.isAnnotationPresent(FeignIgnore.class))
                            && !Modifier.isStatic(m.getModifiers()))
                    .sorted(Comparator.comparing(Method::toGenericString)).toList();
            for (Method method : methods) {
                SpecOp op = spec.get(method.getName());
                assertThat(op).as("operation of %s", method).isNotNull();
                Object[] args = new Object[method.getParameterCount()];
                boolean bodyLeftOut = false;
                Annotation[][] annotations = method.getParameterAnnotations();
                boolean overload = method.isAnnotationPresent(FeignIgnore.class);
                for (int i = 0; i < args.length; i++) {
                    Param param = find(annotations[i], Param.class);
                    Class<?> type = method.getParameterTypes()[i];
                    if (overload && type.getSimpleName().endsWith("QueryParams")) {
                        args[i] = null; // every query parameter of the spec is optional, so the whole object may be
                    } else if (overload) {
                        // the query-object overload takes the path parameters, in the spec's order
                        args[i] = pathValue(type, op.pathParameters().stream().skip(i).findFirst().orElseThrow());
                    } else if (param != null && op.pathParameters().contains(param.value())) {
                        args[i] = pathValue(method.getParameterTypes()[i], param.value());
                    } else if (param != null) {
                        assertThat(op.queryRequired()).as("query parameters of %s", op.id())
                                .containsKey(queryName(op, param.value()));
                        assertThat(op.queryRequired().get(queryName(op, param.value())))
                                .as("%s.%s is optional, so null is allowed", op.id(), param.value()).isFalse();
                        args[i] = null;
                    } else {
                        assertThat(op.hasBody()).as("%s has a request body", op.id()).isTrue();
                        if (op.bodyRequired()) {
                            args[i] = List.class.isAssignableFrom(type) ? List.of()
                                    : type.getDeclaredConstructor().newInstance();
                        } else {
                            args[i] = null;
                            bodyLeftOut = true;
                        }
                    }
                }
                int before = server.verify().all().size();
                Throwable failure = null;
                try {
                    method.invoke(proxy, args);
                } catch (InvocationTargetException e) {
                    failure = e.getCause();
                }
                String label = api.getKey().getSimpleName() + "." + method.getName()
                        + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
                calls.add(new Call(label, op.id(), bodyLeftOut, failure));
                called.add(op.id());
                if (failure != null && !(failure instanceof TexterException)) {
                    problems.add(label + " threw " + failure);
                    continue;
                }
                List<ReceivedRequest> received = server.verify().all();
                if (received.size() != before + 1) {
                    problems.add(label + " sent " + (received.size() - before) + " requests, not 1");
                    continue;
                }
                ReceivedRequest request = received.get(received.size() - 1);
                if (!request.operationId().equals(java.util.Optional.of(op.id()))
                        || !request.method().equals(op.method())) {
                    problems.add(label + " reached " + request + " instead of " + op.id());
                }
                if (bodyLeftOut) {
                    optionalBodiesLeftOut.add(op.id());
                    if (!request.body().isEmpty() || request.header("Content-Type").isPresent()) {
                        problems.add(label + " left out its optional body but sent body '" + request.body()
                                + "' with Content-Type " + request.header("Content-Type"));
                    }
                }
            }
        }

        assertThat(problems).as("calls that failed otherwise than with a TexterException or sent the wrong request")
                .isEmpty();
        assertThat(called).as("operations called").containsExactlyInAnyOrderElementsOf(spec.keySet());
        assertThat(optionalBodiesLeftOut).containsExactlyInAnyOrder("resolveChat", "generatePublicMediaUrl",
                "createScenarioDraft", "createScenarioRevision", "activateSubscription", "inactivateSubscription",
                "deleteScenarioRevision");
        // The test kit answers every operation from its example; the only failures are the 400s of the spec check
        // for the requests that broke openapi.json.
        Set<String> refused = new TreeSet<>();
        server.verify().specViolations().forEach(v -> refused.add(v.operationId().orElseThrow()));
        assertThat(calls).filteredOn(call -> call.failure() != null)
                .allSatisfy(call -> assertThat(call.failure()).isInstanceOfSatisfying(TexterHttpException.class,
                        e -> assertThat(e.status()).isEqualTo(400)))
                .extracting(Call::operationId).allSatisfy(id -> assertThat(refused).contains(id));
        // Both overloads of each operation with query parameters were called.
        long withQuery = spec.values().stream().filter(op -> !op.queryRequired().isEmpty()).count();
        assertThat(calls).hasSize((int) (spec.size() + withQuery));
    }

    /** A valid value for a path parameter of this type. */
    private static Object pathValue(Class<?> type, String name) {
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == Long.class || type == long.class) {
            return 1L;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        assertThat(type).as("type of path parameter %s", name).isEqualTo(String.class);
        return "sample-" + name;
    }

    /** The spec's name of a query parameter, given the Java name of its {@code @Param} (e.g. channelName). */
    private static String queryName(SpecOp op, String javaName) {
        if (op.queryRequired().containsKey(javaName)) {
            return javaName;
        }
        String squashed = javaName.toLowerCase();
        return op.queryRequired().keySet().stream()
                .filter(name -> name.replaceAll("[^A-Za-z0-9]", "").toLowerCase().equals(squashed))
                .findFirst().orElse(javaName);
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }
}
