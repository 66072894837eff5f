package com.texterchat.benchmarks.webhook;

import com.texterchat.client.webhook.WebhookSecret;
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
 * {@link WebhookSecret#matches(String)} on a secret of the longest allowed length, given a guess wrong at its first
 * character ({@code guess=wrongFirst}) and one wrong only at its last ({@code guess=wrongLast}). A comparison that
 * stops at the first difference answers the first much sooner: that difference is what a timing attack measures.
 * Target: both take the same time, within the error bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class WebhookSecretBenchmark {

    /** {@code wrongFirst} or {@code wrongLast}. */
    @Param({"wrongFirst", "wrongLast"})
    public String guess;

    private WebhookSecret secret;
    private String presented;

    /** Makes the secret and the guess, and checks that the guess is refused. */
    @Setup
    public void make() {
        String value = "a".repeat(WebhookSecret.MAX_LENGTH);
        secret = WebhookSecret.of(value);
        presented = "wrongFirst".equals(guess) ? "b" + value.substring(1) : value.substring(1) + "b";
        if (secret.matches(presented)) {
            throw new IllegalStateException("the wrong guess was accepted");
        }
    }

    /**
     * Compares the guess with the secret.
     *
     * @return whether it matched (never)
     */
    @Benchmark
    public boolean matches() {
        return secret.matches(presented);
    }
}
