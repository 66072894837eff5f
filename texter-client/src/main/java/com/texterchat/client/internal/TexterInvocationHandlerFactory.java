package com.texterchat.client.internal;

import com.texterchat.client.error.TexterException;
import com.texterchat.client.error.TexterIoException;
import feign.AsyncClient;
import feign.Client;
import feign.DefaultInvocationHandlerFactory;
import feign.FeignException;
import feign.FeignIgnore;
import feign.InvocationHandlerFactory;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.RetryableException;
import feign.Response;
import feign.Target;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Wraps Feign's invocation handler so that every API method
 * <ul>
 *   <li>refuses path parameters that would change the request path even when percent-encoded: {@code null},
 *       {@code ""}, {@code "."} and {@code ".."} (servers and proxies resolve dot segments, also encoded ones), and
 *       percent-encodes all others completely, {@code %} included, so each stays one literal path segment;</li>
 *   <li>percent-encodes every query value completely as well (each element of a repeated parameter on its own;
 *       {@code null}s are left out), so Texter receives it exactly as given: {@code %2F} arrives as the three
 *       characters {@code %2F}, {@code +} as a plus, a space as a space. Feign leaves a value that already looks
 *       percent-encoded as it is, which would otherwise decode {@code %2F} to {@code /} on the server;</li>
 *   <li>turns a call of a {@code *QueryParams} overload (marked {@code @FeignIgnore}, so Feign has no handler for
 *       it) into a call of the positional overload with the query object's values, so that call is the one
 *       encoded, retried, logged and named;</li>
 *   <li>sends a {@code null} request body as no body when the spec makes the operation's body optional (Resolve
 *       Chat without {@code notifyClient}, say), and refuses it when the spec requires one; the spec is asked
 *       ({@link OperationCatalog}) only when a body is {@code null};</li>
 *   <li>throws only {@link TexterException}s: I/O failures become {@link TexterIoException}, anything else Feign
 *       raises becomes a {@link TexterException} naming the operation; for an asynchronous API (methods returning
 *       {@code CompletableFuture}) its future completes exceptionally with that exception itself, and cancelling the
 *       future cancels the call ({@link AsyncRetryingClient.Call#cancel()}).</li>
 * </ul>
 * A refused argument (a path parameter or a required body) is an {@link IllegalArgumentException} naming the
 * operation and the parameter, thrown before anything is sent.
 */
public final class TexterInvocationHandlerFactory implements InvocationHandlerFactory {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final InvocationHandlerFactory delegate = new DefaultInvocationHandlerFactory();
    private final Redactor redactor;
    private final @Nullable Direct direct;
    private final @Nullable AsyncClient<Object> async;

    /**
     * Creates the factory; every call goes through Feign's own method handlers.
     *
     * @param redactor masks the token in exception messages
     */
    public TexterInvocationHandlerFactory(Redactor redactor) {
        this.redactor = redactor;
        this.direct = null;
        this.async = null;
    }

    /**
     * Creates the factory for blocking APIs: a method of the generated shape is called without Feign's method
     * handler, its request built from a {@link RequestPlan} and sent with the same client, options, encoder and
     * decoders Feign would use (what Feign does with them is repeated exactly: see {@link Direct}).
     *
     * @param redactor masks the token in exception messages
     * @param direct   what Feign's handler would send, encode and decode with
     */
    public TexterInvocationHandlerFactory(Redactor redactor, Direct direct) {
        this.redactor = redactor;
        this.direct = direct;
        this.async = null;
    }

    /**
     * Creates the factory for asynchronous APIs: a method of the generated shape is called without Feign's
     * asynchronous method handler, its request built from a {@link RequestPlan} and sent with {@code async}; the
     * answer is handled as by {@link Direct} for a blocking call.
     *
     * @param redactor masks the token in exception messages
     * @param direct   the encoder, decoders, timeouts and contract to use (its blocking client is not used)
     * @param async    sends the requests (the {@link AsyncRetryingClient}; its calls can then be cancelled)
     */
    public TexterInvocationHandlerFactory(Redactor redactor, Direct direct, AsyncClient<Object> async) {
        this.redactor = redactor;
        this.direct = direct;
        this.async = async;
    }

    /**
     * What a call made without Feign's method handler uses: the parts of the Feign builder ({@code callAsync} sends
     * with the asynchronous client it is given instead of {@code client}). The call does what Feign's
     * {@code SynchronousMethodHandler} does with a retryer that never retries, no interceptors and no logger: an
     * {@link IOException} of the client becomes Feign's {@code RetryableException}, a 2xx answer is decoded (not for
     * {@code void}), a {@link RuntimeException} of the decoder other than a {@link FeignException}
     * becomes a {@link DecodeException}, its {@link IOException} a {@link FeignException}, any other status goes to
     * the error decoder, and the body is closed afterwards.
     *
     * @param client       sends the request (the retrying client)
     * @param options      the builder's timeouts
     * @param encoder      writes the body
     * @param decoder      reads a 2xx answer
     * @param errorDecoder turns any other answer into an exception
     * @param contract     the contract the APIs were parsed with
     */
    public record Direct(Client client, Request.Options options, TexterEncoder encoder, Decoder decoder,
            ErrorDecoder errorDecoder, TexterContract contract) {

        @Nullable Object call(TexterTarget<?> target, Method method, RequestPlan plan, @Nullable Object[] args)
                throws Throwable {
            Request request = request(target, method, plan, args);
            Response response;
            try {
                response = client.execute(request, options);
            } catch (IOException e) {
                // what Feign's handler throws (FeignException.errorExecuting)
                throw new RetryableException(-1, String.format("%s executing %s %s", e.getMessage(),
                        request.httpMethod(), request.url()), request.httpMethod(), e, (Long) null, request);
            }
            return answer(plan, request, response);
        }

        /**
         * Starts an asynchronous call: the future completes, on the thread that read the answer, with the decoded
         * value, or exceptionally with what {@link #call} would throw, or with the {@link IOException} (or other
         * failure) the call ended with.
         */
        CompletableFuture<@Nullable Object> callAsync(AsyncClient<Object> async, TexterTarget<?> target,
                Method method, RequestPlan plan, @Nullable Object[] args) {
            Request request = request(target, method, plan, args);
            CompletableFuture<@Nullable Object> decoded = new CompletableFuture<>();
            async.execute(request, options, Optional.empty()).whenComplete((response, error) -> {
                if (error != null) {
                    Throwable cause = AsyncHttpTransport.unwrap(error);
                    decoded.completeExceptionally(cause instanceof IOException e
                            // what Feign's asynchronous handler fails with (FeignException.errorExecuting)
                            ? new RetryableException(-1, String.format("%s executing %s %s", e.getMessage(),
                                    request.httpMethod(), request.url()), request.httpMethod(), e, (Long) null,
                                    request)
                            : cause);
                    return;
                }
                try {
                    decoded.complete(answer(plan, request, response));
                } catch (Throwable t) {
                    decoded.completeExceptionally(t);
                }
            });
            return decoded;
        }

        private Request request(TexterTarget<?> target, Method method, RequestPlan plan, @Nullable Object[] args) {
            int bodyIndex = plan.bodyIndex();
            byte @Nullable [] body = bodyIndex < 0 || plan.bodyType() == null ? null
                    : encoder.bytes(args[bodyIndex], plan.bodyType());
            return target.request(method, plan.httpMethod(), plan.pathAndQuery(args), body, plan.template());
        }

        /** What Feign's handler does with an answer: the error decoder or the decoder, then the body closed. */
        private @Nullable Object answer(RequestPlan plan, Request request, Response answer) throws Throwable {
            Response response = answer;
            if (response.request() != request) {
                response = response.toBuilder().request(request).build();
            }
            try {
                int status = response.status();
                if (status < 200 || status >= 300) {
                    throw errorDecoder.decode(plan.configKey(), response);
                }
                if (plan.returnsVoid()) {
                    return null;
                }
                try {
                    return decoder.decode(response, plan.returnType());
                } catch (FeignException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new DecodeException(status, e.getMessage(), request, e);
                } catch (IOException e) {
                    throw new ReadFailure(status, String.format("%s reading %s %s", e.getMessage(),
                            request.httpMethod(), request.url()), request, e);
                }
            } finally {
                Util.ensureClosed(response.body());
            }
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature is Feign's: InvocationHandlerFactory.create takes a raw Target
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler feign = delegate.create(target, dispatch);
        Map<Method, List<PathParameter>> pathParameters = new HashMap<>();
        Map<Method, List<Integer>> queryParameters = new HashMap<>();
        Map<Method, Integer> bodyParameters = new HashMap<>();
        dispatch.keySet().forEach(method -> {
            pathParameters.put(method, pathParameters(method));
            queryParameters.put(method, queryParameters(method));
            int body = bodyParameter(method);
            if (body >= 0) {
                bodyParameters.put(method, body);
            }
        });
        Map<Method, QueryOverload> queryOverloads = queryOverloads(target.type(), queryParameters);
        Map<Method, RequestPlan> plans = new HashMap<>();
        @Nullable Direct direct = this.direct;
        if (direct != null && target instanceof TexterTarget) {
            dispatch.keySet().forEach(method -> {
                MethodMetadata metadata = direct.contract().metadata(method);
                if (method.getReturnType() == CompletableFuture.class && async == null) {
                    return; // a blocking factory has no asynchronous client: Feign's handler
                }
                RequestPlan plan = metadata == null ? null : RequestPlan.of(metadata, target,
                        direct.contract().keepsAllHeaders(method),
                        pathParameters.get(method).stream().map(PathParameter::index).toList(),
                        queryParameters.get(method));
                if (plan != null) {
                    plans.put(method, plan);
                }
            });
        }
        TexterTarget<?> texterTarget = plans.isEmpty() ? null : (TexterTarget<?>) target;
        @Nullable AsyncClient<Object> asyncClient = this.async;
        return new InvocationHandler() {
            @Override
            public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
                if (method.getDeclaringClass() == Object.class && !"toString".equals(method.getName())) {
                    // Feign's own handler compares handlers, and this one is not Feign's: keep equals reflexive.
                    return "equals".equals(method.getName()) ? proxy == args[0] : System.identityHashCode(proxy);
                }
                QueryOverload overload = queryOverloads.get(method);
                if (overload != null) {
                    return invoke(proxy, overload.positional(), overload.positionalArguments(args));
                }
                Integer body = bodyParameters.get(method);
                if (body != null && args[body] == null) {
                    refuseMissingBody(Operation.operationId(method));
                }
                List<PathParameter> parameters = pathParameters.getOrDefault(method, List.of());
                List<Integer> queries = queryParameters.getOrDefault(method, List.of());
                Object[] safeArgs = parameters.isEmpty() && queries.isEmpty() ? args : args.clone();
                for (PathParameter parameter : parameters) {
                    safeArgs[parameter.index()] = parameter.encode(args[parameter.index()]);
                }
                for (int query : queries) {
                    safeArgs[query] = encodeQueryValue(args[query]);
                }
                boolean async = method.getReturnType() == CompletableFuture.class;
                if (async) {
                    AsyncRetryingClient.takeStarted(); // nothing left over from an earlier call on this thread
                }
                try {
                    RequestPlan plan = plans.get(method);
                    Object result;
                    if (plan == null || direct == null || texterTarget == null) {
                        result = feign.invoke(proxy, method, safeArgs);
                    } else if (async && asyncClient != null) {
                        result = direct.callAsync(asyncClient, texterTarget, method, plan, safeArgs);
                    } else {
                        result = direct.call(texterTarget, method, plan, safeArgs);
                    }
                    return async ? asyncResult(Operation.operationId(method), (CompletableFuture<?>) result) : result;
                } catch (TexterException e) {
                    throw e;
                } catch (FeignException e) {
                    throw translate(Operation.operationId(method), e);
                }
            }
        };
    }

    /** What Feign's handler throws when the decoder fails with an {@link IOException} (FeignException.errorReading). */
    private static final class ReadFailure extends FeignException {

        private static final long serialVersionUID = 1L;

        ReadFailure(int status, String message, Request request, IOException cause) {
            super(status, message, request, cause);
        }
    }

    /**
     * The {@code *QueryParams} overloads of an API interface (marked {@code @FeignIgnore}, so Feign has no handler
     * for them), each with the positional overload it stands for.
     */
    private static Map<Method, QueryOverload> queryOverloads(Class<?> api, Map<Method, List<Integer>> queryParameters) {
        Map<Method, QueryOverload> overloads = new HashMap<>();
        for (Method method : api.getMethods()) {
            if (!method.isAnnotationPresent(FeignIgnore.class) || method.getParameterCount() == 0) {
                continue;
            }
            Class<?> query = method.getParameterTypes()[method.getParameterCount() - 1];
            Method positional = null;
            for (Method candidate : queryParameters.keySet()) {
                if (candidate.getName().equals(method.getName()) && !queryParameters.get(candidate).isEmpty()
                        && candidate.getParameterCount()
                        == method.getParameterCount() - 1 + queryParameters.get(candidate).size()) {
                    positional = candidate;
                }
            }
            if (positional == null) {
                throw new IllegalStateException(api.getName() + "." + method.getName() + " has no positional overload"
                        + " for its " + query.getSimpleName());
            }
            List<Integer> queryIndexes = queryParameters.get(positional);
            Method[] getters = new Method[positional.getParameterCount()];
            Annotation[][] annotations = positional.getParameterAnnotations();
            for (int index : queryIndexes) {
                String name = paramName(annotations[index]);
                getters[index] = getter(query, name);
            }
            overloads.put(method, new QueryOverload(positional, getters));
        }
        return Map.copyOf(overloads);
    }

    private static String paramName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Param) {
                return ((Param) annotation).value();
            }
        }
        throw new IllegalStateException("a query parameter without @Param");
    }

    private static Method getter(Class<?> query, String name) {
        for (Method method : query.getMethods()) {
            if (method.getParameterCount() == 0 && method.getName().equalsIgnoreCase("get" + name)) {
                return method;
            }
        }
        throw new IllegalStateException(query.getName() + " has no getter for the query parameter " + name);
    }

    /**
     * A {@code *QueryParams} overload: the positional overload it stands for, and for each positional argument the
     * getter of the query object that gives it ({@code null} for the arguments taken over as they are).
     */
    private record QueryOverload(Method positional, @Nullable Method[] getters) {

        /** The arguments of the positional overload: the overload's own, in order, and the query object's values. */
        @Nullable Object[] positionalArguments(@Nullable Object[] args) throws ReflectiveOperationException {
            Object query = args[args.length - 1];
            @Nullable Object[] result = new Object[getters.length];
            int next = 0;
            for (int i = 0; i < getters.length; i++) {
                Method getter = getters[i];
                if (getter == null) {
                    result[i] = args[next++];
                } else {
                    result[i] = query == null ? null : getter.invoke(query);
                }
            }
            return result;
        }
    }


    /**
     * A query value fully percent-encoded, or for a collection (a repeated parameter) each non-null element; Feign
     * then sees text that is already encoded and sends it unchanged.
     */
    static @Nullable Object encodeQueryValue(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Iterable<?>) {
            List<String> encoded = new ArrayList<>();
            for (Object element : (Iterable<?>) value) {
                if (element != null) {
                    encoded.add(percentEncode(element.toString()));
                }
            }
            return encoded;
        }
        return percentEncode(value.toString());
    }

    /**
     * Every byte except the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) as {@code %XX}, {@code %}
     * included.
     */
    static String percentEncode(String text) {
        if (text.chars().allMatch(TexterInvocationHandlerFactory::unreserved)) {
            return text; // the usual case: IDs, numbers, words
        }
        StringBuilder encoded = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static boolean unreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /**
     * The future an asynchronous API method returns: it completes with Feign's result, or exceptionally with the
     * {@link TexterException} (or the refusal) the blocking method would throw, never wrapped; cancelling it
     * cancels the call.
     */
    private CompletableFuture<Object> asyncResult(String operationId, CompletableFuture<?> feignResult) {
        AsyncRetryingClient.Call call = AsyncRetryingClient.takeStarted();
        CompletableFuture<Object> future = new CompletableFuture<>();
        feignResult.whenComplete((value, error) -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(asyncFailure(operationId, call, AsyncHttpTransport.unwrap(error)));
            }
        });
        if (call != null) {
            future.whenComplete((value, error) -> {
                if (future.isCancelled()) {
                    call.cancel();
                }
            });
        }
        return future;
    }

    private Throwable asyncFailure(String operationId, AsyncRetryingClient.@Nullable Call call, Throwable error) {
        if (error instanceof FeignException) {
            return translate(operationId, (FeignException) error);
        }
        if (error instanceof IOException) {
            return ioFailure(operationId, call == null ? operationId : call.label(), (IOException) error);
        }
        return error; // a TexterException, a refusal (IllegalStateException after close) or a cancellation
    }

    private TexterException translate(String operationId, FeignException e) {
        if (e.getCause() instanceof TexterException) {
            return (TexterException) e.getCause();
        }
        String label = e.request() == null ? operationId : Operation.of(e.request()).label();
        if (e.getCause() instanceof IOException) {
            return ioFailure(operationId, label, (IOException) e.getCause());
        }
        return new TexterException(operationId, redactor.mask(label + " failed: " + e.getMessage()),
                redactor.scrubbed(e));
    }

    private TexterIoException ioFailure(String operationId, String label, IOException io) {
        boolean timeout = io instanceof HttpTimeoutException || io instanceof java.net.SocketTimeoutException;
        String what = io instanceof CallTimeoutException ? io.getMessage() : timeout ? "timed out" : "failed: " + io.getClass().getSimpleName()
                + (io.getMessage() == null ? "" : ": " + io.getMessage());
        return new TexterIoException(operationId, redactor.mask(label + " " + what), redactor.scrubbed(io), timeout);
    }

    /**
     * Refuses a {@code null} body when the spec requires the operation's body. An optional body, or an operation the
     * spec on the classpath does not know, goes out without one (Texter then answers for itself).
     */
    private static void refuseMissingBody(String operationId) {
        if (OperationCatalog.fromClasspath().requiresBody(operationId).orElse(false)) {
            throw new IllegalArgumentException(operationId + ": the request body must not be null (Texter requires"
                    + " one for this operation)");
        }
    }

    /**
     * The index of a method's body parameter, as Feign's default contract finds it: the one parameter that carries
     * no Feign annotation ({@code @Param}, {@code @QueryMap}, {@code @HeaderMap}); -1 when there is none.
     */
    private static int bodyParameter(Method method) {
        if (method.getAnnotation(RequestLine.class) == null) {
            return -1;
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean feign = false;
            for (Annotation annotation : annotations[i]) {
                feign |= annotation.annotationType().getPackageName().equals(Param.class.getPackageName());
            }
            if (!feign) {
                return i;
            }
        }
        return -1;
    }

    /** The indexes of a method's parameters that fill a variable in the query part of its request line. */
    private static List<Integer> queryParameters(Method method) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        int query = line == null ? -1 : line.value().indexOf('?');
        if (query < 0) {
            return List.of();
        }
        Matcher variables = TexterContract.VARIABLE.matcher(line.value().substring(query));
        List<String> names = new ArrayList<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        List<Integer> result = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof Param && names.contains(((Param) annotation).value())) {
                    result.add(i);
                }
            }
        }
        return List.copyOf(result);
    }

    /** The parameters of a method that fill a variable in the path part of its request line. */
    private static List<PathParameter> pathParameters(Method method) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        if (line == null) {
            return List.of();
        }
        String requestLine = line.value();
        int query = requestLine.indexOf('?');
        String path = query < 0 ? requestLine : requestLine.substring(0, query);
        Matcher variables = TexterContract.VARIABLE.matcher(path);
        List<String> names = new ArrayList<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        List<PathParameter> result = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof Param && names.contains(((Param) annotation).value())) {
                    result.add(new PathParameter(i, ((Param) annotation).value(), Operation.operationId(method)));
                }
            }
        }
        return List.copyOf(result);
    }

    private record PathParameter(int index, String name, String operationId) {

        /**
         * The value percent-encoded as one path segment: every byte except the unreserved characters
         * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, {@code %} included. Feign keeps sequences that already
         * look encoded as they are, so without this an ID such as {@code %2e%2e} would reach the server as
         * {@code ..}.
         */
        String encode(@Nullable Object value) {
            if (value == null) {
                throw new IllegalArgumentException(operationId + ": path parameter " + name + " must not be null");
            }
            String text = value.toString();
            if (text.isEmpty() || text.equals(".") || text.equals("..")) {
                throw new IllegalArgumentException(operationId + ": path parameter " + name + " must not be "
                        + (text.isEmpty() ? "empty" : "\"" + text + "\" (a dot segment would change the request path)"));
            }
            return percentEncode(text);
        }
    }
}
