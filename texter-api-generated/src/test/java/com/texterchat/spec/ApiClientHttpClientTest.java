package com.texterchat.spec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.texterchat.generated.invoker.ApiClient;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the generated {@link ApiClient} (built from our template override) talks through feign-java11's
 * {@code Http2Client}, which, unlike {@code feign.Client.Default} (HttpURLConnection), can send PATCH.
 * Uses a hand-written Feign interface so the test does not depend on the contents of openapi.json.
 */
class ApiClientHttpClientTest {

  interface PatchApi extends ApiClient.Api {
    @RequestLine("PATCH /things/{id}")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    Map<String, Object> update(@Param("id") String id, Map<String, Object> body);
  }

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  @BeforeEach
  void start() {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void sendsPatchThroughJavaHttpClient() {
    server.stubFor(patch(urlEqualTo("/things/42"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"42\",\"name\":\"new\"}")));

    PatchApi api = new ApiClient().setBasePath(server.baseUrl()).buildClient(PatchApi.class);

    Map<String, Object> result = api.update("42", Map.of("name", "new"));

    assertThat(result).containsEntry("id", "42").containsEntry("name", "new");
    server.verify(patchRequestedFor(urlEqualTo("/things/42"))
        .withHeader("User-Agent", matching("Java-http-client/.*"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"name\":\"new\"}")));
  }
}
