package com.texterchat.benchmarks.testkit;

import com.texterchat.api.ChatsApi;
import com.texterchat.testkit.TexterMockServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reset between two tests ({@link TexterMockServer#reset()}, which the JUnit extension calls before each
 * test), after a test that did what tests do: stubbed a chat, added a fault and made two calls. Target: at most
 * 5 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TestkitResetBenchmark {

    private TexterMockServer server;

    /** Starts the server. */
    @Setup(Level.Trial)
    public void start() {
        server = TexterMockServer.start();
    }

    /** What a test leaves behind: a helper stub, a fault and two recorded requests. */
    @Setup(Level.Invocation)
    public void aTestRan() {
        server.stubs().chatExists(SearchChatsTestClass.PHONE);
        server.fault("sendMessage").times(1).status(503);
        ChatsApi chats = server.client().chats();
        chats.searchChats(new ChatsApi.SearchChatsQueryParams().search(SearchChatsTestClass.PHONE));
        chats.getChat("67bf11038b24880cc966f799");
    }

    /** The reset before the next test. */
    @Benchmark
    public void reset() {
        server.reset();
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }
}
