package com.texterchat.benchmarks;

import com.texterchat.api.ChatsApi;
import com.texterchat.benchmarks.client.CannedTexterServer;
import com.texterchat.benchmarks.client.PoolRaceTolerantCalls;
import com.texterchat.client.TexterClient;
import com.texterchat.model.ChatSearchResult;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
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
 *   <li>{@link #async64InFlightOn4Threads}: four threads, each keeping 16 calls in flight (64 together) at all
 *       times: a thread starts a call as soon as one of its 16 completes (a semaphore per thread), so the number in
 *       flight never drops while a batch drains. Calls started per second, which in the steady state is calls
 *       completed per second. Target: at least the throughput of {@link #blockingOn8Threads}.</li>
 *   <li>{@link #blockingOn8Threads}: eight threads, one blocking call each at a time.</li>
 *   <li>{@link #async1000InFlight}: one thread starting 1,000 calls at once and waiting for all; the most SDK threads
 *       ({@code texter-*}, {@code HttpClient-*}) seen while they are in flight is printed when the trial ends and
 *       must stay bounded (the JDK client's fixed worker pool, its selector and the timer thread), whatever the
 *       number of calls.</li>
 * </ul>
 * Every asynchronous call's outcome is checked: a failure other than the JDK client's rare pool race (see
 * {@code PoolRaceTolerantCalls}, at most one call in a thousand) or a wrong answer ends the trial.
 *
 * <p>Run: {@code java -jar texter-benchmarks/target/benchmarks.jar AsyncBenchmark}.
 */
// A long warm-up: with 64 connections (and so 64 server threads) on two cores the JIT gets little CPU; forks were
// still speeding up after 32 s (both clients, iterations rising through the measurement), and level off by 60 s.
@Warmup(iterations = 15, time = 4)
@Measurement(iterations = 10, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class AsyncBenchmark {

    private static final String TOKEN = "benchmark-token";
    private static final int MANY = 1000;

    private CannedTexterServer server;
    private TexterClient client;
    private ChatsApi.SearchChatsQueryParams query;
    private final AtomicLong mostSdkThreads = new AtomicLong();
    private final LongAdder asyncCalls = new LongAdder();
    private final LongAdder poolRaces = new LongAdder();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    /** The calls one benchmark thread may have in flight. */
    @State(Scope.Thread)
    public static class InFlight {

        /** The calls each thread keeps in flight: 16, so 64 on the four threads (others with {@code -p}). */
        @org.openjdk.jmh.annotations.Param("16")
        public int perThread;
        Semaphore slots;

        /** Makes the slots. */
        @Setup(Level.Trial)
        public void init() {
            slots = new Semaphore(perThread);
        }

        /**
         * Waits for this thread's calls still in flight when the trial ends.
         *
         * @throws InterruptedException when interrupted while waiting
         */
        @TearDown(Level.Trial)
        public void drain() throws InterruptedException {
            if (!slots.tryAcquire(perThread, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("calls still in flight 30 s after the trial");
            }
        }
    }

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

    /** Stops the client and the server, reports the most SDK threads seen, and fails on a failed call. */
    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (mostSdkThreads.get() > 0) {
                System.out.println("most SDK threads with " + MANY + " calls in flight: " + mostSdkThreads.get());
            }
            if (asyncCalls.sum() > 0) {
                System.out.println(poolRaces.sum() + " of " + asyncCalls.sum()
                        + " asynchronous calls lost to the JDK client's pool race");
            }
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("an asynchronous call failed", failed);
            }
            if (poolRaces.sum() * 1000 > asyncCalls.sum()) {
                throw new IllegalStateException("more than one call in a thousand lost to the pool race");
            }
        } finally {
            client.close();
            server.close();
        }
    }

    private void completed(@Nullable ChatSearchResult answer, @Nullable Throwable error) {
        asyncCalls.increment();
        if (error != null) {
            if (PoolRaceTolerantCalls.isPoolRace(error)) {
                poolRaces.increment();
            } else {
                failure.compareAndSet(null, error);
            }
        } else if (answer == null || answer.getData() == null
                || answer.getData().size() != Payloads.SEARCH_PAGE_SIZE) {
            failure.compareAndSet(null, new IllegalStateException("unexpected answer: " + answer));
        }
    }

    /**
     * Four threads, 16 calls in flight each: waits for a free slot, then starts one call.
     *
     * @param inFlight this thread's slots
     * @throws InterruptedException when interrupted while waiting for a slot
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public void async64InFlightOn4Threads(InFlight inFlight) throws InterruptedException {
        inFlight.slots.acquire();
        client.async().chats().searchChats(query).whenComplete((answer, error) -> {
            inFlight.slots.release();
            completed(answer, error);
        });
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
