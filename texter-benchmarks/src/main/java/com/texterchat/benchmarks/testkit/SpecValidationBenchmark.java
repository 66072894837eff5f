package com.texterchat.benchmarks.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.texterchat.api.ChatsApi;
import com.texterchat.client.TexterClient;
import com.texterchat.client.json.TexterJson;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.SendTemplateResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.internal.SpecValidator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking a request against openapi.json adds to one call to the mock server. Each request is made twice
 * in the same run: through the API's base path, where the server checks it (route, token, parameters, body
 * schema) before a stub answers, and through a path outside it ({@value #UNCHECKED}), which the server does not
 * check, answered by a raw WireMock stub with the same body. The difference of the medians
 * ({@code checked*} minus {@code unchecked*}, sampled) is what the checked path costs: the validation, and the
 * routing of the request among the 49 default stubs (the unchecked one meets a single raw stub). The
 * {@code validate*} methods measure the validation alone: the spec check the server's filter runs, on the exact
 * method, URL, headers and body of a request the client sent. Target: validation at most 200 µs per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SpecValidationBenchmark {

    /** The prefix that takes a request out of the API's base path, so that the server does not check it. */
    static final String UNCHECKED = "/unchecked";

    private TexterMockServer server;
    private TexterClient checked;
    private TexterClient unchecked;
    private SendTemplateRequest template;
    private ChatsApi.SearchChatsQueryParams search;
    private SentRequest sentTemplate;
    private SentRequest sentSearch;

    /** A request as the server received it: what the spec check is given. */
    private record SentRequest(String method, String url, Map<String, String> headers, String body) {

        static SentRequest of(LoggedRequest request) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.getHeaders().all().forEach(h -> headers.put(h.key(), h.firstValue()));
            return new SentRequest(request.getMethod().getName(), request.getUrl(), headers,
                    request.getBodyAsString());
        }

        SpecValidator.Verdict check() {
            return SpecValidator.get().checkRequest(method, url, headers::get, body);
        }
    }

    /** Starts the server, with a raw stub answering every unchecked request like its operation would. */
    @Setup(Level.Trial)
    public void start() {
        server = TexterMockServer.start();
        checked = server.client();
        unchecked = server.clientBuilder().baseUrl(server.baseUrl() + UNCHECKED + "/server/api/v2").build();
        template = new SendTemplateRequest().templateName("order_ready").to("972521234567")
                .body(List.of("Dana", "15033", "https://shop.example/orders/15033"));
        search = new ChatsApi.SearchChatsQueryParams().search(SearchChatsTestClass.PHONE)
                .labels(Set.of("vip", "late")).limit(30).skip(0);
        // the unchecked stubs answer what the checked operations answer
        server.wireMock().stubFor(any(urlPathMatching(UNCHECKED + "/server/api/v2/whatsapp/templates/send"))
                .willReturn(okJson(write(checked.templates().sendTemplateMessage(template)))));
        server.wireMock().stubFor(any(urlPathMatching(UNCHECKED + "/server/api/v2/chats/search"))
                .willReturn(okJson(write(checked.chats().searchChats(search)))));
        sentTemplate = SentRequest.of(lastRequestTo("/server/api/v2/whatsapp/templates/send"));
        sentSearch = SentRequest.of(lastRequestTo("/server/api/v2/chats/search"));
        if (!sentTemplate.check().violations().isEmpty() || !sentSearch.check().violations().isEmpty()) {
            throw new IllegalStateException("the captured requests break the spec: nothing valid to measure");
        }
    }

    private LoggedRequest lastRequestTo(String path) {
        return server.wireMock().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().startsWith(path))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no request to " + path + " was received"));
    }

    private static String write(Object model) {
        try {
            return TexterJson.mapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Send Template Message, checked (JSON body against SendTemplateRequest). */
    @Benchmark
    public SendTemplateResponse checkedSendTemplate() {
        return checked.templates().sendTemplateMessage(template);
    }

    /** The same send, not checked. */
    @Benchmark
    public SendTemplateResponse uncheckedSendTemplate() {
        return unchecked.templates().sendTemplateMessage(template);
    }

    /** Search Chats with four query parameters (an exploded {@code labels[]} among them), checked. */
    @Benchmark
    public ChatSearchResult checkedSearchChats() {
        return checked.chats().searchChats(search);
    }

    /** The same search, not checked. */
    @Benchmark
    public ChatSearchResult uncheckedSearchChats() {
        return unchecked.chats().searchChats(search);
    }

    /**
     * The spec check alone, on the Send Template Message request the client sent (body against its schema).
     *
     * @return the verdict (no violations)
     */
    @Benchmark
    public SpecValidator.Verdict validateSendTemplate() {
        return sentTemplate.check();
    }

    /**
     * The spec check alone, on the Search Chats request the client sent (route, token, four query parameters).
     *
     * @return the verdict (no violations)
     */
    @Benchmark
    public SpecValidator.Verdict validateSearchChats() {
        return sentSearch.check();
    }

    /** Checks that no request broke the spec (a benchmark of refused requests would measure nothing useful). */
    @TearDown(Level.Trial)
    public void stop() {
        try {
            server.verify().noSpecViolations();
        } finally {
            server.close();
        }
    }
}
