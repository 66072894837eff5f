package com.texterchat.testkit;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One way a request the {@link TexterMockServer} received, or an answer a test stubbed through
 * {@link TexterStubs}, does not fit Texter's {@code openapi.json}: Texter would have refused the request, or
 * could never have sent the answer. Immutable; listed by {@link TexterRequests#specViolations()}.
 *
 * <p>Its {@code toString()} is one line, e.g.
 * {@code createLabel (POST /server/api/v2/labels) answered 400: body /name: required, got (missing)}; it never
 * shows headers, so the token cannot leak into a report.
 */
public final class SpecViolation {

    /** What was checked. */
    public enum Source {
        /** A request the code under test sent. */
        REQUEST,
        /** An answer stubbed through the test kit's helpers ({@code stubs().answer(...)}, {@code chatExists}, ...). */
        STUB
    }

    private final Source source;
    private final @Nullable String operationId;
    private final String method;
    private final String path;
    private final String in;
    private final String pointer;
    private final String rule;
    private final String value;
    private final int status;

    SpecViolation(Source source, @Nullable String operationId, String method, String path, String in, String pointer,
            String rule, String value, int status) {
        this.source = source;
        this.operationId = operationId;
        this.method = method;
        this.path = path;
        this.in = in;
        this.pointer = pointer;
        this.rule = rule;
        this.value = value;
        this.status = status;
    }

    /** Whether a request or a stubbed answer broke the rule. */
    public Source source() {
        return source;
    }

    /** The operation, empty for a request to a path or method Texter does not have. */
    public Optional<String> operationId() {
        return Optional.ofNullable(operationId);
    }

    /** Upper-case HTTP method. */
    public String method() {
        return method;
    }

    /** The request's path as sent (without the query), or for a stub the operation's path template. */
    public String path() {
        return path;
    }

    /**
     * Where the rule applies: {@code route} (unknown path or method), {@code header}, {@code path},
     * {@code query}, {@code body} or {@code response} (a stubbed answer).
     */
    public String in() {
        return in;
    }

    /**
     * The header or parameter name ({@code labels[]}, {@code chatId}), followed for array values by the JSON
     * pointer of the element ({@code labels[]/3}); for bodies and answers the JSON pointer into them
     * ({@code /to}, {@code ""} for the whole body).
     */
    public String pointer() {
        return pointer;
    }

    /** The rule broken, in the spec's terms: {@code required}, {@code maxItems 100}, {@code type integer}, ... */
    public String rule() {
        return rule;
    }

    /** The offending value as JSON (shortened), or {@code (missing)}. */
    public String value() {
        return value;
    }

    /** The status the server answered the request with (400, 401 or 404); 0 for a stubbed answer. */
    public int status() {
        return status;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SpecViolation v && source == v.source && status == v.status
                && Objects.equals(operationId, v.operationId) && method.equals(v.method) && path.equals(v.path)
                && in.equals(v.in) && pointer.equals(v.pointer) && rule.equals(v.rule) && value.equals(v.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, operationId, method, path, in, pointer, rule, value, status);
    }

    @Override
    public String toString() {
        String where = in + (pointer.isEmpty() ? "" : " " + pointer);
        String what = source == Source.STUB ? "stubbed answer" : "answered " + status;
        return (operationId == null ? "(no operation)" : operationId) + " (" + method + " " + path + ") " + what
                + ": " + where + ": " + rule + ", got " + value;
    }
}
