package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The unused TLS context of plain-HTTP clients refuses every use, saying why. */
class PlainHttpTlsTest {

    private final SSLContext context = PlainHttpTls.context();

    @Test
    void refusesEveryTlsUseNamingTheReason() {
        assertThatThrownBy(context::createSSLEngine).hasMessageContaining("plain http:// base URL");
        assertThatThrownBy(() -> context.createSSLEngine("texter.invalid", 443))
                .hasMessageContaining("plain http:// base URL");
        assertThatThrownBy(context::getSocketFactory).hasMessageContaining("plain http:// base URL");
        assertThatThrownBy(context::getServerSocketFactory).hasMessageContaining("plain http:// base URL");
        assertThatThrownBy(context::getClientSessionContext).hasMessageContaining("plain http:// base URL");
        assertThatThrownBy(() -> context.init(null, null, null)).hasMessageContaining("plain http:// base URL");
    }

    @Test
    void offersNoProtocolsOrCipherSuites() {
        assertThat(context.getDefaultSSLParameters().getProtocols()).isEmpty();
        assertThat(context.getSupportedSSLParameters().getCipherSuites()).isEmpty();
    }
}
