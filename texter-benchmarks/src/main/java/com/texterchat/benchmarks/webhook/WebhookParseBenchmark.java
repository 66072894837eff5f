package com.texterchat.benchmarks.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.texterchat.benchmarks.Payloads;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.model.NewIncomingMessageEventData;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A ~5 KB {@code newIncomingMessage} delivery parsed into the typed event ({@link TexterWebhooks#parse(byte[])},
 * {@code parser=typed}) versus Jackson's {@code readTree} of the same bytes with a plain, shared {@link ObjectMapper}
 * ({@code parser=readTree}). Target: the typed parse at least as fast as {@code readTree}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class WebhookParseBenchmark {

    /** The round of the comparison: forks alternate readTree, typed, readTree, ... (see {@code Endpoints}). */
    @Param({"1", "2", "3"})
    public String attempt;

    /** {@code typed} or {@code readTree}. */
    @Param({"readTree", "typed"})
    public String parser;

    private final ObjectMapper plain = new ObjectMapper();
    private boolean typed;
    private byte[] body;

    /** Loads the delivery and checks that it parses into the event it should. */
    @Setup
    public void load() {
        typed = "typed".equals(parser);
        body = Payloads.newIncomingMessageWebhook();
        NewIncomingMessageEventData data = TexterWebhooks.parse(body).dataAs(NewIncomingMessageEventData.class)
                .orElseThrow(() -> new IllegalStateException("not parsed as newIncomingMessage"));
        if (data.getChat().getCrmData().isEmpty() || data.getMessage().getText().isBlank()) {
            throw new IllegalStateException("the delivery lost its chat or message");
        }
    }

    /**
     * Parses the delivery.
     *
     * @return the event, or the tree
     * @throws IOException never, the body is valid
     */
    @Benchmark
    public Object parse() throws IOException {
        return typed ? TexterWebhooks.parse(body) : plain.readTree(body);
    }
}
