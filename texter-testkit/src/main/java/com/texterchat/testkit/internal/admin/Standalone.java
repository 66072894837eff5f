package com.texterchat.testkit.internal.admin;

import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Starts the standalone simulator from a command line and stops it: what
 * {@link com.texterchat.testkit.standalone.TexterStandalone#main} runs, split so that tests run it in-process.
 */
public final class Standalone implements AutoCloseable {

    /** The exit code of a bad command line (the usage is printed). */
    public static final int USAGE = 2;
    /** The exit code of a simulator that cannot start (port in use, seed file unreadable or invalid). */
    public static final int FAILED = 1;
    /** The line printed once the simulator stopped. */
    public static final String STOPPED = "Texter simulator stopped.";

    private final TexterSimulator simulator;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closed;

    private Standalone(TexterSimulator simulator, PrintStream out) {
        this.simulator = simulator;
        this.out = out;
    }

    /**
     * The outcome of {@link #launch}: a running simulator, or the exit code of one that did not start.
     *
     * @param running the running simulator, null when it did not start (or only the usage was asked for)
     * @param exitCode 0 when it runs or the usage was printed; {@link #USAGE} or {@link #FAILED} otherwise
     */
    public record Launch(@Nullable Standalone running, int exitCode) {
    }

    /**
     * Parses the command line and starts the simulator, printing its URLs and token to {@code out}; problems go to
     * {@code err}. {@code --help} prints the usage to {@code out} and ends with 0.
     */
    public static Launch launch(String[] args, PrintStream out, PrintStream err) {
        StandaloneArgs parsed;
        try {
            parsed = StandaloneArgs.parse(args);
        } catch (StandaloneArgs.UsageException e) {
            err.println("texter-simulator: " + e.getMessage());
            err.println();
            err.print(StandaloneArgs.USAGE);
            return new Launch(null, USAGE);
        }
        if (parsed.help()) {
            out.print(StandaloneArgs.USAGE);
            return new Launch(null, 0);
        }
        TexterSimulator.Builder builder = TexterSimulator.builder().port(parsed.port()).host(parsed.host())
                .defaultCountry(parsed.defaultCountry());
        if (parsed.seed() != null) {
            try {
                builder.seed(parsed.seed());
            } catch (UncheckedIOException e) {
                err.println("texter-simulator: cannot read the seed file " + parsed.seed() + ": "
                        + e.getCause().getMessage());
                return new Launch(null, FAILED);
            } catch (IllegalArgumentException e) {
                err.println("texter-simulator: the seed file " + parsed.seed() + " is not a valid seed: "
                        + e.getMessage());
                return new Launch(null, FAILED);
            }
        }
        TexterSimulator simulator;
        try {
            simulator = builder.start();
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                err.println("texter-simulator: cannot listen on " + parsed.host() + ":" + parsed.port()
                        + ": the port is in use (or the address is not this machine's); choose another with"
                        + " --port, or --port 0 for a free one");
            } else {
                err.println("texter-simulator: cannot start on " + parsed.host() + ":" + parsed.port() + ": " + e);
            }
            return new Launch(null, FAILED);
        }
        Standalone running = new Standalone(simulator, out);
        out.println("Texter simulator running (an in-memory Texter project; webhooks go to this machine only).");
        out.println("  base URL: " + simulator.apiBaseUrl());
        out.println("  token:    " + parsed.token() + "   (a fake test token for your client's configuration;"
                + " any bearer token is accepted)");
        out.println("  admin:    " + simulator.baseUrl() + AdminEndpoints.PREFIX + "/   (simulated events, state,"
                + " deliveries, reset, clock)");
        out.println("Stop it with Ctrl+C or SIGTERM.");
        out.flush();
        return new Launch(running, 0);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The running simulator. */
    public TexterSimulator simulator() {
        return simulator;
    }

    /** Waits until {@link #close()} ran (from the shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the server and prints {@link #STOPPED}; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            simulator.close();
        } finally {
            out.println(STOPPED);
            out.flush();
            stopped.countDown();
        }
    }

    @Override
    public String toString() {
        return "Standalone[" + simulator.apiBaseUrl() + (closed ? ", stopped" : "") + "]";
    }
}
