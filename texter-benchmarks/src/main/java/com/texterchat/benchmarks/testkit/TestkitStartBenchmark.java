package com.texterchat.benchmarks.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.texterchat.api.ChatsApi;
import com.texterchat.benchmarks.Payloads;
import com.texterchat.benchmarks.client.CannedTexterServer;
import com.texterchat.benchmarks.client.SdkCalls;
import com.texterchat.client.TexterClient;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.testkit.TexterMockServer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from starting the test kit to its first stubbed answer. Target: at most 1 s.
 *
 * <ul>
 *   <li>{@code via=server}: {@link TexterMockServer#start()}, then Search Chats through {@code server.client()}.</li>
 *   <li>{@code via=junit}: the JUnit Platform launcher runs {@link SearchChatsTestClass} ({@code @TexterTest}): the
 *       extension starts the server, injects the client, the test gets its answer, and the server stops with the
 *       class.</li>
 *   <li>{@code via=wiremock}: not the kit, its floor: a bare {@link WireMockServer} with the kit's lean settings
 *       (no templating, no HTTP/2, no mapping files, no outgoing client, no request log), one raw stub with a
 *       Search Chats answer, and the same call through an SDK client. No spec, no validator, no default stubs.</li>
 *   <li>{@code firstStart}: the first start in a fresh JVM, one shot per fork, many forks.</li>
 *   <li>{@code nextStart}: a later start in the same JVM, what each further test class pays.</li>
 * </ul>
 *
 * <p>Before measuring, each fork loads what a test JVM has loaded anyway before its first test class that uses
 * the kit: the SDK (one real call), the JDK's HTTP client and, for {@code junit}, JUnit's engine (one plain test
 * class). The measured time is then the kit's own: WireMock, Jetty, the spec and the default stubs.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.SingleShotTime)
public class TestkitStartBenchmark {

    /** Through the server's API, the JUnit extension, or WireMock alone. */
    @Param({"server", "junit", "wiremock"})
    public String via;

    private @Nullable WireMockServer bare;

    private Launcher launcher;
    private @Nullable TexterMockServer server;

    /**
     * Loads the SDK, the JDK's HTTP client and JUnit, not the kit.
     *
     * @throws IOException when the warm-up server cannot start
     */
    @Setup(Level.Trial)
    public void loadWhatATestJvmHasAlready() throws IOException {
        try (CannedTexterServer canned = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                Payloads.searchChatsAnswer(1));
             SdkCalls sdk = new SdkCalls(canned.apiBaseUrl(), "warm-up-token")) {
            sdk.searchChats(SearchChatsTestClass.PHONE, 30);
        }
        if ("junit".equals(via)) {
            launcher = LauncherFactory.create();
            run(SearchChatsTestClass.WithoutTheKit.class);
        }
    }

    /**
     * The first start in a fresh JVM.
     *
     * @return the answer (or JUnit's summary)
     */
    @Benchmark
    @Fork(value = 12)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Object firstStart() {
        return startAndGetFirstAnswer();
    }

    /**
     * A later start in the same JVM: the 11th to 30th server of the fork.
     *
     * @return the answer (or JUnit's summary)
     */
    @Benchmark
    @Fork(value = 2)
    @Warmup(iterations = 10)
    @Measurement(iterations = 20)
    public Object nextStart() {
        return startAndGetFirstAnswer();
    }

    /** Stops the server the iteration started (the JUnit extension stops its own). */
    @TearDown(Level.Iteration)
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (bare != null) {
            bare.stop();
            bare = null;
        }
    }

    private Object startAndGetFirstAnswer() {
        if ("junit".equals(via)) {
            return run(SearchChatsTestClass.class);
        }
        ChatSearchResult found;
        if ("wiremock".equals(via)) {
            found = wireMockAlone();
        } else {
            server = TexterMockServer.start();
            found = server.client().chats()
                    .searchChats(new ChatsApi.SearchChatsQueryParams().search(SearchChatsTestClass.PHONE));
        }
        if (found.getData() == null || found.getData().isEmpty()) {
            throw new IllegalStateException("the mock server answered Search Chats without chats");
        }
        return found;
    }

    /** WireMock with the kit's lean settings and one raw stub, asked through an SDK client. */
    private ChatSearchResult wireMockAlone() {
        WireMockServer started = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true).http2TlsDisabled(true)
                .templatingEnabled(false).globalTemplating(false)
                .disableOptimizeXmlFactoriesLoading(true).extensionScanningEnabled(false)
                .gzipDisabled(true).stubCorsEnabled(false).jettyStopTimeout(0L)
                .httpClientFactory((options, trustAll, trustedHosts, systemProperties) -> request -> {
                    throw new UnsupportedOperationException("no outgoing calls");
                })
                .notifier(new ConsoleNotifier(false)).stubRequestLoggingDisabled(true));
        started.start();
        bare = started;
        started.stubFor(get(urlPathEqualTo("/server/api/v2/chats/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Payloads.searchChatsAnswer(1))));
        TexterClient client = TexterClient.builder().baseUrl(started.baseUrl() + "/server/api/v2")
                .token("bench-token").build();
        return client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(SearchChatsTestClass.PHONE));
    }

    private TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
            StringBuilder failures = new StringBuilder();
            summary.getFailures().forEach(f -> failures.append(System.lineSeparator()).append(f.getException()));
            throw new IllegalStateException(testClass.getSimpleName() + " did not pass: " + summary.getTestsFoundCount()
                    + " found, " + summary.getTestsSucceededCount() + " passed" + failures);
        }
        return summary;
    }
}
