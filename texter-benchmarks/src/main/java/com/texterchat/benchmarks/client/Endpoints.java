package com.texterchat.benchmarks.client;

import com.texterchat.benchmarks.Payloads;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.SendMessageResponse;
import com.texterchat.model.SessionMessage;
import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server and the client one fork measures: {@code client=sdk} ({@link SdkCalls}) or {@code client=raw}
 * ({@link RawCalls}). Shared by all benchmark threads, as an application shares its one client.
 */
@State(Scope.Benchmark)
public class Endpoints {

    /** The token both clients send. */
    static final String TOKEN = "benchmark-token";

    /**
     * Which round of the comparison this fork belongs to. JMH runs forks parameter by parameter; with the round
     * named first, it alternates raw, sdk, raw, sdk, so both clients see the same (shared, busy) machine.
     */
    @Param({"1", "2"})
    public String attempt;

    /** Which client this fork measures. */
    @Param({"raw", "sdk"})
    public String client;

    CannedTexterServer server;
    PoolRaceTolerantCalls calls;
    SessionMessage message;

    /**
     * Starts the server, builds the client and checks, once, that both clients get the same answers, so that
     * they are known to do the same work.
     *
     * @throws IOException when the server cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        server = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                Payloads.searchChatsAnswer(Payloads.SEARCH_PAGE_SIZE));
        message = Payloads.textMessage();
        try (RawCalls raw = new RawCalls(server.apiBaseUrl(), TOKEN);
             SdkCalls sdk = new SdkCalls(server.apiBaseUrl(), TOKEN)) {
            ChatSearchResult expected = raw.searchChats(CallBenchmark.SEARCH, Payloads.SEARCH_PAGE_SIZE);
            SendMessageResponse sent = raw.sendMessage(Payloads.CHAT_ID, message);
            if (expected.getData().size() != Payloads.SEARCH_PAGE_SIZE || !Boolean.TRUE.equals(sent.getSuccess())
                    || !expected.equals(sdk.searchChats(CallBenchmark.SEARCH, Payloads.SEARCH_PAGE_SIZE))
                    || !sent.equals(sdk.sendMessage(Payloads.CHAT_ID, message))) {
                throw new IllegalStateException("The SDK and the hand-written client disagree on the answers");
            }
        }
        calls = new PoolRaceTolerantCalls(switch (client) {
            case "sdk" -> new SdkCalls(server.apiBaseUrl(), TOKEN);
            case "raw" -> new RawCalls(server.apiBaseUrl(), TOKEN);
            default -> throw new IllegalArgumentException("client must be sdk or raw, got " + client);
        });
    }

    /** Stops the server and reports calls lost to the JDK client's pool race (see {@link PoolRaceTolerantCalls}). */
    @TearDown(Level.Trial)
    public void stop() {
        try {
            System.out.println(client + ": " + calls.checkFailures());
        } finally {
            calls.close();
            server.close();
        }
    }
}
