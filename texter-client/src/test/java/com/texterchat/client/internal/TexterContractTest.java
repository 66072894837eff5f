package com.texterchat.client.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.testsupport.TestServer;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TexterContract} and {@link TexterTarget} on shapes the generated interfaces do not use today but a newer
 * spec could: templated headers, literal query values, path parameters beside a query map.
 */
class TexterContractTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    /** An API with the cases under test. */
    // @QueryMap(encoded = true) as in the generated interfaces; Feign 13 deprecates the element (JDK 21+ javac says so)
    @SuppressWarnings("deprecation")
    interface Shapes {

        @RequestLine("GET /items/{id}?fixed=1&filter={filter}&limit={limit}")
        @Headers({"Accept: application/json", "X-Item: {id}"})
        String templatedHeader(@Param("id") String id, @Param("limit") Integer limit);

        @RequestLine("GET /items/{id}?fixed=1&filter={filter}&limit={limit}")
        @Headers("Accept: application/json")
        String queryMap(@Param("id") String id, @QueryMap(encoded = true) Map<String, Object> query);
    }

    private Shapes shapes;

    @BeforeEach
    void build() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("OK")));
        TexterContract contract = new TexterContract();
        shapes = Feign.builder()
                .contract(contract)
                .client(new JdkHttpTransport(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
                .target(new TexterTarget<>(Shapes.class, server.baseUrl(), contract,
                        Map.of("Authorization", "Bearer t", "User-Agent", "test-agent")));
    }

    private static LoggedRequest only() {
        List<LoggedRequest> requests = server.requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void aTemplatedHeaderStaysATemplateAndIsFilledPerCall() {
        shapes.templatedHeader("a1", 3);
        LoggedRequest first = only();
        server.wireMock().resetRequests();
        shapes.templatedHeader("b2", null);
        LoggedRequest second = only();

        assertThat(first.getHeader("X-Item")).isEqualTo("a1");
        assertThat(second.getHeader("X-Item")).isEqualTo("b2");
        assertThat(first.getHeader("Accept")).isEqualTo("application/json");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer t");
        assertThat(first.getHeader("User-Agent")).isEqualTo("test-agent");
        assertThat(first.getUrl()).isEqualTo(TestServer.API + "/items/a1?fixed=1&limit=3");
        assertThat(second.getUrl()).isEqualTo(TestServer.API + "/items/b2?fixed=1");
    }

    @Test
    void aQueryMapMethodKeepsLiteralQueriesAndDropsTheUnfillableOnes() {
        shapes.queryMap("a1", Map.of("filter", "vip"));

        LoggedRequest request = only();
        assertThat(request.getUrl()).isEqualTo(TestServer.API + "/items/a1?fixed=1&filter=vip");
        assertThat(request.getHeaders().getHeader("Accept").values()).containsExactly("application/json");
    }
}
