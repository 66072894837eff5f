package com.texterchat.testkit.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.internal.Json;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.TexterSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock response transformer of the simulator: the general answer of every operation (its default stub)
 * names it, so a request that no fault or stubbing helper claimed is answered from the {@link SimModel}. Requests
 * reach it after the spec check, so they are well-formed; its success answers are checked against the operation's
 * response schema like stubbed answers.
 */
public final class SimResponder implements ResponseDefinitionTransformerV2 {

    /** The transformer's name, which the default stubs of a simulator carry. */
    public static final String NAME = "texter-simulator";

    /** How many answers of each operation are all checked against the spec before one in as many is. */
    static final int CHECKED_IN_FULL = 100;

    private final SimOperations operations;
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    private volatile @Nullable TexterMockServer server;

    /** A responder over the model's operations. */
    public SimResponder(SimOperations operations) {
        this.operations = operations;
    }

    /** The server whose spec-violation log records answers that do not fit the spec; set once it started. */
    public void server(TexterMockServer started) {
        this.server = started;
    }

    /** The response of an operation's default stub: answered by this transformer. */
    public static ResponseDefinition answer(SpecOperation operation) {
        return StubFactory.success(operation, "").withTransformers(NAME).build();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String operationId = serveEvent.getStubMapping().getMetadata().getString(StubFactory.OPERATION_KEY);
        SpecOperation operation = TexterSpec.get().operation(operationId);
        Request request = serveEvent.getRequest();
        return like(serveEvent.getResponseDefinition(), reply(operation, request.getUrl(), request.getBody())
                .definition());
    }

    /**
     * The model's answer to a request that passed the spec check: what the operation's default stub answers when
     * nothing else claimed the request (through WireMock, as {@link #transform}; or on the simulator's direct lane).
     *
     * @param operation the operation the request is for
     * @param url       its path and query as sent
     * @param bytes     its body, null or empty for none
     */
    public ServerHooks.Reply reply(SpecOperation operation, String url, byte @Nullable [] bytes) {
        Map<String, String> path = operation.pathParameterValues(StubFactory.rawPath(url));
        JsonNode body = bytes == null || bytes.length == 0 ? MissingNode.getInstance()
                : Json.tree(new String(bytes, StandardCharsets.UTF_8), "request body");
        SimReply reply = operations.handle(operation, path, query(url), body);
        if (reply.isSuccess()) {
            check(operation, reply);
        }
        if (!reply.isSuccess() || reply.status() != operation.status()) {
            return new ServerHooks.Reply(reply.status(), StubFactory.JSON, reply.body());
        }
        // the operation's success answer: its content type, and no body where the spec gives it none
        String type = StubFactory.successContentType(operation);
        return new ServerHooks.Reply(reply.status(), type, type == null ? "" : reply.body());
    }

    private void check(SpecOperation operation, SimReply reply) {
        TexterMockServer current = server;
        if (current != null && checksAnswer(operation)) {
            MockServerAccess.bridge().checkAnswer(current, operation, reply.body());
        }
    }

    /**
     * Whether this answer of the operation is checked against its response schema: each of the first
     * {@value #CHECKED_IN_FULL} answers of an operation, then one in {@value #CHECKED_IN_FULL}. A test sees every
     * answer it gets checked; a long run (a load test, a benchmark) does not spend a third of the simulator's time
     * re-checking answers of a shape already checked a hundred times.
     */
    boolean checksAnswer(SpecOperation operation) {
        long n = answered.computeIfAbsent(operation.id(), id -> new AtomicLong()).getAndIncrement();
        return n < CHECKED_IN_FULL || n % CHECKED_IN_FULL == 0;
    }

    /** Starts the count of checked answers over, for the next test (the simulator's reset). */
    public void reset() {
        answered.clear();
    }

    /** The answer, keeping the stub's delay (a latency fault copies the default stub's response). */
    private static ResponseDefinition like(ResponseDefinition stubbed, ResponseDefinition answer) {
        if (stubbed.getFixedDelayMilliseconds() == null) {
            return answer;
        }
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(answer)
                .withFixedDelay(stubbed.getFixedDelayMilliseconds()).build();
    }

    static Map<String, List<String>> query(String url) {
        int start = url.indexOf('?');
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (start < 0) {
            return query;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
