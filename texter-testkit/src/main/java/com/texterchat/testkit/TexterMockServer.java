package com.texterchat.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.texterchat.Texter;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.testkit.internal.Phones;
import com.texterchat.testkit.internal.RoutingStores;
import com.texterchat.testkit.internal.SamePhoneMatcher;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.SpecValidator;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.TexterSpec;
import com.texterchat.testkit.internal.sim.MockServerAccess;
import com.texterchat.testkit.internal.sim.ServerHooks;
import com.texterchat.testkit.simulator.WebhookDelivery;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A Texter stand-in for tests: a real HTTP server (WireMock) on {@code 127.0.0.1} and a random port that
 * answers every operation of Texter's {@code openapi.json} with the spec's example response.
 *
 * <pre>{@code
 * try (TexterMockServer texter = TexterMockServer.start()) {
 *     Texter client = texter.texter();                // the SDK's entry object, already pointed at the server
 *     texter.stubs().chatExists("972521234567");      // Search Chats now finds this chat
 *     myService.notifyOrderReady("972521234567");     // your code, configured with texter.apiBaseUrl()
 *     SendTemplateRequest sent = texter.verify().templateSentTo("972521234567");
 * }
 * }</pre>
 *
 * <p>What the server does:
 * <ul>
 *   <li>Every operation answers its 2xx status with the spec example (the first, or the one named
 *       {@code default}, where there are several), {@code OK} as plain text where the spec says so. The
 *       examples come from the {@code openapi.json} inside {@code texter-api-generated}, so they follow the
 *       spec whenever the client is regenerated.</li>
 *   <li>Requests without {@code Authorization: Bearer <token>} get 401, like Texter; any token is accepted.</li>
 *   <li>Every request to the API is checked against the spec first (parameters with their literal names, content
 *       type, body schema): one Texter would refuse is answered 400 with Texter's JSON error body
 *       ({@code success: false} and what was wrong), an unknown path or method 404, and each finding is listed by
 *       {@link TexterRequests#specViolations()}; {@code @TexterTest} fails the test over them unless it
 *       {@linkplain #allowSpecViolations(String) allows them}. Answers stubbed through {@link #stubs()} are checked
 *       against the operation's response schema the same way; raw WireMock stubs are not checked.</li>
 *   <li>{@link #stubs()} changes answers in Texter's terms, {@link #fault(String)} injects failures,
 *       {@link #verify()} returns what was sent as the generated request models, and {@link #wireMock()}
 *       gives raw WireMock access for anything else.</li>
 *   <li>Phone numbers compare as Texter compares them: {@code 0521234567}, {@code 972521234567} and
 *       {@code +972 52-123-4567} are one contact in a project whose default country is Israel. The default country
 *       is {@value #DEFAULT_COUNTRY} unless set with {@link Builder#defaultCountry(String)} (or
 *       {@code @TexterTest(defaultCountry = ...)}).</li>
 *   <li>{@link #reset()} brings back the default answers and forgets recorded requests; the JUnit extension
 *       ({@code @TexterTest}) calls it before each test.</li>
 * </ul>
 *
 * <p>Operations are named by their operationId, which is also the generated client's method name
 * ({@code sendTemplateMessage}, {@code searchChats}, ...). Thread-safe; a test class usually shares one
 * instance across its tests, which then must take turns (the JUnit extension sees to that).
 */
public final class TexterMockServer implements AutoCloseable {

    /** The (fake) API token the {@linkplain #client() ready-made client} sends. The server accepts any token. */
    public static final String TOKEN = "texter-testkit-fake-token";

    /**
     * The default country of the mock project unless {@link Builder#defaultCountry(String)} says otherwise: Israel,
     * Texter's home market, whose numbers Texter's reference and this kit's examples use.
     */
    public static final String DEFAULT_COUNTRY = Phones.DEFAULT_COUNTRY;

    private static final MappingsSource NO_FILES = new NoMappingFiles();
    private static final HttpClientFactory NO_OUTGOING_CALLS = (options, trustAll, trustedHosts, systemProperties) ->
            request -> {
                throw new UnsupportedOperationException("The Texter mock server makes no outgoing calls (no proxying,"
                        + " no WireMock webhooks); use WebhookSender to POST webhooks to your receiver");
            };

    static {
        // lets the simulator (com.texterchat.testkit.simulator) start a server answering from its model, without
        // making that a public API of this class
        MockServerAccess.install(new MockServerAccess.Bridge() {
            @Override
            public TexterMockServer start(String defaultCountry, ServerHooks hooks) {
                return TexterMockServer.start(defaultCountry, hooks);
            }

            @Override
            public void checkAnswer(TexterMockServer server, SpecOperation operation, String body) {
                server.checkStub(operation, body);
            }
        });
    }

    private final TexterSpec spec;
    private final @Nullable ServerHooks hooks;
    private final WireMockServer wireMock;
    private final RoutingStores stores;
    private final @Nullable DirectLane lane;
    private final Map<UUID, StubMapping> pristine = new HashMap<>();
    private final Map<String, StubMapping> defaultStubs = new HashMap<>();
    private final Map<String, StubMapping> currentDefaults = new HashMap<>();
    private final Map<String, Integer> faultSteps = new HashMap<>();
    private final TexterStubs stubs;
    private final TexterRequests requests;
    private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();
    private final SpecViolationLog violations;
    private volatile @Nullable TexterClient client;
    private final int port;
    private final String host;
    private final String defaultCountry;
    private volatile boolean closed;

    private TexterMockServer(TexterSpec spec, WireMockServer wireMock, RoutingStores stores,
            @Nullable DirectLane lane, SpecViolationLog violations, String defaultCountry,
            @Nullable ServerHooks hooks) {
        this.spec = spec;
        this.stores = stores;
        this.lane = lane;
        this.hooks = hooks;
        this.violations = violations;
        this.wireMock = wireMock;
        this.defaultCountry = defaultCountry;
        this.port = wireMock.port();
        this.host = urlHost(wireMock.getOptions().bindAddress());
        this.stubs = new TexterStubs(this);
        this.requests = new TexterRequests(this);
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port, with the default answers of every operation and
     * {@value #DEFAULT_COUNTRY} as the project's default country. Close it when done (try-with-resources, or let
     * the JUnit extension do it). Same as {@code builder().start()}.
     */
    public static TexterMockServer start() {
        return builder().start();
    }

    /**
     * Settings for a server to start, e.g. {@code TexterMockServer.builder().defaultCountry("US").start()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    private static TexterMockServer start(String defaultCountry, @Nullable ServerHooks hooks) {
        // The spec is read and the default stubs are built (once per JVM) while WireMock starts.
        StubFactory.loadInBackground();
        SpecViolationLog violations = new SpecViolationLog();
        WireMockConfiguration options = options().extensions(new SpecCheckFilter(violations));
        RoutingStores stores = (RoutingStores) options.getStores();
        DirectLane lane = null;
        if (hooks != null) {
            options.extensions(hooks.extensions().toArray(new com.github.tomakehurst.wiremock.extension.Extension[0]));
            options.port(hooks.port()).bindAddress(hooks.bindAddress());
            ServerHooks.DirectAnswers direct = hooks.direct();
            if (direct != null) {
                lane = new DirectLane(direct, violations, stores.journal());
                options.httpServerFactory(lane.serverFactory());
            }
        }
        WireMockServer wireMock = new WireMockServer(options);
        wireMock.start();
        try {
            List<StubMapping> defaults = StubFactory.defaultStubs();
            TexterMockServer server = new TexterMockServer(TexterSpec.get(), wireMock, stores, lane, violations,
                    defaultCountry, hooks);
            server.installPristineStubs(defaults);
            if (lane != null) {
                lane.open(server);
            }
            return server;
        } catch (RuntimeException | Error e) {
            wireMock.stop();
            throw e;
        }
    }

    /**
     * The mock project's default country (ISO 3166-1 alpha-2, upper case): the country of numbers written in
     * national form, such as {@code 0521234567} in {@code IL}.
     */
    public String defaultCountry() {
        return defaultCountry;
    }

    /** The server's root URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    /** The host of the URLs: the bound address, 127.0.0.1 for a wildcard (0.0.0.0, ::), IPv6 in brackets. */
    private static String urlHost(String bindAddress) {
        if (bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]")) {
            return "127.0.0.1";
        }
        return bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
    }

    /**
     * The URL to configure as the Texter base URL in the code under test, e.g.
     * {@code http://127.0.0.1:<port>/server/api/v2} (what {@code https://<project>.texterchat.com/server/api/v2}
     * is in production).
     */
    public String apiBaseUrl() {
        return baseUrl() + spec.basePath();
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /**
     * A client pointed at this server with the {@linkplain #TOKEN fake token}, built on first use. It uses
     * short timeouts (connect 2 s, read 10 s) so a test that goes wrong fails quickly; use
     * {@link #clientBuilder()} for other settings.
     */
    public TexterClient client() {
        TexterClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = clientBuilder().build();
                    client = current;
                }
            }
        }
        return current;
    }

    /**
     * The SDK's entry object over {@link #client()}: every API group and the DSL's validated flows, pointed at
     * this server.
     */
    public Texter texter() {
        return Texter.of(client());
    }

    /**
     * A client builder with this server's {@link #apiBaseUrl()}, the fake token, short timeouts and
     * {@link #retryPolicy()} preset: its clients retry like production clients but never really wait.
     */
    public TexterClient.Builder clientBuilder() {
        return TexterClient.builder().baseUrl(apiBaseUrl()).token(TOKEN)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10))
                .retryPolicy(retryPolicy());
    }

    /**
     * The retry policy of {@link #client()} and {@link #clientBuilder()}: {@link RetryPolicy#defaults()}, except
     * that the waits between attempts ({@code Retry-After}, backoff) are recorded in {@link #retryWaits()} instead
     * of spent, so a test of a 429 with {@code Retry-After: 5} retries at once. Start from it
     * ({@code retryPolicy().toBuilder()}) to change other settings and keep the recording.
     */
    public RetryPolicy retryPolicy() {
        return RetryPolicy.defaults().toBuilder().sleeper(retryWaits::add).build();
    }

    /**
     * The waits the clients of this server would have slept before retrying, oldest first, since the start or the
     * last {@link #reset()}: e.g. {@code [PT5S]} after one 429 with {@code Retry-After: 5}.
     */
    public List<Duration> retryWaits() {
        return List.copyOf(retryWaits);
    }

    /** Stubbing helpers: what Texter answers, in Texter's terms. */
    public TexterStubs stubs() {
        return stubs;
    }

    /** Verification helpers: what the code under test sent, as the generated request models. */
    public TexterRequests verify() {
        return requests;
    }

    /**
     * Fault injection for one operation, e.g. {@code fault("sendTemplateMessage").times(1).rateLimited(...)}.
     *
     * @param operationId the operationId (the generated client's method name); unknown IDs are rejected
     *                    with the list of known ones
     */
    public TexterFault fault(String operationId) {
        return new TexterFault(this, spec.operation(operationId), 0);
    }

    /**
     * Lets requests of one operation break the spec until the next {@link #reset()}, e.g. in a test that checks
     * how the code under test handles Texter's 400: they are still answered 400 and listed by
     * {@link TexterRequests#specViolations()}, but {@link TexterRequests#noSpecViolations()} and
     * {@code @TexterTest} no longer fail on them. Answers stubbed for the operation that do not fit its response
     * schema are allowed too.
     *
     * @param operationId the operationId; unknown IDs are rejected with the list of known ones
     * @return this server
     */
    public TexterMockServer allowSpecViolations(String operationId) {
        violations.allow(spec.operation(operationId).id());
        return this;
    }

    /**
     * Lets every request and stubbed answer break the spec until the next {@link #reset()} (unknown paths
     * included); see {@link #allowSpecViolations(String)}.
     *
     * @return this server
     */
    public TexterMockServer allowSpecViolations() {
        violations.allowAll();
        return this;
    }

    /** The operationIds the server answers, in spec order. */
    public Set<String> operationIds() {
        return spec.operations().keySet();
    }

    /** The underlying WireMock server, for stubbing or verification the helpers do not cover. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /**
     * Brings the server back to its just-started state: removes every stub added since (helpers, faults, raw
     * WireMock stubs), restores the default answers, resets scenarios and forgets recorded requests and retry waits.
     */
    public synchronized void reset() {
        wireMock.resetRequests();
        wireMock.resetScenarios();
        Map<StubMapping, Boolean> present = new IdentityHashMap<>();
        for (StubMapping stub : wireMock.getStubMappings()) {
            if (pristine.get(stub.getId()) == stub) {
                present.put(stub, Boolean.TRUE);
            } else {
                wireMock.removeStubMapping(stub.getId());
            }
        }
        for (StubMapping stub : pristine.values()) {
            if (!present.containsKey(stub)) {
                wireMock.addStubMapping(stub);
            }
        }
        currentDefaults.clear();
        currentDefaults.putAll(defaultStubs);
        faultSteps.clear();
        retryWaits.clear();
        violations.clear();
        stubs.forget();
        if (hooks != null) {
            hooks.reset();
        }
    }

    /** Stops the server. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            wireMock.stop();
        }
    }

    @Override
    public String toString() {
        return "TexterMockServer[" + (closed ? "closed" : apiBaseUrl()) + "]";
    }

    TexterSpec spec() {
        return spec;
    }

    SpecViolationLog violations() {
        return violations;
    }

    /** The webhooks the simulator's subscriptions delivered since the last reset; none for a plain mock server. */
    List<WebhookDelivery> webhookDeliveries() {
        return hooks == null ? List.of() : hooks.deliveries();
    }

    /** Checks an answer stubbed through the helpers against the operation's response schema, and records misfits. */
    void checkStub(SpecOperation operation, @Nullable String body) {
        List<SpecViolation> found = new java.util.ArrayList<>();
        for (SpecValidator.Violation v : SpecValidator.get().checkResponse(operation, body == null ? "" : body)) {
            found.add(new SpecViolation(SpecViolation.Source.STUB, operation.id(), operation.method(),
                    spec.basePath() + operation.pathTemplate(), v.in(), v.pointer(), v.rule(), v.value(), 0));
        }
        violations.record(found);
    }

    SpecOperation operation(String operationId) {
        return spec.operation(operationId);
    }

    /** The simulator's direct lane past WireMock's pipeline; null for a stub-mode server. */
    @Nullable DirectLane lane() {
        return lane;
    }

    /** Whether the stubs are the ones the server started with, and no global delay is set (see DirectLane). */
    boolean startedStubsOnly() {
        return stores.holdsOnly(pristine);
    }

    /** The default stub the server started with for an operation. */
    StubMapping startedDefault(SpecOperation operation) {
        return defaultStubs.get(operation.id());
    }

    /** Replaces an operation's general answer (the default slot); {@link #reset()} restores the spec example. */
    synchronized void replaceDefault(SpecOperation operation, StubMapping replacement) {
        StubMapping previous = currentDefaults.put(operation.id(), replacement);
        if (previous != null) {
            wireMock.removeStubMapping(previous.getId());
        }
        wireMock.addStubMapping(replacement);
    }

    /** The stub currently answering the operation in general (the spec example, or what replaced it). */
    synchronized StubMapping currentDefault(SpecOperation operation) {
        return currentDefaults.get(operation.id());
    }

    /** Reserves the next {@code count} steps of an operation's fault sequence; returns the first step's index. */
    synchronized int reserveFaultSteps(String operationId, int count) {
        int first = faultSteps.getOrDefault(operationId, 0);
        faultSteps.put(operationId, first + count);
        return first;
    }

    private void installPristineStubs(List<StubMapping> defaults) {
        for (StubMapping stub : defaults) {
            String operationId = stub.getMetadata().getString(StubFactory.OPERATION_KEY);
            ResponseDefinition answer = hooks == null ? null : hooks.answer(spec.operation(operationId));
            if (answer != null) {
                stub.setResponse(answer);
            }
            defaultStubs.put(operationId, stub);
            pristine.put(stub.getId(), stub);
            wireMock.addStubMapping(stub);
        }
        for (StubMapping stub : StubFactory.authStubs()) {
            pristine.put(stub.getId(), stub);
            wireMock.addStubMapping(stub);
        }
        currentDefaults.putAll(defaultStubs);
    }

    private static WireMockConfiguration options() {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // Keep start-up lean: no HTTP/2 connectors, no response templating, no XML factory tuning,
                // no mapping files from the working directory.
                .http2PlainDisabled(true)
                .http2TlsDisabled(true)
                .templatingEnabled(false)
                .globalTemplating(false)
                .disableOptimizeXmlFactoriesLoading(true)
                .extensionScanningEnabled(false)
                .gzipDisabled(true)
                .stubCorsEnabled(false)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .jettyStopTimeout(0L)
                .mappingSource(NO_FILES)
                // the phone matcher of the stubbing helpers (explicit: extension scanning is off)
                .extensions(new SamePhoneMatcher())
                // no proxying and no outgoing WireMock webhooks: skips building an HTTP client and loading
                // the JDK trust store, a good part of WireMock's start-up time
                .httpClientFactory(NO_OUTGOING_CALLS)
                // errors only, e.g. WireMock's report on a request that no stub matched
                .notifier(new ConsoleNotifier(false))
                // WireMock builds an INFO line per request (the matched stub as JSON) even when the notifier drops
                // it; the first such line alone costs ~100 ms of Jackson set-up, then one JSON rendering per request
                .stubRequestLoggingDisabled(true);
        // routes a request among the ~50 default stubs by method and path before WireMock matches any in full
        return options.withStores(new RoutingStores(options.filesRoot()));
    }

    /**
     * Settings of a {@link TexterMockServer} to start; from {@link TexterMockServer#builder()}. Not thread-safe;
     * each {@link #start()} starts a new server.
     */
    public static final class Builder {

        private String defaultCountry = DEFAULT_COUNTRY;

        private Builder() {
        }

        /**
         * The project's default country, as set in Texter: phone numbers in national form belong to it, so with
         * {@code IL} the stubs and checks take {@code 0521234567} for {@code +972521234567}. Defaults to
         * {@value TexterMockServer#DEFAULT_COUNTRY}.
         *
         * @param country an ISO 3166-1 alpha-2 code such as {@code IL}, {@code US} or {@code GB} (any case)
         * @throws IllegalArgumentException for anything else, naming the option
         */
        public Builder defaultCountry(String country) {
            this.defaultCountry = Phones.country(country, "defaultCountry");
            return this;
        }

        /** Starts a server with these settings; see {@link TexterMockServer#start()}. */
        public TexterMockServer start() {
            return TexterMockServer.start(defaultCountry, null);
        }

        @Override
        public String toString() {
            return "TexterMockServer.Builder[defaultCountry=" + defaultCountry + "]";
        }
    }

    /** The server's stubs live in memory only: nothing is loaded from or saved to {@code mappings/} files. */
    private static final class NoMappingFiles implements MappingsSource {
        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
            // nothing to load
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
            // nothing to save
        }

        @Override
        public void save(StubMapping stubMapping) {
            // nothing to save
        }

        @Override
        @SuppressWarnings("removal") // still abstract in the interface, so it must be implemented
        public void remove(StubMapping stubMapping) {
            // nothing saved
        }

        @Override
        public void removeAll() {
            // nothing saved
        }
    }
}
