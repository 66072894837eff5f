package com.texterchat.testkit;

import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.TexterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request the {@link TexterMockServer} received, with the operation it was for and the status it was
 * answered with. Immutable. Its {@code toString()} shows method, URL, status and body, never headers, so
 * a token cannot leak into a test report.
 */
public final class ReceivedRequest {

    private static final int SHOWN_BODY_CHARS = 600;

    private final String method;
    private final String url;
    private final String path;
    private final @Nullable SpecOperation operation;
    private final Map<String, String> pathParameters;
    private final LoggedRequest request;
    private final String body;
    private final int responseStatus;
    private final Instant receivedAt;

    private ReceivedRequest(ServeEvent event, TexterSpec spec) {
        this.request = event.getRequest();
        this.method = request.getMethod().getName();
        this.url = request.getUrl();
        this.path = StubFactory.rawPath(url);
        this.operation = spec.operationFor(method, path);
        this.pathParameters = operation == null ? Map.of() : operation.pathParameterValues(path);
        this.body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        LoggedResponse response = event.getResponse();
        this.responseStatus = response == null || response.getFault() != null ? 0 : response.getStatus();
        this.receivedAt = request.getLoggedDate() == null ? Instant.EPOCH : request.getLoggedDate().toInstant();
    }

    static ReceivedRequest of(ServeEvent event, TexterSpec spec) {
        return new ReceivedRequest(event, spec);
    }

    /** The Texter operation the request was for, empty when its method and path match none. */
    public Optional<String> operationId() {
        return operation == null ? Optional.empty() : Optional.of(operation.id());
    }

    /** Upper-case HTTP method. */
    public String method() {
        return method;
    }

    /** Path and query exactly as sent (still percent-encoded), e.g. {@code /server/api/v2/chats/search?search=972}. */
    public String url() {
        return url;
    }

    /** The decoded path parameters by name, e.g. {@code chatId}; empty when the request matched no operation. */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /**
     * One decoded path parameter.
     *
     * @throws IllegalArgumentException when the operation has no parameter of that name
     */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException(describeOperation() + " has no path parameter '" + name + "'; it has "
                    + pathParameters.keySet());
        }
        return value;
    }

    /** The first value of a query parameter (decoded), if it was sent. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of a repeated query parameter such as {@code labels[]}, in order; empty if absent. */
    public List<String> queryParameters(String name) {
        QueryParameter parameter = request.queryParameter(Objects.requireNonNull(name, "name"));
        return parameter == null || !parameter.isPresent() ? List.of() : List.copyOf(parameter.values());
    }

    /** The first value of a request header, if present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(Objects.requireNonNull(name, "name")));
    }

    /** The body as text (UTF-8); empty when there was none. */
    public String body() {
        return body;
    }

    /**
     * The JSON body read into a type, usually the generated request model.
     *
     * @throws AssertionError when the body is not valid JSON for that type: the code under test sent
     *                        something Texter would not understand
     */
    public <T> T body(Class<T> type) {
        try {
            return Json.read(body.isEmpty() ? "null" : body, type, "The body of " + method + " " + url);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The status the server answered, or 0 when it answered with a connection fault (or is still answering). */
    public int responseStatus() {
        return responseStatus;
    }

    /** When the server received the request. */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method).append(' ').append(url)
                .append(" -> ").append(responseStatus == 0 ? "connection fault" : Integer.toString(responseStatus))
                .append(" (").append(operation == null ? "no Texter operation" : operation.id()).append(')');
        if (!body.isEmpty()) {
            sb.append(' ');
            if (body.length() > SHOWN_BODY_CHARS) {
                sb.append(body, 0, SHOWN_BODY_CHARS).append("... [").append(body.length() - SHOWN_BODY_CHARS)
                        .append(" more chars]");
            } else {
                sb.append(body);
            }
        }
        return sb.toString();
    }

    private String describeOperation() {
        return operation == null ? method + " " + path + " (no Texter operation)" : operation.toString();
    }
}
