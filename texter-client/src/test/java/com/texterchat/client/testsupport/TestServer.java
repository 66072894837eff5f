package com.texterchat.client.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.texterchat.client.HttpLogLevel;
import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server on 127.0.0.1 shared by the tests of one class, and clients pointed at it. Register it as a
 * static {@code @RegisterExtension} field: it starts when created, is reset after each test and stops after the
 * class.
 */
public final class TestServer implements AfterEachCallback, AfterAllCallback {

    /** The token every test client sends. */
    public static final String TOKEN = "tk_live_9f8e7d6c5b4a3210";

    /** The path prefix of the Texter API under the base URL. */
    public static final String API = "/server/api/v2";

    private final WireMockServer server;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    /** Starts a server on a free port. */
    public TestServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    /** The WireMock server, for stubbing and verification. */
    public WireMockServer wireMock() {
        return server;
    }

    /** The waits the clients of this server were asked to make between attempts. */
    public RecordingSleeper sleeper() {
        return sleeper;
    }

    /** Base URL of the Texter API on this server. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + API;
    }

    /**
     * A builder for a client of this server: 2 retries that record their waits instead of sleeping; timeouts
     * generous enough for a busy build machine (tests of the read timeout set a short one themselves).
     */
    public TexterClient.Builder clientBuilder() {
        return TexterClient.builder().baseUrl(baseUrl()).token(TOKEN)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder().maxRetries(2).sleeper(sleeper).build());
    }

    /** A client of this server as {@link #clientBuilder()} configures it. */
    public TexterClient client() {
        return clientBuilder().build();
    }

    /** A client of this server logging at the given level. */
    public TexterClient client(HttpLogLevel level) {
        return clientBuilder().logLevel(level).build();
    }

    /** Every request the server received since the last reset. */
    public List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** Clears stubs, the request journal and the recorded waits. */
    public void reset() {
        server.resetAll();
        sleeper.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /**
     * The spec the build generated from: the repository's {@code openapi.json} with {@code openapi-overlay.json}
     * applied, as texter-api-generated writes it (the file its jar carries).
     */
    public static Path openApiJson() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("openapi.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("openapi.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("texter-api-generated/target/openapi/openapi.json");
    }

    /**
     * Runs the action with the repository's {@code openapi.json} visible to the context class loader, as it is
     * once the build packages the spec as a classpath resource.
     */
    public static void withSpecOnClasspath(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {openApiJson().getParent().toUri().toURL()},
                previous)) {
            thread.setContextClassLoader(loader);
            action.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
