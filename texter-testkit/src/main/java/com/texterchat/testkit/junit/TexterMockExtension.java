package com.texterchat.testkit.junit;

import com.texterchat.Texter;
import com.texterchat.client.TexterClient;
import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that gives a test class a {@link TexterMockServer}.
 *
 * <ul>
 *   <li>The server starts once per test class (before {@code @BeforeAll} methods) and stops after it;
 *       {@code @Nested} classes share their enclosing class's server.</li>
 *   <li>Before each test, the server is {@linkplain TexterMockServer#reset() reset}: default answers
 *       back, helper stubs and faults gone, recorded requests forgotten. Stub in {@code @BeforeEach} or in
 *       the test, not in {@code @BeforeAll}.</li>
 *   <li>Parameters of type {@link TexterMockServer}, {@link Texter} (the SDK's entry object) and
 *       {@link TexterClient} (both already pointed at the server, see {@link TexterMockServer#texter()}) are
 *       injected into test methods, lifecycle methods and constructors.</li>
 *   <li>After each test, the test fails when the server received a request Texter would refuse, or a helper stubbed
 *       an answer Texter could never send ({@link com.texterchat.testkit.TexterRequests#noSpecViolations()}), with a
 *       message listing each. A test allows them with {@link TexterMockServer#allowSpecViolations(String)}; a
 *       class turns the check off with {@code @TexterTest(failOnSpecViolations = false)} or
 *       {@link #failOnSpecViolations(boolean) failOnSpecViolations(false)}.</li>
 * </ul>
 *
 * <p>Use it with {@link TexterTest @TexterTest} (or {@code @ExtendWith(TexterMockExtension.class)}), or
 * register it in a static field to reach the server from fields and helpers:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TexterMockExtension TEXTER = new TexterMockExtension();
 *
 * @Test
 * void sends() {
 *     new OrderNotifier(TEXTER.texter()).orderReady("972521234567", "15033");
 *     TEXTER.server().verify().templateSentTo("972521234567");
 * }
 * }</pre>
 *
 * <p>The server's default country comes from {@link #defaultCountry(String)} when set, else from the class's
 * {@link TexterTest#defaultCountry() @TexterTest(defaultCountry = ...)}, else it is
 * {@value TexterMockServer#DEFAULT_COUNTRY}: {@code new TexterMockExtension().defaultCountry("US")}.
 *
 * <p><b>Simulator mode</b>: with {@code @TexterTest(simulator = true)} (or {@link #simulator(boolean)
 * simulator(true)}) the class gets a {@link TexterSimulator} instead, a stateful Texter whose reads reflect writes;
 * parameters of type {@code TexterSimulator} are injected too, and the reset before each test puts the simulated
 * project back to its seed ({@link TexterTest#seed()}).
 *
 * <p>In Kotlin: {@code companion object { @JvmField @RegisterExtension val texter = TexterMockExtension() }}.
 * Registered in an instance field, the server still lives once per class, but stops only when JUnit closes the
 * class's resources. Tests sharing a server take turns even when JUnit runs methods in parallel; classes
 * still run in parallel, each with its own server.
 */
public final class TexterMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TexterMockExtension.class);
    private static final String SERVER = "server";
    private static final String TURN = "turn";

    private final @Nullable String defaultCountry;
    private volatile @Nullable TexterMockServer server;
    private volatile @Nullable TexterSimulator simulator;
    private volatile @Nullable Boolean failOnSpecViolations;
    private volatile @Nullable Boolean simulatorMode;

    /** An extension; JUnit creates it for {@code @TexterTest}, or you do in a {@code @RegisterExtension} field. */
    public TexterMockExtension() {
        this(null);
    }

    private TexterMockExtension(@Nullable String defaultCountry) {
        this.defaultCountry = defaultCountry;
        // JUnit creates extensions before it runs the class: a head start on reading the spec
        StubFactory.loadInBackground();
    }

    /**
     * An extension whose server has this default country, whatever the class's {@code @TexterTest} says; see
     * {@link TexterMockServer.Builder#defaultCountry(String)}.
     *
     * @param country an ISO 3166-1 alpha-2 code such as {@code IL}, {@code US} or {@code GB}
     * @return a new extension; this one is unchanged
     * @throws IllegalArgumentException for anything else, naming the option
     */
    public TexterMockExtension defaultCountry(String country) {
        TexterMockServer.builder().defaultCountry(country); // validates now, not when the class starts
        TexterMockExtension copy = new TexterMockExtension(country);
        copy.failOnSpecViolations = failOnSpecViolations;
        copy.simulatorMode = simulatorMode;
        return copy;
    }

    /**
     * Whether the class gets a stateful {@link TexterSimulator} instead of the stub server (default false, or what
     * the class's {@code @TexterTest(simulator = ...)} says); set here it wins over the annotation.
     *
     * @param enabled true for the simulator
     * @return this extension
     */
    public TexterMockExtension simulator(boolean enabled) {
        this.simulatorMode = enabled;
        return this;
    }

    /**
     * The simulator of the test class currently running.
     *
     * @throws IllegalStateException before the class started, or when the class runs the stub server
     */
    public TexterSimulator simulator() {
        TexterSimulator current = simulator;
        if (current == null) {
            throw new IllegalStateException("No Texter simulator: use @TexterTest(simulator = true) or"
                    + " new TexterMockExtension().simulator(true), and call simulator() once the class started");
        }
        return current;
    }

    /**
     * Whether a test fails after it ran when the server saw spec violations (default true, or what the class's
     * {@code @TexterTest(failOnSpecViolations = ...)} says); set here it wins over the annotation.
     *
     * @param fail false to let a test pass whatever the server saw
     * @return this extension
     */
    public TexterMockExtension failOnSpecViolations(boolean fail) {
        this.failOnSpecViolations = fail;
        return this;
    }

    /**
     * The server of the test class currently running.
     *
     * @throws IllegalStateException before the extension started it (it does so before {@code @BeforeAll})
     */
    public TexterMockServer server() {
        TexterMockServer current = server;
        if (current == null) {
            throw new IllegalStateException("The Texter mock server starts when the test class starts; use server()"
                    + " from @BeforeAll, @BeforeEach or a test, and register the extension in a static field");
        }
        return current;
    }

    /** The SDK's entry object pointed at {@link #server()}; same as {@code server().texter()}. */
    public Texter texter() {
        return server().texter();
    }

    /** A client pointed at {@link #server()}; same as {@code server().client()}. */
    public TexterClient client() {
        return server().client();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        serverFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SharedServer shared = sharedFor(context);
        // Tests sharing a server take turns, even when JUnit runs methods concurrently: a reset in the
        // middle of another test would pull its stubs away.
        shared.turn.acquireUninterruptibly();
        context.getStore(NAMESPACE).put(TURN, shared.turn);
        try {
            shared.server.reset();
        } catch (RuntimeException | Error e) {
            afterEach(context);
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Semaphore turn = context.getStore(NAMESPACE).remove(TURN, Semaphore.class);
        if (turn == null) {
            return;
        }
        try {
            if (failsOnSpecViolations(context)) {
                serverFor(context).verify().noSpecViolations();
            }
        } finally {
            turn.release();
        }
    }

    private boolean failsOnSpecViolations(ExtensionContext context) {
        Boolean set = failOnSpecViolations;
        if (set != null) {
            return set;
        }
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<TexterTest> annotation = AnnotationSupport.findAnnotation(type, TexterTest.class);
            if (annotation.isPresent()) {
                return annotation.get().failOnSpecViolations();
            }
        }
        return true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Only the class that started the server stops it; a @Nested class finds it in its parent's store.
        SharedServer own = context.getStore(NAMESPACE).remove(SERVER, SharedServer.class);
        if (own != null) {
            own.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TexterMockServer.class || type == Texter.class || type == TexterClient.class
                || type == TexterSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SharedServer shared = sharedFor(extensionContext);
        TexterMockServer resolved = shared.server;
        Class<?> type = parameterContext.getParameter().getType();
        if (type == TexterSimulator.class) {
            if (shared.simulator == null) {
                throw new ParameterResolutionException("A TexterSimulator parameter needs the simulator mode:"
                        + " @TexterTest(simulator = true) or new TexterMockExtension().simulator(true)");
            }
            return shared.simulator;
        }
        if (type == Texter.class) {
            return resolved.texter();
        }
        return type == TexterClient.class ? resolved.client() : resolved;
    }

    private TexterMockServer serverFor(ExtensionContext context) {
        return sharedFor(context).server;
    }

    private SharedServer sharedFor(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        // Looks in enclosing classes' stores first, so @Nested classes reuse the outer server.
        SharedServer shared = classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(SERVER, key -> start(testClass), SharedServer.class);
        server = shared.server;
        simulator = shared.simulator;
        return shared;
    }

    private SharedServer start(Class<?> testClass) {
        Optional<TexterTest> annotation = AnnotationSupport.findAnnotation(testClass, TexterTest.class);
        String country = defaultCountry;
        if (country == null) {
            country = annotation.map(TexterTest::defaultCountry).orElse(TexterMockServer.DEFAULT_COUNTRY);
        }
        Boolean mode = simulatorMode;
        boolean simulated = mode != null ? mode : annotation.map(TexterTest::simulator).orElse(false);
        if (!simulated) {
            return new SharedServer(TexterMockServer.builder().defaultCountry(country).start(), null);
        }
        TexterSimulator.Builder builder = TexterSimulator.builder().defaultCountry(country);
        String seed = annotation.map(TexterTest::seed).orElse("");
        if (!seed.isEmpty()) {
            builder.seedJson(resource(testClass, seed));
        }
        TexterSimulator started = builder.start();
        return new SharedServer(started.server(), started);
    }

    private static String resource(Class<?> testClass, String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = testClass.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("@TexterTest(seed = \"" + name + "\"): no such resource on the"
                        + " test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the simulator seed " + name, e);
        }
    }

    /** A class's server and the turn its tests take; JUnit closes it with the class if afterAll did not. */
    private static final class SharedServer implements AutoCloseable {
        final TexterMockServer server;
        final @Nullable TexterSimulator simulator;
        final Semaphore turn = new Semaphore(1);

        SharedServer(TexterMockServer server, @Nullable TexterSimulator simulator) {
            this.server = server;
            this.simulator = simulator;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public String toString() {
        TexterMockServer current = server;
        return "TexterMockExtension[" + (current == null ? "not started" : current) + "]";
    }
}
