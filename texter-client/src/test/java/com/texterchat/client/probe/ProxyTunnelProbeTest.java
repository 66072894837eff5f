package com.texterchat.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.texterchat.api.LabelsApi;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.internal.JdkHttpTransport;
import com.texterchat.client.internal.Redactor;
import com.texterchat.client.internal.TexterContract;
import com.texterchat.client.internal.TexterDecoder;
import com.texterchat.client.internal.TexterInvocationHandlerFactory;
import com.texterchat.client.internal.TexterTarget;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.testsupport.RawHttpServer;
import com.texterchat.client.testsupport.TestServer;
import feign.Feign;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An HTTPS proxy that refuses the {@code CONNECT} tunnel ends the call in a {@link TexterIoException}, not a
 * {@code NullPointerException} (the JDK hands such answers over without a body). The builder has no proxy option, so
 * the API is assembled from the client's own parts over a JDK client with a proxy selector; nothing leaves
 * 127.0.0.1 (the proxy is the one that would resolve the Texter host).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProxyTunnelProbeTest {

    @ParameterizedTest
    @ValueSource(ints = {407, 403, 502})
    void aRefusedTunnelIsATexterIoException(int status) {
        try (RawHttpServer proxy = RawHttpServer.start(RawHttpServer.refuseTunnel(status))) {
            TexterIoException e = catchThrowableOfType(TexterIoException.class,
                    () -> labelsThrough(proxy).getLabel("VIP"));
            assertThat(e).as("a TexterIoException").isNotNull();
            assertThat(e.isTimeout()).isFalse();
            assertThat(e.operation()).isEqualTo("getLabel");
            // 407 reaches the SDK as an answer without a body; the JDK itself fails the others ("Tunnel failed")
            assertThat(e.getMessage()).contains("getLabel").containsPattern("(proxy|Tunnel).*" + status);
            // (the JDK itself retries a failed tunnel of a GET; limiting its hidden retries is not this probe's case)
            assertThat(proxy.requestLines()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("CONNECT demo.texterchat.com:443"));
        }
    }

    @Test
    void aProxyThatHangsUpOnConnectIsATexterIoException() {
        try (RawHttpServer proxy = RawHttpServer.start(RawHttpServer.Exchange::closeNow)) {
            TexterIoException e = catchThrowableOfType(TexterIoException.class,
                    () -> labelsThrough(proxy).getLabel("VIP"));
            assertThat(e).as("a TexterIoException").isNotNull();
            assertThat(e.operation()).isEqualTo("getLabel");
        }
    }

    private static LabelsApi labelsThrough(RawHttpServer proxy) {
        HttpClient http = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Redactor redactor = new Redactor(TestServer.TOKEN);
        TexterContract contract = new TexterContract();
        return Feign.builder().client(new JdkHttpTransport(http)).contract(contract)
                .decoder(new TexterDecoder(TexterJson.mapper(), redactor))
                .invocationHandlerFactory(new TexterInvocationHandlerFactory(redactor))
                .target(new TexterTarget<>(LabelsApi.class, "https://demo.texterchat.com/server/api/v2", contract,
                        Map.of("Authorization", "Bearer " + TestServer.TOKEN)));
    }
}
