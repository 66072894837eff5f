package com.texterchat.checks.spec;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.texterchat.spectools.SpecOverlay;
import com.texterchat.testkit.internal.SpecOperation;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.TexterSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An additive change reaches the test kit with nothing to change there: the fixture "Texter adds Archive Label"
 * (texter-spec-tools' added-operation.json) applied to openapi.json and merged with the overlay gives a spec whose
 * new operation the test kit reads ({@link TexterSpec}), routes, answers with its example (the default answer),
 * fails on request (a fault stub on the same route, as {@code fault(op)} does) and records for verification.
 */
class NewOperationReachesTheTestKitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void theTestKitRoutesAnswersFailsAndRecordsAnOperationAddedToTheSpec() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        JsonNode changed = SpecOverlay.apply(read(root.resolve("openapi.json")),
                read(root.resolve("texter-spec-tools/src/test/resources/fixtures/added-operation.json"))).spec();
        SpecOverlay.Result merged = SpecOverlay.apply(changed, read(root.resolve("openapi-overlay.json")));
        assertThat(merged.unmatched()).isEmpty();
        TexterSpec spec = TexterSpec.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(merged.spec())));

        SpecOperation archive = spec.operation("archiveLabel");
        String path = spec.basePath() + "/labels/vip/archive";
        assertThat(archive.matches("POST", path)).isTrue();
        assertThat(JSON.readTree(archive.defaultBody())).isEqualTo(
                merged.spec().at("/paths/~1labels~1{labelId}~1archive/post/responses/200/content/application~1json/example"));
        assertThat(spec.operations()).containsKeys("archiveLabel", "getLabel");

        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            server.stubFor(StubFactory.route(archive).atPriority(StubFactory.DEFAULT_PRIORITY)
                    .willReturn(StubFactory.success(archive, archive.defaultBody())));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(archive.defaultBody()));

            server.stubFor(StubFactory.route(archive).atPriority(StubFactory.FAULT_PRIORITY)
                    .willReturn(StubFactory.json(503, "{\"message\":\"down\"}")));
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
            server.stubFor(StubFactory.route(archive).atPriority(StubFactory.AUTH_PRIORITY)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withFault(Fault.CONNECTION_RESET_BY_PEER)));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> http.send(request, HttpResponse.BodyHandlers.ofString()))).isInstanceOf(IOException.class);

            server.verify(3, postRequestedFor(urlPathEqualTo(path)));
        } finally {
            server.stop();
        }
    }
}
