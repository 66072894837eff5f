package com.texterchat.dsl.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.texterchat.client.TexterClient;
import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.Texter;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real WireMock server on 127.0.0.1 (one per test class) and a {@link Texter} pointed at it, so tests can
 * check what reaches the wire, and that a rejected body never does.
 */
public abstract class TexterServer {

    /** A token long enough that masking it cannot garble other text. */
    protected static final String TOKEN = "dsl-test-token-5f1c9a";

    protected static WireMockServer server;
    protected static Texter texter;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        texter = Texter.of(TexterClient.builder()
                .baseUrl("http://127.0.0.1:" + server.port() + "/server/api/v2")
                .token(TOKEN)
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    /**
     * Asserts that {@code call} fails with an {@link InvalidRequestException} for {@code field} whose message
     * starts with the field and contains {@code rule}, and that no request reached the server.
     */
    public static void assertRejected(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(field.isEmpty() ? "request " : field + " ")
                .hasMessageContaining(rule)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field));
        assertThat(server.getAllServeEvents()).as("requests that reached the server").isEmpty();
    }
}
