package com.texterchat.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.texterchat.client.error.TexterHttpException;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.client.testsupport.RawHttpServer;
import com.texterchat.client.testsupport.TestServer;
import com.texterchat.client.testsupport.LogCapture;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control over the JDK {@code HttpClient}: a proxy demanding authentication, a TLS server with a certificate made
 * for the test, an executor, the application's own client, and the settings the SDK keeps whatever is set.
 * Everything runs on 127.0.0.1.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpControlTest {

    private static final String LABEL = "{\"id\":\"VIP\",\"name\":\"VIP\"}";
    private static final String PASSWORD = "changeit";
    private static final String PROXY_CREDENTIALS = "Basic " + Base64.getEncoder().encodeToString(
            "proxy-user:proxy-secret".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    static Path keys;

    private static WireMockServer tls;
    private static SSLContext trustingTheTestCertificate;

    /**
     * A key pair and a self-signed certificate for 127.0.0.1, made by the JDK's keytool in a temporary directory
     * (nothing is checked in), served by a WireMock HTTPS server; the client trusts it through an SSLContext.
     */
    @BeforeAll
    static void startTlsServer() throws Exception {
        Path keystore = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "texter-test", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("keytool: " + output).isZero();

        tls = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        tls.start();
        tls.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LABEL)));

        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            serverKeys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("texter-test", serverKeys.getCertificate("texter-test"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, factory.getTrustManagers(), null);
    }

    @AfterAll
    static void stopTlsServer() {
        tls.stop();
    }

    private static String tlsBaseUrl() {
        return "https://127.0.0.1:" + tls.httpsPort() + TestServer.API;
    }

    @Test
    void aTlsServerWithAnOwnCertificateIsReachedWithTheSslContextGiven() {
        try (TexterClient client = TexterClient.builder().baseUrl(tlsBaseUrl()).token(TestServer.TOKEN)
                .httpClient(http -> http.sslContext(trustingTheTestCertificate).version(HttpClient.Version.HTTP_1_1))
                .build()) {
            assertThat(client.labels().getLabel("VIP").getName()).isEqualTo("VIP");
        }
        assertThat(tls.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())))
                .last().satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.TOKEN));
    }

    @Test
    void withoutTheSslContextTheCertificateIsRefused() {
        try (TexterClient client = TexterClient.builder().baseUrl(tlsBaseUrl()).token(TestServer.TOKEN)
                .retryPolicy(RetryPolicy.disabled()).build()) {
            TexterIoException e = catchThrowableOfType(TexterIoException.class,
                    () -> client.labels().getLabel("VIP"));
            assertThat(e).isNotNull();
            assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
            assertThat(e.getMessage()).contains("getLabel").doesNotContain(TestServer.TOKEN);
        }
    }

    /**
     * A plain-HTTP proxy on 127.0.0.1 that answers 407 unless the request carries its Basic credentials, and then
     * answers for Texter itself: the credentials go along on the first request, and the token too.
     */
    @Test
    void aPlainProxyGetsTheCredentialsAndTexterTheToken() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (RawHttpServer proxy = RawHttpServer.start(exchange -> {
            seen.add(exchange.requestLine() + " | " + exchange.header("Proxy-Authorization") + " | "
                    + exchange.header("Authorization"));
            if (!PROXY_CREDENTIALS.equals(exchange.header("Proxy-Authorization"))) {
                exchange.head(407, "Proxy-Authenticate: Basic realm=\"corp\"", "Content-Length: 0");
                return;
            }
            byte[] body = LABEL.getBytes(StandardCharsets.UTF_8);
            exchange.head(200, "Content-Type: application/json", "Content-Length: " + body.length).write(body);
        })) {
            // Texter's stand-in address: nothing listens there; only the proxy can answer for it.
            String origin = "http://127.0.0.1:9" + TestServer.API;
            try (TexterClient client = TexterClient.builder().baseUrl(origin).token(TestServer.TOKEN)
                    .retryPolicy(RetryPolicy.disabled()).logLevel(HttpLogLevel.HEADERS)
                    .httpClient(http -> http.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))))
                    .proxyCredentials("proxy-user", "proxy-secret")
                    .build()) {
                assertThat(client.labels().getLabel("VIP").getName()).isEqualTo("VIP");
            }
        }
        assertThat(seen).containsExactly("GET http://127.0.0.1:9/server/api/v2/labels/VIP HTTP/1.1 | "
                + PROXY_CREDENTIALS + " | Bearer " + TestServer.TOKEN);
        assertThat(LogCapture.allText()).contains("Proxy-Authorization: <redacted>")
                .doesNotContain(PROXY_CREDENTIALS.substring(6));
    }

    /**
     * HTTPS through an authenticating proxy, as every real call goes: the proxy demands the credentials on the
     * {@code CONNECT}, then relays the TLS bytes to the test TLS server, and Texter (the TLS server) gets the token
     * but not the proxy credentials. Needs {@code jdk.http.auth.tunneling.disabledSchemes} without {@code Basic},
     * which this module's surefire configuration sets.
     */
    @Test
    void anHttpsTunnelThroughAnAuthenticatingProxy() throws Exception {
        assertThat(System.getProperty("jdk.http.auth.tunneling.disabledSchemes")).isNotNull().doesNotContain("Basic");
        try (TunnelProxy proxy = new TunnelProxy(tls.httpsPort());
                TexterClient client = TexterClient.builder().baseUrl(tlsBaseUrl()).token(TestServer.TOKEN)
                        .retryPolicy(RetryPolicy.disabled())
                        .httpClient(http -> http.sslContext(trustingTheTestCertificate)
                                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))))
                        .proxyCredentials("proxy-user", "proxy-secret")
                        .build()) {
            assertThat(client.labels().getLabel("VIP").getName()).isEqualTo("VIP");
            assertThat(proxy.connects).singleElement().satisfies(head -> assertThat(head)
                    .startsWith("CONNECT 127.0.0.1:" + tls.httpsPort() + " HTTP/1.1")
                    .containsPattern("(?i)proxy-authorization: " + PROXY_CREDENTIALS));
        }
        assertThat(tls.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())))
                .last().satisfies(r -> {
                    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.TOKEN);
                    assertThat(r.containsHeader("Proxy-Authorization")).isFalse();
                });
    }

    @Test
    void anAuthenticatorIsRefusedBecauseTheJdkWouldDropTheToken() {
        Authenticator authenticator = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("u", "p".toCharArray());
            }
        };
        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder()
                        .httpClient(http -> http.authenticator(authenticator)).build())
                .withMessageStartingWith("the HttpClient must not have an Authenticator: with one, the JDK 17 HTTP"
                        + " client drops the Authorization header");
        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder()
                        .httpClient(HttpClient.newBuilder().authenticator(authenticator).build()))
                .withMessageContaining("proxyCredentials(username, password)");
    }

    @Test
    void badProxyCredentialsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder().proxyCredentials("a:b", "c"))
                .withMessageContaining("without ':'");
        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder().proxyCredentials("a", "c\n"))
                .withMessageContaining("control characters");
    }

    /** A CONNECT proxy demanding Basic credentials, relaying each tunnel to one local port. */
    private static final class TunnelProxy implements AutoCloseable {
        final List<String> connects = new CopyOnWriteArrayList<>();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tunnel-proxy");
            t.setDaemon(true);
            return t;
        });

        TunnelProxy(int targetPort) throws IOException {
            threads.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        threads.execute(() -> tunnel(client, targetPort));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void tunnel(Socket client, int targetPort) {
            try (client) {
                InputStream in = client.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head.append((char) b);
                }
                String text = head.toString();
                connects.add(text);
                OutputStream out = client.getOutputStream();
                if (!java.util.regex.Pattern.compile("(?i)\r\nproxy-authorization: "
                        + java.util.regex.Pattern.quote(PROXY_CREDENTIALS) + "\r\n").matcher(text).find()) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return;
                }
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                try (Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                    threads.execute(() -> pump(target, client));
                    pump(client, target);
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        private static void pump(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ignored) {
                // either side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }

    @Test
    void aProxyRefusingTheCredentialsEndsInA407() {
        try (RawHttpServer proxy = RawHttpServer.start(exchange ->
                exchange.head(407, "Proxy-Authenticate: Basic realm=\"corp\"", "Content-Length: 0"))) {
            try (TexterClient client = TexterClient.builder().baseUrl("http://127.0.0.1:9" + TestServer.API)
                    .token(TestServer.TOKEN).retryPolicy(RetryPolicy.disabled())
                    .httpClient(http -> http.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))))
                    .build()) {
                TexterHttpException e = catchThrowableOfType(TexterHttpException.class,
                        () -> client.labels().getLabel("VIP"));
                assertThat(e.status()).isEqualTo(407);
                assertThat(e.header("Proxy-Authenticate")).contains("Basic realm=\"corp\"");
            }
        }
    }

    @Test
    void theCallsRunOnTheExecutorGiven() throws InterruptedException {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LABEL)));
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TexterClient client = server.clientBuilder()
                .httpClient(http -> http.executor(task -> {
                    tasks.incrementAndGet();
                    pool.execute(task);
                }))
                .build()) {
            assertThat(client.labels().getLabel("VIP").getName()).isEqualTo("VIP");
        }
        assertThat(tasks).hasPositiveValue();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void redirectsStayOffWhateverTheCustomizerSets() {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + server.wireMock().port() + "/elsewhere")));
        try (TexterClient client = server.clientBuilder()
                .httpClient(http -> http.followRedirects(HttpClient.Redirect.ALWAYS)
                        .connectTimeout(Duration.ofMillis(1)))
                .build()) {
            TexterHttpException e = catchThrowableOfType(TexterHttpException.class,
                    () -> client.labels().getLabel("VIP"));
            assertThat(e.status()).isEqualTo(302);
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theApplicationsHttpClientIsUsedAndNotClosed() throws Exception {
        server.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LABEL)));
        HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        TexterClient client = TexterClient.builder().baseUrl(server.baseUrl()).token(TestServer.TOKEN)
                .httpClient(own).build();
        assertThat(client.labels().getLabel("VIP").getName()).isEqualTo("VIP");
        client.close();

        HttpResponse<String> stillWorks = own.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/labels/VIP"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stillWorks.statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anHttpClientFollowingRedirectsIsRefused() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThatIllegalArgumentException().isThrownBy(() -> server.clientBuilder().httpClient(following))
                .withMessageStartingWith("the HttpClient must not follow redirects (it follows NORMAL)");
    }

    @Test
    void anOwnHttpClientExcludesTheSettingsOnlyTheSdksClientHas() {
        HttpClient own = HttpClient.newBuilder().build();

        assertThatIllegalStateException().isThrownBy(() -> server.clientBuilder().httpClient(own)
                        .connectTimeout(Duration.ofSeconds(1)).build())
                .withMessageContaining("httpClient(HttpClient) cannot be combined");
        assertThatIllegalStateException().isThrownBy(() -> TexterClient.builder().baseUrl(server.baseUrl())
                        .token(TestServer.TOKEN).httpClient(own).httpClient(http -> { }).build())
                .withMessageContaining("httpClient(HttpClient) cannot be combined");
    }
}
