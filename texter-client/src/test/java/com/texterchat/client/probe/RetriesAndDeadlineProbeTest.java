package com.texterchat.client.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.texterchat.client.testsupport.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.error.TexterServerException;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Probes of the per-call deadline, of {@code Retry-After} values that would mean retrying at once, and of the JDK
 * client's own resend of a GET, against local servers that misbehave on purpose.
 */
@Timeout(30)
class RetriesAndDeadlineProbeTest {

    private static final String CHAT = "67bf11038b24880cc966f799";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void aCallEndsAtItsCallTimeoutEvenWhenTheReadTimeoutIsLonger() {
        // Its own path: WireMock logs the delayed request only when it answers, possibly during a later test.
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/chats/" + CHAT))
                .willReturn(aResponse().withFixedDelay(4000).withStatus(200).withBody("{}")));
        try (TexterClient client = server.clientBuilder().readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofMillis(800)).build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.chats().getChat(CHAT));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(TexterIoException.class)
                    .hasMessageContaining("getChat").hasMessageContaining("call timeout of 800 ms (callTimeout)");
            assertThat(((TexterIoException) thrown).isTimeout()).isTrue();
            assertThat(took).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aRetryWaitThatWouldPassTheDeadlineIsNotStarted() {
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/labels"))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"maintenance\"}")));
        // a backoff of 5-10 s against a deadline of 4 s
        RetryPolicy slowBackoff = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(10)).sleeper(server.sleeper()).build();
        try (TexterClient client = server.clientBuilder().retryPolicy(slowBackoff)
                .callTimeout(Duration.ofSeconds(4)).build()) {
            assertThatThrownBy(() -> client.labels().listLabels(null, null))
                    .isInstanceOf(TexterServerException.class);
        }
        assertThat(server.sleeper().sleeps()).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theCallTimeoutDefaultsToSixtySecondsAndMustBePositiveAndAtMostADay() {
        assertThat(server.client().callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> TexterClient.builder().callTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("callTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> TexterClient.builder().callTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout must be positive");
        assertThatThrownBy(() -> TexterClient.builder().callTimeout(Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 24 hours");
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"0", "Sat, 01 Nov 2025 15:00:00 GMT"})
    void aRetryAfterOfZeroOrAPastDateFallsBackToTheBackoff(String retryAfter) {
        server.wireMock().stubFor(any(urlPathEqualTo(API + "/labels")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", retryAfter).withBody("{\"error\":\"maintenance\"}")));
        RetryPolicy policy = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(400))
                .maxBackoff(Duration.ofSeconds(2)).sleeper(server.sleeper()).build();
        try (TexterClient client = server.clientBuilder().retryPolicy(policy).build()) {
            assertThatThrownBy(() -> client.labels().listLabels(null, null))
                    .isInstanceOf(TexterServerException.class);
        }
        assertThat(server.requests()).hasSize(3);
        // jittered exponential backoff: 200-400 ms, then 400-800 ms; never back-to-back
        assertThat(server.sleeper().sleeps()).satisfiesExactly(
                first -> assertThat(first).isBetween(Duration.ofMillis(200), Duration.ofMillis(400)),
                second -> assertThat(second).isBetween(Duration.ofMillis(400), Duration.ofMillis(800)));
    }

    @ParameterizedTest(name = "maxRetries={0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void aGetWhoseConnectionIsDroppedReachesTheServerAtMostMaxRetriesPlusOneTimes(int maxRetries) throws Exception {
        try (DropServer dropping = DropServer.dropping();
             TexterClient client = client(dropping.baseUrl(), maxRetries)) {
            assertThatThrownBy(() -> client.labels().listLabels(null, null))
                    .isInstanceOf(TexterIoException.class).hasMessageContaining("listLabels");

            // The JDK client resends a dropped GET once by itself; the SDK counts that resend.
            assertThat(dropping.requests()).isBetween(2, maxRetries + 1);
            assertThat(dropping.requestLines()).allSatisfy(line -> assertThat(line).startsWith("GET "));
        }
    }

    @Test
    void aDeleteWhoseConnectionIsDroppedIsRetriedByTheSdkAlone() throws Exception {
        try (DropServer dropping = DropServer.dropping(); TexterClient client = client(dropping.baseUrl(), 2)) {
            assertThatThrownBy(() -> client.labels().deleteLabel("VIP")).isInstanceOf(TexterIoException.class);

            assertThat(dropping.requests()).isEqualTo(3);
        }
    }

    @Test
    void aSendWhoseConnectionIsDroppedAfterTheRequestIsNeverRepeated() throws Exception {
        try (DropServer dropping = DropServer.dropping(); TexterClient client = client(dropping.baseUrl(), 2)) {
            assertThatThrownBy(() -> client.messages().sendMessage("67bf11038b24880cc966f799",
                    new SessionMessage().type(OutgoingMessageType.TEXT).text("Your order has shipped")))
                    .isInstanceOf(TexterIoException.class);

            assertThat(dropping.requests()).isEqualTo(1);
        }
    }

    private static TexterClient client(String baseUrl, int maxRetries) {
        return TexterClient.builder().baseUrl(baseUrl).token(TestServer.TOKEN)
                .retryPolicy(RetryPolicy.builder().maxRetries(maxRetries).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .build();
    }
}
