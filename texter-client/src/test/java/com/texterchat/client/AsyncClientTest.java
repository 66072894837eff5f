package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.texterchat.client.testsupport.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.texterchat.api.LabelsApi;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterNotFoundException;
import com.texterchat.client.error.TexterOperationFailedException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.testsupport.LogCapture;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.Label;
import com.texterchat.model.LabelList;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The asynchronous view against WireMock: answers, errors, retries, deadlines, logging, paging and threads. */
@Timeout(60)
class AsyncClientTest {

    private static final String LABEL = "{\"id\":\"VIP\",\"name\":\"VIP\"}";
    private static final String CHAT = "67bf11038b24880cc966f799";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void anOperationCompletesWithTheDecodedAnswerAndSendsWhatTheBlockingOneSends() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).willReturn(okJson(LABEL)));
        try (TexterClient client = server.client()) {
            Label label = client.async().labels().getLabel("VIP").get(10, TimeUnit.SECONDS);
            Label blocking = client.labels().getLabel("VIP");

            assertThat(label).isEqualTo(blocking);
            assertThat(label.getName()).isEqualTo("VIP");
            List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = server.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TestServer.TOKEN);
            assertThat(requests.get(0).getHeader("User-Agent")).isEqualTo(requests.get(1).getHeader("User-Agent"));
            assertThat(requests.get(0).getHeader("Accept-Encoding")).isEqualTo("gzip");
            assertThat(client.async()).isSameAs(client.async());
        }
    }

    @Test
    void aFutureCompletesOnAThreadOfTheClient() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).willReturn(okJson(LABEL)));
        try (TexterClient client = server.client()) {
            for (int i = 0; i < 5; i++) {
                // not on a thread started for the callback (CompletableFuture's default executor when the common
                // pool is small, where the JDK client hands its own futures), nor in the common pool
                String thread = client.async().labels().getLabel("VIP")
                        .thenApply(label -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
                assertThat(thread).startsWith("texter-http-");
            }
        }
    }

    @Test
    void callsStartNoThreadEach() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).willReturn(okJson(LABEL)));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (TexterClient client = server.client()) {
            for (int i = 0; i < 10; i++) { // the client's workers and the server's threads are started by now
                client.async().labels().getLabel("VIP").get(10, TimeUnit.SECONDS);
            }
            long before = threads.getTotalStartedThreadCount();
            int calls = 100;
            for (int i = 0; i < calls; i++) {
                assertThat(client.async().labels().getLabel("VIP").get(10, TimeUnit.SECONDS).getId()).isEqualTo("VIP");
            }
            // The JDK client completes the future of sendAsync through CompletableFuture's default executor, a new
            // thread per task when the common pool has fewer than two threads; the SDK's futures must not wait
            // for that.
            assertThat(threads.getTotalStartedThreadCount() - before).as("threads started for %s calls", calls)
                    .isLessThan(10);
        }
    }

    @Test
    void theQueryParamsOverloadSendsThePositionalRequest() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels"))
                .willReturn(okJson("{\"total\":0,\"labels\":[]}")));
        try (TexterClient client = server.client()) {
            LabelList list = client.async().labels()
                    .listLabels(new LabelsApi.ListLabelsQueryParams().limit(5).skip(10)).get(10, TimeUnit.SECONDS);

            assertThat(list.getTotal()).isZero();
            server.wireMock().verify(getRequestedFor(urlPathEqualTo(API + "/labels"))
                    .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("5"))
                    .withQueryParam("skip", com.github.tomakehurst.wiremock.client.WireMock.equalTo("10")));
        }
    }

    @Test
    void aFailureCompletesTheFutureWithTheTexterExceptionItself() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/nope"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"no such label\"}")));
        try (TexterClient client = server.client()) {
            CompletableFuture<Label> future = client.async().labels().getLabel("nope");
            Throwable seen = future.handle((value, error) -> error).join();

            assertThat(seen).isInstanceOf(TexterNotFoundException.class)
                    .hasMessageContaining("getLabel (GET /labels/nope): HTTP 404 Not Found")
                    .hasMessageContaining("no such label");
            assertThat(((TexterNotFoundException) seen).operation()).isEqualTo("getLabel");
            assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).cause().isSameAs(seen);
        }
    }

    @Test
    void successFalseFailsAsInTheBlockingClient() {
        server.wireMock().stubFor(post(urlPathEqualTo(API + "/messages/send/" + CHAT))
                .willReturn(okJson("{\"success\":false,\"error\":\"outside the 24h window\"}")));
        try (TexterClient client = server.client()) {
            Throwable seen = client.async().messages().sendMessage(CHAT, text()).handle((v, e) -> e).join();

            assertThat(seen).isInstanceOf(TexterOperationFailedException.class)
                    .hasMessageContaining("outside the 24h window");
        }
    }

    @Test
    void retriesAreScheduledNotSleptAndFollowThePolicy() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withStatus(503)));
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).inScenario("flaky")
                .whenScenarioStateIs("second").willSetStateTo("third")
                .willReturn(aResponse().withStatus(502)));
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).inScenario("flaky")
                .whenScenarioStateIs("third").willReturn(okJson(LABEL)));
        LogCapture.clear();
        RetryPolicy policy = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(200))
                .maxBackoff(Duration.ofMillis(200)).sleeper(server.sleeper()).build();
        try (TexterClient client = server.clientBuilder().retryPolicy(policy).build()) {
            long start = System.nanoTime();
            Label label = client.async().labels().getLabel("VIP").get(10, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(label.getId()).isEqualTo("VIP");
            assertThat(server.requests()).hasSize(3);
            // the waits were timer tasks: the blocking path's sleeper was never asked to sleep
            assertThat(server.sleeper().sleeps()).isEmpty();
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)); // two jittered waits of 100-200 ms
            List<String> retries = LogCapture.entries("com.texterchat.client.retry").stream()
                    .map(LogCapture.Entry::message).collect(Collectors.toList());
            assertThat(retries).hasSize(2);
            assertThat(retries.get(0)).matches("Texter getLabel \\(GET /labels/VIP\\) answered HTTP 503; retry 1 of 2 in"
                    + " \\d+ ms");
            assertThat(retries.get(1)).matches("Texter getLabel \\(GET /labels/VIP\\) answered HTTP 502; retry 2 of 2 in"
                    + " \\d+ ms");
        }
    }

    @Test
    void listenersSeeEveryAttemptAndTheCallAsOnTheBlockingPath() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503)));
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).inScenario("once")
                .whenScenarioStateIs("ok").willReturn(okJson(LABEL)));
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        TexterListener listener = new TexterListener() {
            @Override
            public void onAttempt(TexterAttempt attempt) {
                events.add("attempt " + attempt.attempt() + " " + attempt.operation() + " " + attempt.pathTemplate()
                        + " " + attempt.status() + " " + attempt.decision());
            }

            @Override
            public void onCall(TexterCall call) {
                events.add("call " + call.operation() + " " + call.attempts() + " " + call.status());
            }
        };
        RetryPolicy quick = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(20)).build();
        try (TexterClient client = server.clientBuilder().retryPolicy(quick).listener(listener).build()) {
            client.async().labels().getLabel("VIP").get(10, TimeUnit.SECONDS);

            assertThat(events).containsExactly("attempt 1 getLabel /labels/{labelId} OptionalInt[503] RETRY",
                    "attempt 2 getLabel /labels/{labelId} OptionalInt[200] DONE", "call getLabel 2 OptionalInt[200]");
        }
    }

    @Test
    void aViewsOptionsApplyToItsAsyncCalls() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP"))
                .willReturn(aResponse().withStatus(503)));
        try (TexterClient client = server.client()) {
            TexterClient once = client.withOptions(o -> o.retryPolicy(RetryPolicy.disabled())
                    .header("X-Request-Id", "r-1"));
            Throwable seen = once.async().labels().getLabel("VIP").handle((v, e) -> e).join();

            assertThat(seen).isInstanceOf(TexterServerException.class);
            assertThat(server.requests()).hasSize(1);
            assertThat(server.requests().get(0).getHeader("X-Request-Id")).isEqualTo("r-1");
        }
    }

    @Test
    void aPostIsNotRepeatedAfterA5xx() {
        server.wireMock().stubFor(post(urlPathEqualTo(API + "/messages/send/" + CHAT))
                .willReturn(aResponse().withStatus(503)));
        try (TexterClient client = server.client()) {
            Throwable seen = client.async().messages().sendMessage(CHAT, text()).handle((v, e) -> e).join();

            assertThat(seen).isInstanceOf(TexterServerException.class);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aCallEndsAtItsCallTimeout() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/chats/" + CHAT))
                .willReturn(aResponse().withFixedDelay(4000).withStatus(200).withBody("{}")));
        try (TexterClient client = server.clientBuilder().callTimeout(Duration.ofMillis(800)).build()) {
            long start = System.nanoTime();
            Throwable seen = client.async().chats().getChat(CHAT).handle((v, e) -> e).join();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(seen).isInstanceOf(TexterIoException.class).hasMessageContaining("getChat")
                    .hasMessageContaining("call timeout of 800 ms (callTimeout)");
            assertThat(((TexterIoException) seen).isTimeout()).isTrue();
            assertThat(took).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void attemptsAreLoggedAsTheBlockingClientLogsThemWithTheTokenMasked() throws Exception {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP"))
                .willReturn(okJson("{\"id\":\"VIP\",\"name\":\"" + TestServer.TOKEN + "\"}")));
        LogCapture.clear();
        try (TexterClient client = server.client(HttpLogLevel.BODY)) {
            client.async().labels().getLabel("VIP").get(10, TimeUnit.SECONDS);
            List<String> async = LogCapture.entries("com.texterchat.client.http").stream()
                    .map(LogCapture.Entry::message).collect(Collectors.toList());
            LogCapture.clear();
            client.labels().getLabel("VIP");
            List<String> blocking = LogCapture.entries("com.texterchat.client.http").stream()
                    .map(LogCapture.Entry::message).collect(Collectors.toList());

            assertThat(async).hasSize(2);
            assertThat(String.join("\n", async)).doesNotContain(TestServer.TOKEN).contains("Authorization: <redacted>");
            // the same lines, but for the elapsed milliseconds
            assertThat(withoutTimes(async)).isEqualTo(withoutTimes(blocking));
        }
    }

    @Test
    void pagingWalksEveryPageWithoutBlocking() throws Exception {
        for (int skip = 0; skip < 5; skip += 2) {
            StringBuilder labels = new StringBuilder();
            for (int i = skip; i < Math.min(skip + 2, 5); i++) {
                labels.append(labels.length() == 0 ? "" : ",").append("{\"id\":\"L").append(i)
                        .append("\",\"name\":\"L").append(i).append("\"}");
            }
            server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels"))
                    .withQueryParam("skip", com.github.tomakehurst.wiremock.client.WireMock.equalTo("" + skip))
                    .willReturn(okJson("{\"total\":5,\"labels\":[" + labels + "]}")));
        }
        try (TexterClient client = server.client()) {
            List<Label> all = client.async().paging().listLabels(new LabelsApi.ListLabelsQueryParams().limit(2))
                    .collect(100).get(10, TimeUnit.SECONDS);
            assertThat(all).extracting(Label::getId).containsExactly("L0", "L1", "L2", "L3", "L4");
            assertThat(server.requests()).hasSize(3);

            List<String> seen = new ArrayList<>();
            client.async().paging().listLabels(new LabelsApi.ListLabelsQueryParams().limit(2))
                    .forEach(label -> seen.add(label.getId())).get(10, TimeUnit.SECONDS);
            assertThat(seen).containsExactly("L0", "L1", "L2", "L3", "L4");

            server.wireMock().resetRequests();
            List<Label> first3 = client.async().paging().listLabels(new LabelsApi.ListLabelsQueryParams().limit(2))
                    .collect(3).get(10, TimeUnit.SECONDS);
            assertThat(first3).extracting(Label::getId).containsExactly("L0", "L1", "L2");
            assertThat(server.requests()).hasSize(2); // the third page is never asked for
        }
    }

    @Test
    void aPagingFailureCompletesTheWalkWithTheTexterException() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"gone\"}")));
        try (TexterClient client = server.client()) {
            Throwable seen = client.async().paging().listLabels().collect(10).handle((v, e) -> e).join();
            assertThat(seen).isInstanceOf(TexterNotFoundException.class).hasMessageContaining("gone");
        }
    }

    @Test
    void manyCallsInFlightNeedNoThreadEach() throws Exception {
        int calls = 200;
        // a server of its own with a thread for each connection, so that all calls are answered together
        WireMockServer many = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().containerThreads(calls + 20));
        many.start();
        many.stubFor(get(urlPathEqualTo(API + "/labels/VIP")).willReturn(okJson(LABEL).withFixedDelay(1500)));
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (TexterClient client = server.clientBuilder().baseUrl("http://127.0.0.1:" + many.port() + API)
                .build()) {
            List<CompletableFuture<Label>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(client.async().labels().getLabel("VIP"));
            }
            Thread.sleep(700); // all of them are in flight now, waiting for the delayed answers
            long sdkThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .filter(t -> t.getName().startsWith("texter-") || t.getName().startsWith("HttpClient-"))
                    .count();
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

            assertThat(futures).allSatisfy(f -> assertThat(f.join().getId()).isEqualTo("VIP"));
            assertThat(sdkThreads).as("threads of the SDK with %s calls in flight", calls).isLessThanOrEqualTo(
                    Math.max(4, Math.min(16, Runtime.getRuntime().availableProcessors())) + 2L);
        } finally {
            many.stop();
        }
    }

    @Test
    void callsAfterCloseAreRefused() {
        server.wireMock().stubFor(get(urlPathEqualTo(API + "/labels/VIP")).willReturn(okJson(LABEL)));
        TexterClient client = server.client();
        TexterAsyncClient async = client.async();
        async.labels().getLabel("VIP").join();
        client.close();

        Throwable seen = async.labels().getLabel("VIP").handle((v, e) -> e).join();
        assertThat(seen).isInstanceOf(IllegalStateException.class)
                .hasMessage("this TexterClient is closed: getLabel (GET /labels/VIP) was not sent");
        assertThat(server.requests()).hasSize(1);
    }

    private static SessionMessage text() {
        return new SessionMessage().type(OutgoingMessageType.TEXT).text("hello");
    }

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\\d+ ms", "_ ms")).collect(Collectors.toList());
    }
}
