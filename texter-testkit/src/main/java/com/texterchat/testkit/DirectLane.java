package com.texterchat.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.testkit.internal.RequestJournal;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.SpecValidator;
import com.texterchat.testkit.internal.TexterSpec;
import com.texterchat.testkit.internal.sim.ServerHooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpField;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The simulator's way past WireMock's request pipeline. WireMock spends about 1 ms of CPU on every request on this
 * machine before any answer is computed (its journal entry parses the URL and copies the headers into immutable
 * maps, every stub is matched, the response is rendered through several layers); Jetty itself, with the SDK's
 * client, serves a request in about 0.2 ms. While a simulator's stubs are the ones it started with, every request
 * with a token that names an operation would be answered by that operation's default stub, whose transformer asks
 * the model. This Jetty handler, in front of WireMock's, gives the same answer directly:
 *
 * <ul>
 *   <li>the request gets the same spec check ({@link SpecCheckFilter#refuse} records and answers a violation);</li>
 *   <li>a valid one is answered by {@link ServerHooks.DirectAnswers}, the transformer's own code;</li>
 *   <li>it is recorded in WireMock's request journal before the answer is sent, as WireMock records it, so
 *       {@code verify()}, {@code wireMock().getAllServeEvents()} and WireMock's verification see it; the journal
 *       entry is built from what was received when the journal is first read.</li>
 * </ul>
 *
 * <p>Everything else goes to WireMock unchanged: a request outside the API's base path, without a Bearer token,
 * with cookies or a body that is not JSON (WireMock parses form fields and parts into its journal), that names no
 * operation, and every request while a test's stubs, faults or a global delay are in place.
 */
final class DirectLane extends HandlerWrapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The header WireMock adds to an answer from a stub: the stub's id. */
    private static final String MATCHED_STUB = "Matched-Stub-Id";

    private final ServerHooks.DirectAnswers answers;
    private final SpecViolationLog log;
    private final RequestJournal journal;
    private final String basePrefix;
    private volatile @Nullable TexterMockServer server;
    private final AtomicLong answered = new AtomicLong();

    DirectLane(ServerHooks.DirectAnswers answers, SpecViolationLog log, RequestJournal journal) {
        this.answers = answers;
        this.log = log;
        this.journal = journal;
        this.basePrefix = TexterSpec.get().basePath() + "/";
    }

    /** Opens the lane once the server stands with its default stubs; until then WireMock answers everything. */
    void open(TexterMockServer started) {
        this.server = started;
    }

    /** How many requests the lane answered (for the test kit's own tests). */
    long answered() {
        return answered.get();
    }

    /** A WireMock server factory whose Jetty server has this lane in front of WireMock's handlers. */
    HttpServerFactory serverFactory() {
        return new HttpServerFactory() {
            @Override
            public HttpServer buildHttpServer(Options options, AdminRequestHandler admin,
                    StubRequestHandler stubs) {
                return new LaneJettyServer(options, admin, stubs, DirectLane.this);
            }
        };
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        TexterMockServer current = server;
        if (current != null) {
            SpecOperation operation = takes(current, request);
            if (operation != null) {
                answer(current, operation, base, request, response);
                return;
            }
        }
        super.handle(target, base, request, response);
    }

    /** The operation a request is for when the lane answers it; null when WireMock does. */
    private @Nullable SpecOperation takes(TexterMockServer current, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith(basePrefix)
                || !SpecValidator.hasBearerToken(request.getHeader("Authorization"))
                || request.getHeader("Cookie") != null) {
            return null;
        }
        String type = request.getContentType();
        if (type != null && !type.regionMatches(true, 0, "application/json", 0, 16)) {
            return null;
        }
        SpecOperation operation = TexterSpec.get().operationFor(request.getMethod(), path);
        return operation != null && current.startedStubsOnly() ? operation : null;
    }

    private void answer(TexterMockServer current, SpecOperation operation, Request base, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String method = request.getMethod();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String url = query == null ? path : path + "?" + query;
        SpecValidator.Verdict verdict = SpecValidator.get().checkRequest(method, url, request::getHeader,
                new String(body, StandardCharsets.UTF_8));
        boolean valid = verdict.violations().isEmpty();
        ServerHooks.Reply answer = valid ? answers.answer(operation, url, body)
                // the token was checked before: a refusal here is a 400, never the auth stubs' 401
                : ServerHooks.Reply.of(Objects.requireNonNull(SpecCheckFilter.refuse(verdict, method, path, log),
                        "refusal"));
        // WireMock names the stub that answered (the operation's default one); a refusal comes from no stub
        StubMapping stub = valid ? current.startedDefault(operation) : null;
        Received received = new Received(nextId(), method, url,
                request.getRequestURL().append(query == null ? "" : "?" + query).toString(), request.getRemoteAddr(),
                request.getProtocol(), headers(base), body, System.currentTimeMillis(), stub, answer);
        journal.addLater(received.id(), received::event); // before the answer leaves, as WireMock records it
        answered.incrementAndGet();
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setHeader("Content-Type", answer.contentType());
        }
        if (stub != null) {
            response.setHeader(MATCHED_STUB, stub.getId().toString());
        }
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
        base.setHandled(true);
    }

    /** A random (version 4) id, without the lock of {@link UUID#randomUUID()}'s secure random. */
    private static UUID nextId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The request's header fields, in order, as name-value pairs. */
    private static String[] headers(Request base) {
        String[] pairs = new String[base.getHttpFields().size() * 2];
        int i = 0;
        for (HttpField field : base.getHttpFields()) {
            pairs[i++] = field.getName();
            pairs[i++] = field.getValue();
        }
        return pairs;
    }

    /** What the lane received and answered; becomes WireMock's serve event when the journal is read. */
    private record Received(UUID id, String method, String url, String absoluteUrl, String clientIp, String protocol,
            String[] headers, byte[] body, long receivedAt, @Nullable StubMapping stub, ServerHooks.Reply answer) {

        ServeEvent event() {
            // WireMock's own JSON form of a logged request: its public creator is the JSON one
            ObjectNode json = NODES.objectNode();
            json.put("url", url);
            json.put("absoluteUrl", absoluteUrl);
            json.put("method", method);
            json.put("clientIp", clientIp);
            Map<String, ArrayNode> byName = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                byName.computeIfAbsent(headers[i], name -> NODES.arrayNode()).add(headers[i + 1]);
            }
            ObjectNode headerNode = json.putObject("headers");
            byName.forEach(headerNode::set);
            json.putObject("cookies");
            json.put("browserProxyRequest", false);
            json.put("loggedDate", receivedAt);
            json.put("bodyAsBase64", Base64.getEncoder().encodeToString(body));
            json.put("protocol", protocol);
            LoggedRequest request = Json.read(json.toString(), LoggedRequest.class);
            ResponseDefinition definition = answer.definition();
            HttpHeaders sent = definition.getHeaders() == null ? new HttpHeaders() : definition.getHeaders();
            if (stub != null) {
                sent = sent.plus(new HttpHeader(MATCHED_STUB, stub.getId().toString()));
            }
            LoggedResponse response = new LoggedResponse(answer.status(), sent,
                    Base64.getEncoder().encodeToString(answer.body().getBytes(StandardCharsets.UTF_8)), null, null);
            return new ServeEvent(id, request, stub, definition, response, true, Timing.UNTIMED,
                    new ConcurrentLinkedQueue<>());
        }
    }

    /** WireMock's Jetty server, with the lane wrapped around the handlers WireMock installed. */
    private static final class LaneJettyServer extends Jetty11HttpServer {
        LaneJettyServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs, DirectLane lane) {
            super(options, admin, stubs);
            lane.setHandler(jettyServer.getHandler());
            jettyServer.setHandler(lane);
        }
    }
}
