package com.texterchat.benchmarks;

import com.texterchat.Texter;
import com.texterchat.benchmarks.client.CannedTexterServer;
import com.texterchat.benchmarks.client.SdkCalls;
import com.texterchat.client.error.TexterIoException;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.model.LabelList;
import com.texterchat.model.ManageChatLabelsRequest;
import com.texterchat.model.MessageList;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stateful simulator ({@link TexterSimulator}) of the test kit, against issue #15's targets:
 *
 * <ul>
 *   <li>{@link Mixed#mixedWorkload}: Send a Message, Get Messages of a Chat and Search Chats in turn, 8 client
 *       threads sharing one client, against 100 chats that grow as the run goes; every request is still checked
 *       against the spec, and the recorded requests are cleared between iterations as between tests. Target: at
 *       least 3,000 requests/s.</li>
 *   <li>{@link #hundredThousandMessages}: 100,000 incoming messages (1,000 chats of 100) stored, then the history
 *       of one chat read, in a JVM of 256 MB heap. Target: it completes (no {@code OutOfMemoryError}); the fork
 *       prints the heap used after a full GC.</li>
 *   <li>{@link #firstStart}: from {@code TexterSimulator.start()} to the first answer in a fresh JVM (the SDK and
 *       the JDK's HTTP client already loaded, as in a test JVM). Target: at most 1 s mean.</li>
 *   <li>{@link Reset#reset}: the reset before each test, after a test that wrote (a message in, one out, a label).
 *       Target: at most 5 ms.</li>
 * </ul>
 */
public class SimulatorBenchmark {

    private static final int CHATS = 100;

    /** One simulator shared by the 8 threads of the mixed workload. */
    @State(Scope.Benchmark)
    public static class Mixed {
        TexterSimulator simulator;
        Texter texter;
        final List<String> chatIds = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong poolRaces = new AtomicLong();

        /** Starts the simulator and lets 100 customers write (their 24-hour windows stay open: the clock stands). */
        @Setup(Level.Trial)
        public void start() {
            simulator = TexterSimulator.start();
            texter = simulator.texter();
            for (int i = 0; i < CHATS; i++) {
                String phone = "0521" + String.format("%06d", i);
                phones.add(phone);
                chatIds.add(simulator.simulate().incomingMessage(phone, "hello " + i).getParentChat());
            }
        }

        /**
         * Forgets the recorded requests before each iteration, as the JUnit extension does before each test; the
         * project (chats, messages) keeps growing. Without it, every request of the run stays in the journal for
         * {@code verify()} (about 3 KB each here, with its answer), and in the second minute a 512 MB heap is mostly
         * journal: one iteration fell to 155 requests/s.
         */
        @Setup(Level.Iteration)
        public void nextTest() {
            simulator.server().wireMock().resetRequests();
        }

        /** Stops it and reports the loopback pool races of the JDK client (see the README). */
        @TearDown(Level.Trial)
        public void stop() {
            System.out.println("simulator: " + poolRaces.get() + " calls hit the JDK client's pool race; "
                    + simulator.verify().specViolations().size() + " spec violations");
            simulator.close();
        }

        /**
         * One request of the mixed workload: send, read or search, round robin over the chats.
         *
         * @return the answer
         */
        @Benchmark
        @Threads(8)
        @BenchmarkMode(Mode.Throughput)
        @OutputTimeUnit(TimeUnit.SECONDS)
        // A long warm-up: Jetty, the validator, the model and the client are a lot of code for the JIT on two
        // cores. At 60 s the compiler threads still took a quarter of the CPU and a fork ran at half its final
        // speed; they were idle, and the throughput level, from about 90 s.
        @Warmup(iterations = 30, time = 4)
        @Measurement(iterations = 5, time = 3)
        @Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
        public Object mixedWorkload() {
            int n = next.getAndIncrement();
            int chat = (n / 3) % CHATS;
            try {
                return switch (n % 3) {
                    case 0 -> texter.messages().sendMessage(chatIds.get(chat),
                            new SessionMessage().type(OutgoingMessageType.TEXT).text("message " + n));
                    case 1 -> texter.messages().getChatMessages(chatIds.get(chat), 20, null, null, null);
                    default -> texter.chats().searchChats(phones.get(chat), null, null, null, null, null, null, null);
                };
            } catch (TexterIoException e) {
                if (poolRaces.incrementAndGet() > Math.max(10, n / 1000)) {
                    throw e;
                }
                return e;
            }
        }
    }

    /**
     * 100,000 stored messages in 256 MB of heap, then one history page.
     *
     * @return the page read
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
    public MessageList hundredThousandMessages() {
        try (TexterSimulator simulator = TexterSimulator.start()) {
            String chatId = null;
            for (int i = 0; i < 100_000; i++) {
                String id = simulator.simulate().incomingMessage("0521" + String.format("%06d", i % 1000),
                        "message number " + i + " of the load test").getParentChat();
                if (chatId == null) {
                    chatId = id;
                }
            }
            MessageList page = simulator.texter().messages().getChatMessages(chatId, 50, null, null, null);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("simulator: 100,000 messages stored; heap used after GC %.1f MB of %.1f MB%n",
                    used / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            if (page.getMessages().size() != 50) {
                throw new IllegalStateException("expected a page of 50 messages, got " + page.getMessages().size());
            }
            return page;
        }
    }

    /** What a test JVM has loaded before its first simulator: the SDK and the JDK's HTTP client. */
    @State(Scope.Thread)
    public static class FreshJvm {
        TexterSimulator simulator;

        /**
         * Loads the SDK with one real call to a canned server.
         *
         * @throws IOException when that server cannot start
         */
        @Setup(Level.Trial)
        public void loadTheSdk() throws IOException {
            try (CannedTexterServer canned = CannedTexterServer.start(Payloads.sendMessageAnswer(),
                    Payloads.searchChatsAnswer(1));
                 SdkCalls sdk = new SdkCalls(canned.apiBaseUrl(), "warm-up-token")) {
                sdk.searchChats("972521234567", 30);
            }
        }

        /** Stops the simulator. */
        @TearDown(Level.Trial)
        public void stop() {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /**
     * The first simulator of a fresh JVM, to its first answer.
     *
     * @return the answer
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 12)
    public ChatSearchResult firstStart(FreshJvm jvm) {
        jvm.simulator = TexterSimulator.start();
        return jvm.simulator.texter().chats().searchChats("972521234567", null, null, null, null, null, null, null);
    }

    /** A simulator and a test's writes before each reset. */
    @State(Scope.Thread)
    public static class Reset {
        TexterSimulator simulator;
        int round;

        /** Starts the simulator. */
        @Setup(Level.Trial)
        public void start() {
            simulator = TexterSimulator.builder().label("VIP", "VIP", "#dce775")
                    .template("order_ready", "en", "Hi {{1}}").start();
        }

        /** What a test leaves behind: a customer's message, an answer, a label, three recorded requests. */
        @Setup(Level.Invocation)
        public void aTestRan() {
            String chatId = simulator.simulate().incomingMessage("0521234567", "hi " + round++).getParentChat();
            Texter texter = simulator.texter();
            texter.messages().sendMessage(chatId, new SessionMessage().type(OutgoingMessageType.TEXT).text("hello"));
            texter.labels().manageChatLabels(chatId, new ManageChatLabelsRequest().add(List.of("VIP")));
            LabelList labels = texter.labels().listLabels(null, null);
            if (labels.getTotal() != 1) {
                throw new IllegalStateException("the seeded label is missing: " + labels);
            }
        }

        /** The reset before the next test. */
        @Benchmark
        @BenchmarkMode(Mode.AverageTime)
        @OutputTimeUnit(TimeUnit.MICROSECONDS)
        @Warmup(iterations = 3, time = 1)
        @Measurement(iterations = 5, time = 1)
        @Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
        public void reset() {
            simulator.reset();
        }

        /** Stops the simulator. */
        @TearDown(Level.Trial)
        public void stop() {
            simulator.close();
        }
    }
}
