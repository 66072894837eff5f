package com.texterchat.benchmarks;

import com.texterchat.api.ChatsApi;
import com.texterchat.benchmarks.client.CannedTexterServer;
import com.texterchat.client.TexterClient;
import com.texterchat.client.TexterListener;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the listener SPI costs: the same call with no listener ({@code listener=none}) and with one listener that
 * does nothing ({@code listener=noop}), against the in-process canned server. Target: the no-op listener adds at
 * most 2% to a call's CPU time; compare {@code cpu.time.norm} of the two with
 * {@code -prof com.texterchat.benchmarks.CpuTimeProfiler} (wall time moves too much on a busy machine):
 *
 * <pre>
 * java -jar texter-benchmarks/target/benchmarks.jar ListenerBenchmark -prof com.texterchat.benchmarks.CpuTimeProfiler
 * </pre>
 */
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ListenerBenchmark {

    /** The server and a client with or without a listener. */
    @State(Scope.Benchmark)
    public static class Client {

        /** {@code none}: no listener; {@code noop}: one listener that does nothing with its events. */
        @Param({"none", "noop"})
        public String listener;

        CannedTexterServer server;
        TexterClient texter;
        SessionMessage message;
        ChatsApi.SearchChatsQueryParams search;

        /**
         * Starts the server and builds the client.
         *
         * @throws IOException when the server cannot start
         */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                    Payloads.searchChatsAnswer(Payloads.SEARCH_PAGE_SIZE));
            TexterClient.Builder builder = TexterClient.builder().baseUrl(server.apiBaseUrl())
                    .token("benchmark-token");
            switch (listener) {
                case "none" -> { }
                case "noop" -> builder.listener(new NoOpListener());
                default -> throw new IllegalArgumentException("listener must be none or noop, got " + listener);
            }
            texter = builder.build();
            message = Payloads.textMessage();
            search = new ChatsApi.SearchChatsQueryParams().search("Customer").limit(Payloads.SEARCH_PAGE_SIZE);
        }

        /** Closes the client and stops the server. */
        @TearDown(Level.Trial)
        public void stop() {
            texter.close();
            server.close();
        }
    }

    /** A listener that looks at nothing: what remains is the SPI's own cost (events made and handed over). */
    static final class NoOpListener implements TexterListener {
    }

    /**
     * Send a Message to Chat.
     *
     * @param client server and client
     * @return the answer
     */
    @Benchmark
    public @Nullable SendMessageResponse sendMessage(Client client) {
        return client.texter.messages().sendMessage(Payloads.CHAT_ID, client.message);
    }

    /**
     * Search Chats answered with 30 chats.
     *
     * @param client server and client
     * @return the answer
     */
    @Benchmark
    public @Nullable ChatSearchResult searchChats(Client client) {
        return client.texter.chats().searchChats(client.search);
    }
}
