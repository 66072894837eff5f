package com.texterchat.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.Texter;
import com.texterchat.client.error.TexterBadRequestException;
import com.texterchat.model.CreateLabelRequest;
import com.texterchat.model.Label;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's direct lane: it answers what the default stubs would, records the request as WireMock does, and
 * steps aside whenever WireMock's own pipeline could answer differently.
 */
class DirectLaneTest {

    private TexterSimulator simulator;
    private Texter texter;
    private DirectLane lane;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        simulator = TexterSimulator.start();
        texter = simulator.texter();
        lane = simulator.server().lane();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aStubModeServerHasNoLane() {
        try (TexterMockServer server = TexterMockServer.start()) {
            assertThat(server.lane()).isNull();
        }
    }

    @Test
    void aSimulatorRequestIsAnsweredOnTheLaneAndJournaledAsWireMockWould() {
        String chatId = simulator.simulate().incomingMessage("0521234567", "Hi").getParentChat();
        long before = lane.answered();
        Instant sentAfter = Instant.now();

        String messageId = texter.messages().sendMessage(chatId,
                        new SessionMessage().type(OutgoingMessageType.TEXT).text("Hello from the lane"))
                .getMessages().get(0).getId();

        assertThat(lane.answered()).isEqualTo(before + 1);
        List<ReceivedRequest> sent = simulator.verify().requests("sendMessage");
        assertThat(sent).hasSize(1);
        ReceivedRequest request = sent.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url()).isEqualTo("/server/api/v2/messages/send/" + chatId);
        assertThat(request.pathParameter("chatId")).isEqualTo(chatId);
        assertThat(request.body()).contains("Hello from the lane");
        assertThat(request.responseStatus()).isEqualTo(200);
        assertThat(request.receivedAt()).isBetween(sentAfter.minusMillis(1), Instant.now());
        // WireMock's own verification reads the same journal
        simulator.server().wireMock().verify(1, postRequestedFor(urlPathMatching(".*/messages/send/.*"))
                .withHeader("Authorization", equalTo("Bearer " + TexterMockServer.TOKEN)));
        ServeEvent event = simulator.server().wireMock().getAllServeEvents().get(0);
        assertThat(event.getResponse().getBodyAsString()).contains(messageId);
        assertThat(event.getStubMapping().getMetadata().getString(StubFactory.OPERATION_KEY)).isEqualTo("sendMessage");
        // and the model has it
        assertThat(texter.messages().getChatMessages(chatId, null, null, null, null).getMessages()).hasSize(2);
    }

    @Test
    void theJournalKeepsTheOrderOfRequestsFromBothPaths() {
        texter.labels().createLabel(new CreateLabelRequest().id("A").name("A")); // lane
        simulator.server().wireMock().setGlobalFixedDelay(1);
        texter.labels().createLabel(new CreateLabelRequest().id("B").name("B")); // WireMock
        simulator.server().wireMock().updateGlobalSettings(GlobalSettings.defaults());
        texter.labels().createLabel(new CreateLabelRequest().id("C").name("C")); // lane

        assertThat(simulator.verify().requests("createLabel")).extracting(ReceivedRequest::body)
                .satisfiesExactly(a -> assertThat(a).contains("\"A\""), b -> assertThat(b).contains("\"B\""),
                        c -> assertThat(c).contains("\"C\""));
        assertThat(simulator.server().wireMock().getAllServeEvents()).extracting(e -> e.getRequest().getBodyAsString())
                .satisfiesExactly(c -> assertThat(c).contains("\"C\""), b -> assertThat(b).contains("\"B\""),
                        a -> assertThat(a).contains("\"A\""));
    }

    @Test
    void aRawStubTakesRequestsToWireMockUntilTheReset() {
        texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("VIP"));
        simulator.server().wireMock().stubFor(get(urlPathEqualTo("/server/api/v2/labels"))
                .willReturn(okJson("{\"labels\":[{\"id\":\"raw\",\"name\":\"Raw\"}],\"total\":1}")));
        long before = lane.answered();

        assertThat(texter.labels().listLabels(null, null).getLabels()).extracting(Label::getId).containsExactly("raw");
        assertThat(lane.answered()).isEqualTo(before);

        simulator.reset();
        assertThat(texter.labels().listLabels(null, null).getTotal()).isZero();
        assertThat(lane.answered()).isEqualTo(before + 1);
    }

    @Test
    void aFaultOnAnyOperationTakesEveryRequestToWireMockUntilTheReset() {
        simulator.fault("getChat").times(1).status(503);
        long before = lane.answered();

        texter.labels().listLabels(null, null); // another operation: answered by its default stub, via WireMock
        assertThat(lane.answered()).isEqualTo(before);

        simulator.reset();
        texter.labels().listLabels(null, null);
        assertThat(lane.answered()).isEqualTo(before + 1);
    }

    @Test
    void theLaneNamesTheAnsweringStubAsWireMockDoes() throws Exception {
        HttpResponse<String> direct = send(authorized("/labels"));
        simulator.server().wireMock().setGlobalFixedDelay(1);
        HttpResponse<String> throughWireMock = send(authorized("/labels"));

        assertThat(direct.headers().firstValue("Matched-Stub-Id")).isPresent()
                .isEqualTo(throughWireMock.headers().firstValue("Matched-Stub-Id"));
        assertThat(direct.headers().firstValue("Content-Type"))
                .isEqualTo(throughWireMock.headers().firstValue("Content-Type"));
        assertThat(direct.body()).isEqualTo(throughWireMock.body());
        List<ServeEvent> events = simulator.server().wireMock().getAllServeEvents();
        assertThat(events.get(1).getResponse().getHeaders().getHeader("Matched-Stub-Id").firstValue())
                .isEqualTo(direct.headers().firstValue("Matched-Stub-Id").orElseThrow());
        assertThat(events.get(1).getStubMapping().getId()).isEqualTo(events.get(0).getStubMapping().getId());
    }

    @Test
    void aRefusalOnTheLaneComesFromNoStubAsThroughWireMock() throws Exception {
        simulator.server().allowSpecViolations("createLabel");
        HttpRequest.Builder refusedLabel = authorized("/labels").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"VIP\",\"name\":\"\"}"));
        HttpResponse<String> direct = send(refusedLabel);
        simulator.server().wireMock().setGlobalFixedDelay(1);
        HttpResponse<String> throughWireMock = send(refusedLabel);

        assertThat(direct.statusCode()).isEqualTo(400).isEqualTo(throughWireMock.statusCode());
        assertThat(direct.body()).isEqualTo(throughWireMock.body());
        assertThat(direct.headers().firstValue("Matched-Stub-Id"))
                .isEqualTo(throughWireMock.headers().firstValue("Matched-Stub-Id")).isEmpty();
        List<ServeEvent> events = simulator.server().wireMock().getAllServeEvents();
        assertThat(events.get(1).getStubMapping()).isNull();
        assertThat(events.get(0).getStubMapping()).isNull();
    }

    @Test
    void aGlobalDelayTakesRequestsToWireMock() {
        simulator.server().wireMock().setGlobalFixedDelay(5);
        long before = lane.answered();
        texter.labels().listLabels(null, null);
        assertThat(lane.answered()).isEqualTo(before);
    }

    @Test
    void aRequestTexterWouldRefuseIsRefusedAndReportedOnTheLane() {
        simulator.server().allowSpecViolations("createLabel");
        long before = lane.answered();

        assertThatThrownBy(() -> texter.labels().createLabel(new CreateLabelRequest().id("VIP").name("")))
                .isInstanceOf(TexterBadRequestException.class).hasMessageContaining("name");

        assertThat(lane.answered()).isEqualTo(before + 1);
        assertThat(simulator.verify().specViolations()).singleElement()
                .satisfies(v -> assertThat(v.operationId()).contains("createLabel"));
        assertThat(texter.labels().listLabels(null, null).getTotal()).isZero();
    }

    @Test
    void aRequestWithoutATokenGetsTheAuthStubsAnswerFromWireMock() throws Exception {
        simulator.server().allowSpecViolations("listLabels");
        long before = lane.answered();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(simulator.apiBaseUrl() + "/labels")));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Unauthorized");
        assertThat(lane.answered()).isEqualTo(before);
    }

    @Test
    void cookiesOrABodyThatIsNotJsonTakeTheRequestToWireMock() throws Exception {
        simulator.server().allowSpecViolations("createLabel");
        long before = lane.answered();
        HttpResponse<String> withCookie = send(authorized("/labels").header("Cookie", "session=1"));
        HttpResponse<String> form = send(authorized("/labels").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("id=VIP&name=VIP")));

        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(lane.answered()).isEqualTo(before);
        assertThat(simulator.server().wireMock().getAllServeEvents().get(1).getRequest().getCookies())
                .containsKey("session");
    }

    @Test
    void aRequestOutsideTheApiOrForNoOperationGoesToWireMock() throws Exception {
        simulator.server().allowSpecViolations();
        long before = lane.answered();
        assertThat(send(authorized("/no-such-operation")).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/elsewhere"))
                .header("Authorization", "Bearer x")).statusCode()).isEqualTo(404);
        assertThat(lane.answered()).isEqualTo(before);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.apiBaseUrl() + path))
                .header("Authorization", "Bearer " + TexterMockServer.TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
