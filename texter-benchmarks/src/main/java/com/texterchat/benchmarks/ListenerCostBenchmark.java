package com.texterchat.benchmarks;

import com.texterchat.api.ChatsApi;
import com.texterchat.benchmarks.client.InProcessHttpClient;
import com.texterchat.client.TexterClient;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.util.concurrent.TimeUnit;
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
 * The listener SPI's own cost, measured where it is not lost in the noise: the SDK's calls answered in the calling
 * thread by {@link InProcessHttpClient} (no socket, no server, no JDK client threads), so the time per call is the
 * SDK's own work, with no listener ({@code listener=none}) and with one that does nothing ({@code listener=noop}).
 * One thread that never waits: its time per call is its CPU time per call.
 *
 * <p>The difference {@code noop - none} is what the SPI adds to a call. Target: at most 2% of a call's CPU. Taken
 * against this benchmark's own {@code none} figure (the SDK's work only) it is an upper bound of that share, as a
 * real call costs more CPU (the JDK client and its socket; {@code cpu.time.norm} of {@code CallBenchmark} and
 * {@link ListenerBenchmark}).
 *
 * <pre>
 * java -jar texter-benchmarks/target/benchmarks.jar ListenerCostBenchmark
 * </pre>
 */
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ListenerCostBenchmark {

    /** A client over the in-process HTTP client, with or without a listener. */
    @State(Scope.Benchmark)
    public static class Client {

        /** {@code none}: no listener; {@code noop}: one listener that does nothing with its events. */
        @Param({"none", "noop"})
        public String listener;

        TexterClient texter;
        SessionMessage message;
        ChatsApi.SearchChatsQueryParams search;

        /** Builds the client and checks that it gets the canned answers. */
        @Setup(Level.Trial)
        public void start() {
            TexterClient.Builder builder = TexterClient.builder().baseUrl("http://127.0.0.1:9/server/api/v2")
                    .token("benchmark-token")
                    .httpClient(new InProcessHttpClient(Payloads.sendMessageAnswer(),
                            Payloads.searchChatsAnswer(Payloads.SEARCH_PAGE_SIZE)));
            switch (listener) {
                case "none" -> { }
                case "noop" -> builder.listener(new ListenerBenchmark.NoOpListener());
                default -> throw new IllegalArgumentException("listener must be none or noop, got " + listener);
            }
            texter = builder.build();
            message = Payloads.textMessage();
            search = new ChatsApi.SearchChatsQueryParams().search("Customer").limit(Payloads.SEARCH_PAGE_SIZE);
            ChatSearchResult found = texter.chats().searchChats(search);
            if (found.getData() == null || found.getData().size() != Payloads.SEARCH_PAGE_SIZE
                    || !Boolean.TRUE.equals(texter.messages().sendMessage(Payloads.CHAT_ID, message).getSuccess())) {
                throw new IllegalStateException("unexpected answers from the in-process client");
            }
        }

        /** Closes the client. */
        @TearDown(Level.Trial)
        public void stop() {
            texter.close();
        }
    }

    /**
     * Send a Message to Chat.
     *
     * @param client the client
     * @return the answer
     */
    @Benchmark
    public SendMessageResponse sendMessage(Client client) {
        return client.texter.messages().sendMessage(Payloads.CHAT_ID, client.message);
    }

    /**
     * Search Chats answered with 30 chats.
     *
     * @param client the client
     * @return the answer
     */
    @Benchmark
    public ChatSearchResult searchChats(Client client) {
        return client.texter.chats().searchChats(client.search);
    }
}
