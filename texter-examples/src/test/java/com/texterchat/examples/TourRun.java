package com.texterchat.examples;

import com.texterchat.examples.tour.Tour;
import com.texterchat.examples.tour.TourResult;
import com.texterchat.testkit.TexterMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
     * Runs the tour with {@code server} as the embedded Texter (used only when the environment names no project).
     *
     * @param server the test kit server
     * @param environment the variables
     * @param args the arguments
     * @return the run
     */
    public static TourRun of(TexterMockServer server, Map<String, String> environment, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        TourResult result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = Tour.builder()
                    .environment(environment)
                    .arguments(List.of(args))
                    .output(out)
                    .sleeper(waits::add)
                    .embeddedServer(server)
                    .examples(TexterTour.examples())
                    .build()
                    .run();
        }
        return new TourRun(result, bytes.toString(StandardCharsets.UTF_8), List.copyOf(waits));
    }

    @Override
    public String toString() {
        return "exit " + result.exitCode() + ", output:\n" + output;
    }
}
