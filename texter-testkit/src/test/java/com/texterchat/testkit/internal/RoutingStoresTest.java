package com.texterchat.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.store.InMemoryStubMappingStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The routing stub store picks exactly the stubs WireMock's own store picks, in the same order. */
class RoutingStoresTest {

    private static final String BASE = TexterSpec.get().basePath();

    @Test
    void theDefaultStubsArePlainRoutesAndTheAuthStubsAreNot() {
        assertThat(StubFactory.defaultStubs()).isNotEmpty()
                .allSatisfy(stub -> assertThat(RoutingStores.isPlainRoute(stub.getRequest())).isTrue());
        assertThat(StubFactory.authStubs()).isNotEmpty()
                .allSatisfy(stub -> assertThat(RoutingStores.isPlainRoute(stub.getRequest())).isFalse());
        SpecOperation getChat = TexterSpec.get().operation("getChat");
        assertThat(RoutingStores.isPlainRoute(StubFactory.route(getChat)
                .andMatching(StubFactory.pathParameter(getChat, "chatId", "c1")).build().getRequest())).isFalse();
        assertThat(RoutingStores.isPlainRoute(get(urlPathEqualTo(BASE + "/chats"))
                .withQueryParam("phone", equalTo("1")).build().getRequest())).isFalse();
        assertThat(RoutingStores.isPlainRoute(get(urlEqualTo(BASE + "/chats?phone=1")).build().getRequest())).isTrue();
    }

    @Test
    void everyRequestMeetsTheSameStubsAsInWireMocksOwnStore() {
        List<StubMapping> stubs = new ArrayList<>(StubFactory.defaultStubs());
        stubs.addAll(StubFactory.authStubs());
        SpecOperation getChat = TexterSpec.get().operation("getChat");
        // what tests and helpers add: a newer stub of the same route, routes of any method, a query in the URL,
        // a header, a custom matcher, a body pattern (which reports a sub-event on a body that is no JSON)
        stubs.add(StubFactory.route(getChat).willReturn(aResponse().withStatus(418)).build());
        stubs.add(any(urlPathMatching(BASE + "/chats/.*")).atPriority(3).willReturn(aResponse()).build());
        stubs.add(get(urlEqualTo(BASE + "/chats?phone=972521234567")).willReturn(aResponse()).build());
        stubs.add(get(urlPathEqualTo(BASE + "/labels")).withHeader("X-Test", equalTo("1"))
                .willReturn(aResponse()).build());
        stubs.add(StubFactory.route(getChat).andMatching(StubFactory.pathParameter(getChat, "chatId", "c 1"))
                .willReturn(aResponse()).build());
        stubs.add(post(urlPathMatching(BASE + "/.*")).withRequestBody(equalToJson("{\"a\":1}"))
                .willReturn(aResponse()).build());
        StubMappingStore wireMocks = new InMemoryStubMappingStore();
        StubMappingStore routing = new RoutingStores(new SingleRootFileSource("target/no-files")).getStubStore();
        for (StubMapping stub : stubs) {
            wireMocks.add(stub);
            routing.add(stub);
        }

        List<Request> requests = new ArrayList<>();
        for (SpecOperation operation : TexterSpec.get().operations().values()) {
            String path = BASE + operation.pathTemplate().replaceAll("\\{[^}]+}", "c1");
            requests.add(request(operation.method(), path, "Bearer t", "{\"a\":1}"));
            requests.add(request(operation.method(), path + "?x=1", null, "not json"));
        }
        requests.add(request("GET", BASE + "/chats/c%201", "Bearer t", ""));
        requests.add(request("GET", BASE + "/chats?phone=972521234567", "Bearer t", ""));
        requests.add(request("GET", BASE + "/no-such-route", "Bearer t", ""));
        requests.add(request("DELETE", "/elsewhere", null, ""));

        int matched = 0;
        for (Request request : requests) {
            List<SubEvent> expectedEvents = new ArrayList<>();
            List<SubEvent> actualEvents = new ArrayList<>();
            List<StubMapping> expected = wireMocks.findAllMatchingRequest(request, Map.of(), expectedEvents::add)
                    .toList();
            List<StubMapping> actual = routing.findAllMatchingRequest(request, Map.of(), actualEvents::add).toList();
            assertThat(actual).as(request.getMethod() + " " + request.getUrl()).containsExactlyElementsOf(expected);
            assertThat(actualEvents).extracting(SubEvent::getType)
                    .containsExactlyElementsOf(expectedEvents.stream().map(SubEvent::getType).toList());
            matched += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("requests some stub matched").isGreaterThan(requests.size() / 2);
    }

    private static Request request(String method, String url, @Nullable String authorization, String body) {
        ImmutableRequest.Builder request = ImmutableRequest.create()
                .withAbsoluteUrl("http://127.0.0.1:8080" + url)
                .withMethod(RequestMethod.fromString(method))
                .withBody(body.getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "application/json");
        if (authorization != null) {
            request.withHeader("Authorization", authorization);
        }
        return request.build();
    }
}
