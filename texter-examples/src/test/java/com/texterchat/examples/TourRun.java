package com.texterchat.examples;

import com.texterchat.examples.tour.Tour;
import com.texterchat.examples.tour.TourResult;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of the tour in this JVM, with everything it printed and every wait the client's retry policy asked for
 * (recorded, not slept, so tests do not wait for Retry-After).
 *
 * @param result the outcome
 * @param output what the tour printed
 * @param waits the waits before retries
 */
public record TourRun(TourResult result, String output, List<Duration> waits) {

    /**
     * Runs the tour on {@code simulator} as the embedded Texter (no project in the environment).
     *
     * @param simulator a simulator of the demo project ({@code EmbeddedTexter.project()})
     * @param args the arguments
     * @return the run
     */
    public static TourRun embedded(TexterSimulator simulator, String... args) {
        return run(Map.of(), args, builder -> builder.embeddedSimulator(simulator));
    }

    /**
     * Runs the tour against the project the environment names ({@code TEXTER_PROJECT_ID}, ...).
     *
     * @param environment the variables
     * @param args the arguments
     * @return the run
     */
    public static TourRun realApi(Map<String, String> environment, String... args) {
        return run(environment, args, builder -> { });
    }

    private static TourRun run(Map<String, String> environment, String[] args, Consumer<Tour.Builder> more) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        TourResult result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Tour.Builder builder = Tour.builder()
                    .environment(environment)
                    .arguments(List.of(args))
                    .output(out)
                    .sleeper(waits::add)
                    .examples(TexterTour.examples());
            more.accept(builder);
            result = builder.build().run();
        }
        return new TourRun(result, bytes.toString(StandardCharsets.UTF_8), List.copyOf(waits));
    }

    @Override
    public String toString() {
        return "exit " + result.exitCode() + ", output:\n" + output;
    }
}
