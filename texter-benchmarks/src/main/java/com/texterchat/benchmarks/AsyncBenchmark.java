package com.texterchat.benchmarks;

import com.texterchat.api.ChatsApi;
import com.texterchat.benchmarks.client.CannedTexterServer;
import com.texterchat.client.TexterClient;
import com.texterchat.model.ChatSearchResult;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The asynchronous client ({@code TexterClient.async()}) against the blocking one, Search Chats answered with 30
 * chats by the same in-process server ({@link CannedTexterServer}), calls per second:
 * <ul>
 *   <li>{@link #async64InFlightOn4Threads}: four threads, each keeping 16 calls in flight (64 together). Target: at
 *       least the throughput of {@link #blockingOn8Threads}.</li>
 *   <li>{@link #blockingOn8Threads}: eight threads, one blocking call each at a time.</li>
 *   <li>{@link #async1000InFlight}: one thread starting 1,000 calls at once and waiting for all; the most SDK threads
 *       ({@code texter-*}, {@code HttpClient-*}) seen while they are in flight is printed when the trial ends and
 *       must stay bounded (the JDK client's fixed worker pool, its selector and the timer thread), whatever the
 *       number of calls.</li>
 * </ul>
 * Run: {@code java -jar texter-benchmarks/target/benchmarks.jar AsyncBenchmark}.
 */
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class AsyncBenchmark {

    private static final String TOKEN = "benchmark-token";
    private static final int PER_THREAD = 16;
    private static final int MANY = 1000;

    private CannedTexterServer server;
    private TexterClient client;
    private ChatsApi.SearchChatsQueryParams query;
    private final AtomicLong mostSdkThreads = new AtomicLong();

    /**
     * Starts the server and builds one client for all threads.
     *
     * @throws IOException when the server cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        server = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                Payloads.searchChatsAnswer(Payloads.SEARCH_PAGE_SIZE));
        client = TexterClient.builder().baseUrl(server.apiBaseUrl()).token(TOKEN).build();
        query = new ChatsApi.SearchChatsQueryParams().search("Customer").limit(Payloads.SEARCH_PAGE_SIZE);
        ChatSearchResult check = client.async().chats().searchChats(query).join();
        if (check.getData() == null || check.getData().size() != Payloads.SEARCH_PAGE_SIZE) {
            throw new IllegalStateException("unexpected answer: " + check);
        }
    }

    /** Stops the client and the server, and reports the most SDK threads seen. */
    @TearDown(Level.Trial)
    public void stop() {
        if (mostSdkThreads.get() > 0) {
            System.out.println("most SDK threads with " + MANY + " calls in flight: " + mostSdkThreads.get());
        }
        client.close();
        server.close();
    }

    /**
     * Four threads, 16 calls in flight each.
     *
     * @return the last answer
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    @OperationsPerInvocation(PER_THREAD)
    public ChatSearchResult async64InFlightOn4Threads() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<ChatSearchResult>[] calls = new CompletableFuture[PER_THREAD];
        for (int i = 0; i < PER_THREAD; i++) {
            calls[i] = client.async().chats().searchChats(query);
        }
        CompletableFuture.allOf(calls).join();
        return calls[PER_THREAD - 1].join();
    }

    /**
     * Eight threads, one blocking call each.
     *
     * @return the answer
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public ChatSearchResult blockingOn8Threads() {
        return client.chats().searchChats(query);
    }

    /**
     * One thread, 1,000 calls in flight at once.
     *
     * @return the last answer
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    @OperationsPerInvocation(MANY)
    public ChatSearchResult async1000InFlight() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<ChatSearchResult>[] calls = new CompletableFuture[MANY];
        for (int i = 0; i < MANY; i++) {
            calls[i] = client.async().chats().searchChats(query);
        }
        mostSdkThreads.accumulateAndGet(sdkThreads(), Math::max);
        CompletableFuture.allOf(calls).join();
        return calls[MANY - 1].join();
    }

    private static long sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("texter-") || t.getName().startsWith("HttpClient-")).count();
    }
}
