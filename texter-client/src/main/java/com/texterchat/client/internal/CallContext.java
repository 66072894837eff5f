package com.texterchat.client.internal;

import com.texterchat.client.CallOptions;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the caller's thread asks of the calls it makes right now: the {@link CallOptions} of the client view the
 * call goes through, and whether the answer is to be captured for
 * {@code TexterClient.withRawResponse}. A blocking call runs on its caller's thread from the proxy to the
 * transport, so the layers below read both from here instead of every API method taking them.
 */
public final class CallContext {

    private static final ThreadLocal<@Nullable CallOptions> OPTIONS = new ThreadLocal<>();
    private static final ThreadLocal<@Nullable Capture> CAPTURE = new ThreadLocal<>();

    private CallContext() {
    }

    /**
     * The options of the call being made on this thread.
     *
     * @return the options, or {@code null} for a call through the client itself
     */
    public static @Nullable CallOptions options() {
        return OPTIONS.get();
    }

    /**
     * Runs a call with options.
     *
     * @param options the options of the view the call goes through
     * @param call    the call
     * @param <T>     what it returns
     * @return what the call returned
     * @throws Throwable what the call threw
     */
    public static <T extends @Nullable Object> T withOptions(CallOptions options, ThrowingSupplier<T> call)
            throws Throwable {
        CallOptions previous = OPTIONS.get();
        OPTIONS.set(options);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                OPTIONS.remove();
            } else {
                OPTIONS.set(previous);
            }
        }
    }

    /**
     * Runs calls and captures the last answer they got.
     *
     * @param calls the calls
     * @param <T>   what they return
     * @return what they returned and the last answer, which is {@code null} when no call was made
     */
    public static <T extends @Nullable Object> Captured<T> capturing(Supplier<T> calls) {
        Capture previous = CAPTURE.get();
        Capture capture = new Capture();
        CAPTURE.set(capture);
        T result;
        try {
            result = calls.get();
        } finally {
            if (previous == null) {
                CAPTURE.remove();
            } else {
                CAPTURE.set(previous);
            }
        }
        return new Captured<>(result, capture.answer);
    }

    /**
     * Keeps a call's final answer when this thread captures answers; called by the retrying layer.
     *
     * @param response the final answer of a call, its body buffered
     * @param redactor masks credential headers and the token
     */
    static void offer(Response response, Redactor redactor) {
        Capture capture = CAPTURE.get();
        if (capture == null) {
            return;
        }
        byte[] body;
        try {
            body = ResponseBodies.bytes(response);
        } catch (IOException e) {
            body = new byte[0];
        }
        capture.answer = new Answer(Operation.of(response.request()).id(), response.status(),
                redactedHeaders(response.headers(), redactor), body);
    }

    /**
     * Headers as the SDK shows them to callers: credential headers masked, the token masked in every value.
     *
     * @param headers  headers of an answer
     * @param redactor the client's redactor
     * @return a case-insensitive copy
     */
    public static Map<String, List<String>> redactedHeaders(Map<String, Collection<String>> headers,
            Redactor redactor) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> out.put(name,
                values.stream().map(value -> redactor.headerValue(name, value)).toList()));
        return out;
    }

    /** A call that may throw anything, as a reflective call does. */
    @FunctionalInterface
    public interface ThrowingSupplier<T extends @Nullable Object> {
        /**
         * Makes the call.
         *
         * @return its result
         * @throws Throwable its failure
         */
        T get() throws Throwable;
    }

    /**
     * The final answer of a call.
     *
     * @param operation the operationId
     * @param status    the HTTP status
     * @param headers   the headers, redacted
     * @param body      the body's bytes
     */
    public record Answer(String operation, int status, Map<String, List<String>> headers, byte[] body) {
    }

    /**
     * What captured calls returned, and their last answer.
     *
     * @param result what the calls returned
     * @param answer the last answer, {@code null} when no call was made
     * @param <T>    the result type
     */
    public record Captured<T extends @Nullable Object>(T result, @Nullable Answer answer) {
    }

    private static final class Capture {
        @Nullable Answer answer;
    }
}
