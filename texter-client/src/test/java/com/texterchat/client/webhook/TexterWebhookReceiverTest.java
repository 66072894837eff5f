package com.texterchat.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.texterchat.model.ChatAssignedEventData;
import com.texterchat.model.NewIncomingMessageEventData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver's decisions: the secret first, then the body within its limits, then the listeners. */
class TexterWebhookReceiverTest {

    private static final WebhookSecret SECRET = WebhookSecret.of("Zq3-very_secret-value-0123456789");
    static final String INCOMING = "{\"eventName\":\"newIncomingMessage\",\"eventData\":{"
            + "\"chat\":{\"_id\":\"67bf11038b24880cc966f799\",\"title\":\"Dana Levi\"},"
            + "\"message\":{\"_id\":\"69062b15962e17ab3033f886\",\"text\":\"hi there\",\"type\":\"text\","
            + "\"direction\":\"incoming\",\"parent_chat\":\"67bf11038b24880cc966f799\"}}}";
    private static final byte[] BODY = INCOMING.getBytes(StandardCharsets.UTF_8);

    private final List<String> calls = new ArrayList<>();

    private TexterWebhookReceiver.Builder recording() {
        return TexterWebhookReceiver.builder().secret(SECRET)
                .on(NewIncomingMessageEventData.class, e -> calls.add("incoming:" + e.data().getMessage().getText()))
                .on(ChatAssignedEventData.class, e -> calls.add("assigned"))
                .onAny(e -> calls.add("any:" + e.eventName()));
    }

    private static Function<String, @Nullable String> header(String name, String value) {
        return asked -> asked.equalsIgnoreCase(name) ? value : null;
    }

    private static Function<String, @Nullable String> noHeaders() {
        return asked -> null;
    }

    @Test
    void aDeliveryWithTheSecretInTheHeaderReachesItsTypedListenerAndTheCatchAll() {
        WebhookReceipt receipt = recording().build().receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), null);

        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.accepted()).isTrue();
        assertThat(receipt.reason()).isEqualTo("accepted");
        assertThat(receipt.failure()).isEmpty();
        assertThat(receipt.event().orElseThrow().dataAs(NewIncomingMessageEventData.class).orElseThrow()
                .getChat().getTitle()).isEqualTo("Dana Levi");
        assertThat(calls).containsExactly("incoming:hi there", "any:newIncomingMessage");
    }

    @Test
    void theHeaderMapIsReadIgnoringCase() {
        Map<String, List<String>> headers = Map.of("x-texter-webhook-secret", List.of(SECRET.value()),
                "Content-Type", List.of("application/json"));
        assertThat(recording().build().receive(BODY, headers, null).status()).isEqualTo(200);
        assertThat(calls).hasSize(2);
    }

    @Test
    void whitespaceAroundTheHeaderValueIsNotPartOfIt() {
        assertThat(recording().build().receive(BODY, header(WebhookSecret.HEADER, "  " + SECRET.value() + " "), null)
                .status()).isEqualTo(200);
    }

    @Test
    void theSecretInTheQueryParameterIsAcceptedAndDecoded() {
        WebhookSecret withReserved = WebhookSecret.of("a+b&c=d%e/f?g#h-long-enough");
        TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().secret(withReserved).build();
        String query = "tenant=acme&" + WebhookSecret.QUERY_PARAMETER + "="
                + URLEncoder.encode(withReserved.value(), StandardCharsets.UTF_8);

        assertThat(receiver.receive(BODY, noHeaders(), query).status()).isEqualTo(200);
        assertThat(receiver.receive(BODY, noHeaders(), "tenant=acme&" + WebhookSecret.QUERY_PARAMETER + "="
                + withReserved.value()).status()).as("not encoded: '+' reads as a space, '&' ends it").isEqualTo(401);
    }

    @Test
    void noSecretIs401WithoutParsingTheBodyOrCallingAListener() {
        TexterWebhookReceiver receiver = recording().build();
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);

        WebhookReceipt receipt = receiver.receive(notJson, noHeaders(), null);

        assertThat(receipt.status()).as("401, not the 400 a parse would give").isEqualTo(401);
        assertThat(receipt.event()).isEmpty();
        assertThat(receipt.failure()).isEmpty();
        assertThat(receipt.reason()).isEqualTo("missing or wrong webhook secret");
        assertThat(receiver.receive(BODY, noHeaders(), "").status()).isEqualTo(401);
        assertThat(receiver.receive(BODY, Map.of(), null).status()).isEqualTo(401);
        assertThat(calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wrong", "Zq3-very_secret-value-012345678", "Zq3-very_secret-value-01234567890",
            "zq3-very_secret-value-0123456789", "Bearer Zq3-very_secret-value-0123456789"})
    void aWrongSecretIs401AndReachesNoListener(String wrong) {
        TexterWebhookReceiver receiver = recording().build();
        assertThat(receiver.receive(BODY, header(WebhookSecret.HEADER, wrong), null).status()).isEqualTo(401);
        assertThat(receiver.receive(BODY, noHeaders(), WebhookSecret.QUERY_PARAMETER + "=" + wrong).status())
                .isEqualTo(401);
        assertThat(calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "X-Texter-Secret", "X-Webhook-Secret", "X-Texter-Webhook-Secret-2"})
    void theRightSecretInAnotherHeaderIs401(String otherHeader) {
        assertThat(recording().build().receive(BODY, header(otherHeader, SECRET.value()), null).status())
                .isEqualTo(401);
        assertThat(calls).isEmpty();
    }

    @Test
    void theRightSecretUnderAnotherQueryParameterIs401() {
        assertThat(recording().build().receive(BODY, noHeaders(), "secret=" + SECRET.value()).status())
                .isEqualTo(401);
        assertThat(recording().build().receive(BODY, noHeaders(), "x" + WebhookSecret.QUERY_PARAMETER + "="
                + SECRET.value()).status()).isEqualTo(401);
        assertThat(calls).isEmpty();
    }

    @Test
    void everyPresentedSecretMustMatch() {
        TexterWebhookReceiver receiver = recording().build();
        String right = WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value();
        assertThat(receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), right).status())
                .as("both right").isEqualTo(200);
        assertThat(receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()),
                WebhookSecret.QUERY_PARAMETER + "=wrong").status()).as("right header, wrong query").isEqualTo(401);
        assertThat(receiver.receive(BODY, header(WebhookSecret.HEADER, "wrong"), right).status())
                .as("wrong header, right query").isEqualTo(401);
        assertThat(receiver.receive(BODY, noHeaders(), right + "&" + WebhookSecret.QUERY_PARAMETER + "=").status())
                .as("the parameter twice, once empty").isEqualTo(401);
        assertThat(receiver.receive(BODY, Map.of(WebhookSecret.HEADER, List.of(SECRET.value(), "wrong")), null)
                .status()).as("the header twice, once wrong").isEqualTo(401);
        assertThat(receiver.receive(BODY, Map.of(WebhookSecret.HEADER, List.of(SECRET.value(), SECRET.value())),
                null).status()).as("the header twice, both right").isEqualTo(200);
    }

    @Test
    void aHeaderMapWithTheNameInTwoCasesMustMatchUnderBoth() {
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("X-Texter-Webhook-Secret", List.of(SECRET.value()));
        headers.put("x-texter-webhook-secret", List.of("forged"));
        assertThat(recording().build().receive(BODY, headers, null).status()).isEqualTo(401);
    }

    @Test
    void theSecretParameterWithAMalformedEscapeProvesNothingButAnotherParameterDoesNotMatter() {
        assertThat(recording().build().receive(BODY, noHeaders(), WebhookSecret.QUERY_PARAMETER + "="
                + SECRET.value() + "%G1").status()).isEqualTo(401);
        assertThat(recording().build().receive(BODY, header(WebhookSecret.HEADER, SECRET.value()),
                WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value() + "%").status()).isEqualTo(401);
        assertThat(recording().build().receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), "x=%&%zz=1")
                .status()).isEqualTo(200);
    }

    @Test
    void aBodyLargerThanTheLimitIs413AfterTheSecretCheck() {
        TexterWebhookReceiver receiver = recording().limits(WebhookLimits.builder().maxBytes(BODY.length).build())
                .build();
        byte[] larger = (INCOMING + " ").getBytes(StandardCharsets.UTF_8);

        assertThat(receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), null).status())
                .as("exactly the limit").isEqualTo(200);
        WebhookReceipt receipt = receiver.receive(larger, header(WebhookSecret.HEADER, SECRET.value()), null);
        assertThat(receipt.status()).isEqualTo(413);
        assertThat(receipt.reason()).isEqualTo("webhook body larger than " + BODY.length + " bytes");
        assertThat(receiver.receive(larger, noHeaders(), null).status()).as("no secret comes first").isEqualTo(401);
        assertThat(calls).hasSize(2); // the one accepted delivery
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not json", "[1,2]", "{\"eventData\":{}}", "{\"eventName\":\"newIncomingMessage\"",
            "{\"eventName\":\"newIncomingMessage\",\"eventData\":{\"chat\":{\"status\":\"not a status\"}}}", ""})
    void aBodyThatIsNotADeliveryIs400WithAReasonThatQuotesNothingOfIt(String body) {
        WebhookReceipt receipt = recording().build().receive(body.getBytes(StandardCharsets.UTF_8),
                header(WebhookSecret.HEADER, SECRET.value()), null);

        assertThat(receipt.status()).isEqualTo(400);
        assertThat(receipt.event()).isEmpty();
        assertThat(receipt.failure()).containsInstanceOf(InvalidWebhookException.class);
        assertThat(receipt.reason()).isEqualTo("not a Texter webhook delivery");
        assertThat(receipt.toString()).doesNotContain("not json").doesNotContain("not a status");
        assertThat(calls).isEmpty();
    }

    @Test
    void aBodyBeyondAnotherLimitIs400() {
        TexterWebhookReceiver receiver = recording().limits(WebhookLimits.builder().maxNestingDepth(2).build())
                .build();
        WebhookReceipt receipt = receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), null);
        assertThat(receipt.status()).isEqualTo(400);
        assertThat(receipt.failure().orElseThrow()).hasMessageContaining("beyond the limits");
        assertThat(calls).isEmpty();
    }

    @Test
    void aListenerThatThrowsMakesIt500KeepsTheExceptionAndStopsTheListenersAfterIt() {
        IllegalStateException boom = new IllegalStateException("CRM down");
        TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().secret(SECRET)
                .onAny(e -> calls.add("first"))
                .on(NewIncomingMessageEventData.class, e -> {
                    throw boom;
                })
                .onAny(e -> calls.add("after"))
                .build();

        WebhookReceipt receipt = receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), null);

        assertThat(receipt.status()).isEqualTo(500);
        assertThat(receipt.accepted()).isFalse();
        assertThat(receipt.failure()).containsSame(boom);
        assertThat(receipt.event().orElseThrow().eventName()).isEqualTo("newIncomingMessage");
        assertThat(receipt.reason()).isEqualTo("webhook listener failed").doesNotContain("CRM");
        assertThat(calls).containsExactly("first");
    }

    @Test
    void anErrorInAListenerIsNotTurnedIntoAReceipt() {
        TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().secret(SECRET).onAny(e -> {
            throw new AssertionError("a bug");
        }).build();
        assertThatThrownBy(() -> receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), null))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anUnknownEventReachesOnlyTheCatchAll() {
        byte[] custom = "{\"eventName\":\"crmLeadScored\",\"eventData\":{\"score\":7}}".getBytes(StandardCharsets.UTF_8);
        WebhookReceipt receipt = recording().build().receive(custom, header(WebhookSecret.HEADER, SECRET.value()), null);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.event().orElseThrow()).isInstanceOf(UnknownWebhookEvent.class);
        assertThat(calls).containsExactly("any:crmLeadScored");
    }

    @Test
    void aTypedListenerForAClassThatIsNoEventDataIsRefused() {
        assertThatThrownBy(() -> TexterWebhookReceiver.builder().on(String.class, e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not the data class of a webhook event");
    }

    @Test
    void aReceiverNeedsASecretOrAnExplicitOptOutButNotBoth() {
        assertThatThrownBy(() -> TexterWebhookReceiver.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs the secret");
        assertThatThrownBy(() -> TexterWebhookReceiver.builder().secret(SECRET).allowUnauthenticated().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot both");
    }

    @Test
    void anUnauthenticatedReceiverAcceptsWithoutASecret() {
        TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().allowUnauthenticated()
                .onAny(e -> calls.add(e.eventName())).build();
        assertThat(receiver.requiresSecret()).isFalse();
        assertThat(receiver.authenticates(noHeaders(), null)).isTrue();
        assertThat(receiver.receive(BODY, noHeaders(), null).status()).isEqualTo(200);
        assertThat(calls).containsExactly("newIncomingMessage");
        assertThat(receiver.toString()).contains("unauthenticated");
    }

    @Test
    void theStreamIsNotReadWithoutTheSecretAndNeverBeyondTheLimitPlusOneByte() {
        TexterWebhookReceiver receiver = recording().limits(WebhookLimits.builder().maxBytes(1000).build()).build();
        CountingStream unauthenticated = new CountingStream(BODY);
        assertThat(receiver.receive(unauthenticated, noHeaders(), null).status()).isEqualTo(401);
        assertThat(unauthenticated.read).isZero();

        CountingStream huge = new CountingStream(new byte[50_000]);
        assertThat(receiver.receive(huge, header(WebhookSecret.HEADER, SECRET.value()), null).status())
                .isEqualTo(413);
        assertThat(huge.read).isEqualTo(1001);

        CountingStream genuine = new CountingStream(BODY);
        assertThat(receiver.receive(genuine, header(WebhookSecret.HEADER, SECRET.value()), null).status())
                .isEqualTo(200);
        assertThat(calls).containsExactly("incoming:hi there", "any:newIncomingMessage");
    }

    @Test
    void aStreamThatFailsIs400WithTheReadFailure() {
        IOException reset = new IOException("connection reset");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw reset;
            }
        };
        WebhookReceipt receipt = recording().build().receive(failing, header(WebhookSecret.HEADER, SECRET.value()),
                null);
        assertThat(receipt.status()).isEqualTo(400);
        assertThat(receipt.reason()).isEqualTo("webhook body could not be read");
        assertThat(receipt.failure()).containsSame(reset);
    }

    @Test
    void nothingTheReceiverSaysShowsTheSecret() {
        TexterWebhookReceiver receiver = recording().build();
        assertThat(receiver.toString()).contains("secret required").doesNotContain(SECRET.value());
        for (WebhookReceipt receipt : List.of(
                receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value()), null),
                receiver.receive(BODY, header(WebhookSecret.HEADER, SECRET.value() + "x"), null),
                receiver.receive("{".getBytes(StandardCharsets.UTF_8), header(WebhookSecret.HEADER, SECRET.value()),
                        WebhookSecret.QUERY_PARAMETER + "=" + SECRET.value()))) {
            assertThat(receipt.reason()).doesNotContain(SECRET.value());
            assertThat(receipt.toString()).doesNotContain(SECRET.value());
            receipt.failure().ifPresent(f -> assertThat(String.valueOf(f.getMessage())).doesNotContain(SECRET.value()));
        }
    }

    /** A stream that counts the bytes read from it. */
    private static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
