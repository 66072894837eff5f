package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.api.ChannelsApi;
import com.texterchat.api.ChannelsApiAsync;
import com.texterchat.api.ChatsApiAsync;
import com.texterchat.api.EventSubscriptionsApiAsync;
import com.texterchat.api.FilesApiAsync;
import com.texterchat.api.LabelsApiAsync;
import com.texterchat.api.MessagesApiAsync;
import com.texterchat.api.QuickRepliesApiAsync;
import com.texterchat.api.ScenariosApiAsync;
import com.texterchat.api.TemplateSubscriptionsApiAsync;
import com.texterchat.api.TemplatesApiAsync;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.api.FilesApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.api.TemplatesApi;
import com.texterchat.client.json.TexterJson;
import com.texterchat.model.Label;
import feign.AsyncClient;
import feign.AsyncFeign;
import feign.Client;
import feign.Feign;
import feign.FeignIgnore;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import feign.TypedResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests a call builds from its {@link RequestPlan} are the requests Feign's own handler builds: for
 * every method of every generated interface, with each argument varied over values that exercise encoding (reserved
 * and non-ASCII characters, already encoded text, commas), empty texts, {@code null}s, and empty, blank and mixed
 * lists, the method, URL, headers and body of both requests are equal, or both calls fail alike. Every method must
 * get a plan (else the comparison would be Feign against itself).
 */
class RequestPlanTest {

    private static final String BASE = "http://127.0.0.1:1/server/api/v2";

    @ParameterizedTest
    @ValueSource(classes = {ChatsApi.class, MessagesApi.class, TemplatesApi.class, TemplateSubscriptionsApi.class,
            LabelsApi.class, FilesApi.class, ChannelsApi.class, QuickRepliesApi.class, EventSubscriptionsApi.class,
            ScenariosApi.class})
    void plannedRequestsEqualFeignsRequests(Class<?> api) throws Exception {
        Capture direct = new Capture();
        Capture feign = new Capture();
        compareEveryMethod(api, proxy(api, direct, true), direct, proxy(api, feign, false), feign);
    }

    /**
     * The asynchronous APIs: the same comparison, with Feign's {@code AsyncFeign} handler as the reference, each
     * future's outcome (how it failed) compared as well.
     */
    @ParameterizedTest
    @ValueSource(classes = {ChatsApiAsync.class, MessagesApiAsync.class, TemplatesApiAsync.class,
            TemplateSubscriptionsApiAsync.class, LabelsApiAsync.class, FilesApiAsync.class, ChannelsApiAsync.class,
            QuickRepliesApiAsync.class, EventSubscriptionsApiAsync.class, ScenariosApiAsync.class})
    void plannedAsyncRequestsEqualFeignsRequests(Class<?> api) throws Exception {
        AsyncCapture direct = new AsyncCapture();
        AsyncCapture feign = new AsyncCapture();
        for (Method method : api.getMethods()) {
            if (method.getAnnotation(RequestLine.class) != null) {
                assertThat(method.getReturnType()).as(method.getName()).isEqualTo(CompletableFuture.class);
            }
        }
        compareEveryMethod(api, asyncProxy(api, direct, true), direct, asyncProxy(api, feign, false), feign);
    }

    /** Methods of asynchronous shape whose answer is not a model keep Feign's handler: they get no plan. */
    @Test
    void aFutureOfARawResponseGetsNoPlanAndAFutureOfAModelDoes() throws NoSuchMethodException {
        TexterContract contract = new TexterContract();
        contract.parseAndValidateMetadata(Shapes.class);
        TexterTarget<Shapes> target = new TexterTarget<>(Shapes.class, BASE, contract, Map.of());

        assertThat(plan(contract, target, "raw")).isNull();
        assertThat(plan(contract, target, "typed")).isNull();
        assertThat(plan(contract, target, "unparameterized")).isNull();
        RequestPlan label = plan(contract, target, "label");
        assertThat(label).isNotNull();
        assertThat(label.returnType()).isEqualTo(Label.class);
        assertThat(label.pathAndQuery(new Object[] {"VIP"})).isEqualTo("/labels/VIP");
    }

    private static @Nullable RequestPlan plan(TexterContract contract, TexterTarget<?> target, String name)
            throws NoSuchMethodException {
        Method method = Shapes.class.getMethod(name, String.class);
        return RequestPlan.of(Objects.requireNonNull(contract.metadata(method)), target,
                contract.keepsAllHeaders(method), List.of(0), List.of());
    }

    /** Asynchronous methods of the generated shape, with answers a plan can and cannot decode. */
    @SuppressWarnings("rawtypes")
    interface Shapes {
        @RequestLine("GET /labels/{id}")
        CompletableFuture<Response> raw(@Param("id") String id);

        @RequestLine("GET /labels/{id}")
        CompletableFuture<TypedResponse<Label>> typed(@Param("id") String id);

        @RequestLine("GET /labels/{id}")
        CompletableFuture unparameterized(@Param("id") String id);

        @RequestLine("GET /labels/{id}")
        CompletableFuture<Label> label(@Param("id") String id);
    }

    /**
     * Calls every method of {@code api} on both proxies with every argument set, and compares the outcomes and the
     * requests sent; then checks that the planned proxy reuses one template per method (it has a plan).
     */
    private static void compareEveryMethod(Class<?> api, Object planned, Recorder direct, Object viaFeign,
            Recorder feign) throws ReflectiveOperationException {
        int compared = 0;
        for (Method method : api.getMethods()) {
            if (method.getAnnotation(RequestLine.class) == null || method.isAnnotationPresent(FeignIgnore.class)) {
                continue;
            }
            @Nullable Object[] sent = null;
            for (@Nullable Object[] args : argumentSets(method)) {
                direct.last = null;
                feign.last = null;
                String plannedOutcome = call(planned, method, args);
                String feignOutcome = call(viaFeign, method, args);
                assertThat(plannedOutcome).as("%s%s", method.getName(), Arrays.deepToString(args))
                        .isEqualTo(feignOutcome);
                assertThat(direct.last == null).as("%s%s sent by one path only", method.getName(),
                        Arrays.deepToString(args)).isEqualTo(feign.last == null);
                if (direct.last != null && feign.last != null) {
                    assertThat(describe(direct.last)).as("%s%s", method.getName(), Arrays.deepToString(args))
                            .isEqualTo(describe(feign.last));
                    compared++;
                    sent = sent == null ? args : sent;
                }
            }
            assertThat(sent).as("%s sent at least once", method.getName()).isNotNull();
            // The planned path reuses one template per method; Feign's handler resolves a new one per call.
            call(planned, method, sent);
            Request first = Objects.requireNonNull(direct.last);
            call(planned, method, sent);
            assertThat(Objects.requireNonNull(direct.last).requestTemplate()).as("%s has a plan", method.getName())
                    .isSameAs(first.requestTemplate());
        }
        assertThat(compared).isGreaterThan(0);
    }

    /** The last request a capturing client was given. */
    private abstract static class Recorder {
        @Nullable Request last;
    }

    /** Records the request and fails its future with an {@link IOException}, as a refused connection would. */
    private static final class AsyncCapture extends Recorder implements AsyncClient<Object> {

        @Override
        public CompletableFuture<Response> execute(Request request, Request.Options options,
                Optional<Object> requestContext) {
            last = request;
            return CompletableFuture.failedFuture(new IOException("captured"));
        }
    }

    private static Object asyncProxy(Class<?> api, AsyncClient<Object> client, boolean planned) {
        Parts parts = new Parts();
        TexterInvocationHandlerFactory handlers = planned
                ? new TexterInvocationHandlerFactory(parts.redactor, parts.direct(new Capture()), client)
                : new TexterInvocationHandlerFactory(parts.redactor);
        return parts.configure(AsyncFeign.builder().client(client), handlers).target(parts.target(api));
    }

    /** What both kinds of proxy are built from. */
    private static final class Parts {
        final TexterContract contract = new TexterContract();
        final Redactor redactor = new Redactor("secret-token-for-tests");
        final TexterEncoder encoder = new TexterEncoder(TexterJson.mapper());
        final TexterDecoder decoder = new TexterDecoder(TexterJson.mapper(), redactor);
        final TexterErrorDecoder errors = new TexterErrorDecoder(TexterJson.mapper(), redactor,
                OperationCatalog::fromClasspath);
        final Request.Options options = new Request.Options();

        TexterInvocationHandlerFactory.Direct direct(Client client) {
            return new TexterInvocationHandlerFactory.Direct(client, options, encoder, decoder, errors, contract);
        }

        <B extends feign.BaseBuilder<B, ?>> B configure(B builder, TexterInvocationHandlerFactory handlers) {
            return builder.retryer(Retryer.NEVER_RETRY).encoder(encoder).decoder(decoder).errorDecoder(errors)
                    .contract(contract).invocationHandlerFactory(handlers).options(options);
        }

        <T> TexterTarget<T> target(Class<T> api) {
            return new TexterTarget<>(api, BASE, contract,
                    Map.of("Authorization", "Bearer secret-token-for-tests", "User-Agent", "test"));
        }
    }

    /** Answers nothing: records the request and fails it, so that both paths end the same way. */
    private static final class Capture extends Recorder implements Client {

        @Override
        public Response execute(Request request, Request.Options options) throws IOException {
            last = request;
            throw new IOException("captured");
        }
    }

    private static Object proxy(Class<?> api, Client client, boolean planned) {
        Parts parts = new Parts();
        TexterInvocationHandlerFactory handlers = planned
                ? new TexterInvocationHandlerFactory(parts.redactor, parts.direct(client))
                : new TexterInvocationHandlerFactory(parts.redactor);
        return parts.configure(Feign.builder().client(client), handlers).target(parts.target(api));
    }

    private static String call(Object proxy, Method method, @Nullable Object[] args) {
        try {
            Object result = method.invoke(proxy, args);
            if (result instanceof CompletableFuture<?> future) {
                Throwable failure = future.handle((value, error) -> error).get(10, TimeUnit.SECONDS);
                return failure == null ? "completed" : "failed with " + (failure.getClass().getName() + ": "
                        + failure.getMessage()).replaceAll("@[0-9a-f]+", "@hash");
            }
            return "returned";
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            // identity hashes (a cause printed as Class@1b2c3d) differ between any two calls
            return (e.getCause().getClass().getName() + ": " + e.getCause().getMessage())
                    .replaceAll("@[0-9a-f]+", "@hash");
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(Request request) {
        return request.httpMethod() + " " + request.url() + "\nheaders " + request.headers() + "\ncharset "
                + request.charset() + "\nbody " + (request.body() == null ? "none"
                : new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A typical set of arguments, then the same with one argument changed at a time to each other candidate. */
    private static List<@Nullable Object[]> argumentSets(Method method) throws ReflectiveOperationException {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        List<List<@Nullable Object>> candidates = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            candidates.add(candidates(types[i], isParam(annotations[i])));
        }
        List<@Nullable Object[]> sets = new ArrayList<>();
        @Nullable Object[] typical = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            typical[i] = candidates.get(i).get(0);
        }
        sets.add(typical);
        for (int i = 0; i < types.length; i++) {
            for (Object candidate : candidates.get(i).subList(1, candidates.get(i).size())) {
                @Nullable Object[] varied = typical.clone();
                varied[i] = candidate;
                sets.add(varied);
            }
        }
        return sets;
    }

    private static boolean isParam(Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(Param.class::isInstance);
    }

    private static List<@Nullable Object> candidates(Class<?> type, boolean param)
            throws ReflectiveOperationException {
        List<@Nullable Object> values = new ArrayList<>();
        if (!param && java.util.Collection.class.isAssignableFrom(type)) {
            // a body that is a list of models: an empty one (the elements' types are the models' tests' business)
            values.add(List.class.isAssignableFrom(type) ? List.of() : java.util.Set.of());
        } else if (type == String.class) {
            values.addAll(List.of("c1", "", "a b/c?d&e=f#g", "%2F%zz", "x,y", "ü€😀", "+~-._", ".", "..",
                    "[brackets]{braces}"));
        } else if (type == Integer.class || type == int.class) {
            values.addAll(List.of(30, 0, -1));
        } else if (type == Long.class || type == long.class) {
            values.addAll(List.of(30L, 0L));
        } else if (type == Boolean.class || type == boolean.class) {
            values.addAll(List.of(true, false));
        } else if (type == Double.class || type == java.math.BigDecimal.class) {
            values.add(type == Double.class ? (Object) 1.5 : new java.math.BigDecimal("1.50"));
        } else if (type == OffsetDateTime.class) {
            values.add(OffsetDateTime.parse("2024-05-01T10:15:30.123+02:00"));
        } else if (type == LocalDate.class) {
            values.add(LocalDate.parse("2024-05-01"));
        } else if (List.class.isAssignableFrom(type)) {
            values.add(List.of("a", "b c"));
            values.add(List.of());
            values.add(List.of(""));
            values.add(List.of("", ""));
            values.add(Arrays.asList("x", null, "", "y,z"));
            values.add(List.of("%2F", "ü"));
        } else if (java.util.Set.class.isAssignableFrom(type)) {
            values.add(new java.util.LinkedHashSet<>(List.of("a", "b c")));
            values.add(java.util.Set.of());
            values.add(java.util.Set.of(""));
        } else if (type.isEnum()) {
            values.add(type.getEnumConstants()[0]);
        } else if (param) {
            throw new AssertionError("no candidates for a parameter of type " + type);
        } else {
            // a body: a fresh model, and none
            values.add(type.getConstructor().newInstance());
        }
        values.add(null);
        return values;
    }
}
