package com.texterchat.benchmarks.client;

import com.texterchat.benchmarks.Payloads;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one API call, SDK versus hand-written (the {@code client} parameter of {@link Endpoints}), against
 * the same in-process server:
 * <ul>
 *   <li>{@code *Latency}: one thread, average time per call. Target: SDK at most 1.15 times raw.</li>
 *   <li>{@code *Throughput}: eight threads sharing one client, calls per second. Target: SDK at least 0.9 times
 *       raw.</li>
 * </ul>
 */
// Long warm-up: with eight client threads on two cores the JIT gets little CPU, and throughput kept rising for
// ~25 s (both clients) in a fork that measured from its first second.
@Warmup(iterations = 8, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"}) // one fork per client and attempt, see Endpoints.attempt
public class CallBenchmark {

    static final String SEARCH = "Customer";

    /**
     * Send a Message to Chat, one thread.
     *
     * @param endpoints server and client
     * @return the answer ({@code null} for a call lost to the pool race, see {@link PoolRaceTolerantCalls})
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public @Nullable SendMessageResponse sendMessageLatency(Endpoints endpoints) {
        return endpoints.calls.sendMessage(Payloads.CHAT_ID, endpoints.message);
    }

    /**
     * Search Chats answered with 30 chats, one thread.
     *
     * @param endpoints server and client
     * @return the answer ({@code null} for a call lost to the pool race, see {@link PoolRaceTolerantCalls})
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public @Nullable ChatSearchResult searchChatsLatency(Endpoints endpoints) {
        return endpoints.calls.searchChats(SEARCH, Payloads.SEARCH_PAGE_SIZE);
    }

    /**
     * Send a Message to Chat, eight threads.
     *
     * @param endpoints server and client
     * @return the answer ({@code null} for a call lost to the pool race, see {@link PoolRaceTolerantCalls})
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public @Nullable SendMessageResponse sendMessageThroughput(Endpoints endpoints) {
        return endpoints.calls.sendMessage(Payloads.CHAT_ID, endpoints.message);
    }

    /**
     * Search Chats answered with 30 chats, eight threads.
     *
     * @param endpoints server and client
     * @return the answer ({@code null} for a call lost to the pool race, see {@link PoolRaceTolerantCalls})
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public @Nullable ChatSearchResult searchChatsThroughput(Endpoints endpoints) {
        return endpoints.calls.searchChats(SEARCH, Payloads.SEARCH_PAGE_SIZE);
    }
}
