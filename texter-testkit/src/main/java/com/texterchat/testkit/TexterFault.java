package com.texterchat.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * Makes one operation fail, for every request or for the next few only ({@link #times(int)}): an error
 * status, a rate limit with {@code Retry-After}, latency, a connection reset, a response with no answer at
 * all, or a body that is not valid JSON. Obtained from {@link TexterMockServer#fault(String)}.
 *
 * <pre>{@code
 * texter.fault("sendTemplateMessage").times(2).rateLimited(Duration.ofSeconds(1)); // 429, 429, then success
 * texter.fault("searchChats").status(503);                                         // every search fails
 * }</pre>
 *
 * <p>Faults win over every answer set with {@link TexterStubs}. Limited faults of the same operation form
 * one sequence in the order they were added: {@code times(1).rateLimited(..)} then {@code times(1).status(503)}
 * answers 429, then 503, then the operation's usual answer. {@link TexterMockServer#reset()} removes all
 * faults. Instances are immutable.
 */
public final class TexterFault {

    private static final String SCENARIO_PREFIX = "texter-faults:";
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final TexterMockServer server;
    private final SpecOperation operation;
    private final int times;

    TexterFault(TexterMockServer server, SpecOperation operation, int times) {
        this.server = server;
        this.operation = operation;
        this.times = times;
    }

    /**
     * Limits the fault to the next {@code count} requests of the operation; later ones get the usual answer
     * ("fail N times, then succeed"). Without it, the fault applies to every request.
     *
     * @param count at least 1
     */
    public TexterFault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + count);
        }
        return new TexterFault(server, operation, count);
    }

    /**
     * Answers an error status with a JSON error body in Texter's shape,
     * {@code {"success":false,"error":"<reason phrase>"}}.
     *
     * @param status 400-599
     */
    public void status(int status) {
        checkErrorStatus(status);
        String reason = REASONS.getOrDefault(status, "HTTP " + status);
        install(StubFactory.json(status, "{\"success\":false,\"error\":\"" + reason + "\"}"));
    }

    /**
     * Answers an error status with this body: sent as JSON when it starts with <code>{</code>, {@code [} or
     * {@code "}, as plain text otherwise.
     *
     * @param status 400-599
     */
    public void status(int status, String body) {
        checkErrorStatus(status);
        Objects.requireNonNull(body, "body");
        install(StubFactory.jsonOrText(status, body));
    }

    /**
     * Answers 429 Too Many Requests with {@code Retry-After} in whole seconds (rounded up).
     *
     * @param retryAfter zero or more
     */
    public void rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        install(rateLimitedResponse(Long.toString(seconds)));
    }

    /** Answers 429 Too Many Requests with {@code Retry-After} as an HTTP date (the header's other form). */
    public void rateLimitedUntil(Instant retryAt) {
        Objects.requireNonNull(retryAt, "retryAt");
        install(rateLimitedResponse(DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atOffset(ZoneOffset.UTC))));
    }

    /**
     * Answers as usual (the operation's current general answer), but only after {@code delay}.
     *
     * @param delay more than zero, at most {@link Integer#MAX_VALUE} milliseconds
     */
    public void latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero() || delay.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("delay must be between 1 ms and " + Integer.MAX_VALUE
                    + " ms, got " + delay);
        }
        install(ResponseDefinitionBuilder.like(server.currentDefault(operation).getResponse())
                .withFixedDelay((int) delay.toMillis()));
    }

    /** Resets the connection (TCP RST) instead of answering. */
    public void connectionReset() {
        install(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /** Closes the connection without sending any response. */
    public void emptyResponse() {
        install(aResponse().withFault(Fault.EMPTY_RESPONSE));
    }

    /** Answers the usual 2xx status and a JSON content type, but a body cut off halfway: not valid JSON. */
    public void malformedBody() {
        String example = operation.isText() ? "" : operation.defaultBody();
        String cut = example.length() > 2 ? example.substring(0, example.length() / 2) : "{\"success\":tr";
        install(StubFactory.json(operation.status(), cut));
    }

    private static ResponseDefinitionBuilder rateLimitedResponse(String retryAfter) {
        return StubFactory.json(429, "{\"success\":false,\"error\":\"Too Many Requests\"}")
                .withHeader("Retry-After", retryAfter);
    }

    private static void checkErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400-599), got " + status);
        }
    }

    private void install(ResponseDefinitionBuilder response) {
        if (times == 0) {
            add(StubFactory.route(operation), response);
            return;
        }
        String scenario = SCENARIO_PREFIX + operation.id();
        int first = server.reserveFaultSteps(operation.id(), times);
        for (int step = first; step < first + times; step++) {
            add(StubFactory.route(operation).inScenario(scenario).whenScenarioStateIs(state(step))
                    .willSetStateTo(state(step + 1)), response);
        }
    }

    private void add(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.wireMock().addStubMapping(request.atPriority(StubFactory.FAULT_PRIORITY)
                .withMetadata(StubFactory.metadata(operation.id(), "fault"))
                .willReturn(response).build());
    }

    private static String state(int step) {
        return step == 0 ? Scenario.STARTED : "after fault " + step;
    }

    @Override
    public String toString() {
        return "TexterFault[" + operation.id() + (times == 0 ? ", every request" : ", next " + times) + "]";
    }
}
