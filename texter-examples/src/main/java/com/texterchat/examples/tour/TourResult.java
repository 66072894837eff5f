package com.texterchat.examples.tour;

import java.time.Duration;
import java.util.List;

/**
 * How a tour went.
 *
 * @param exitCode 0 when every example completed, 1 when one failed, 2 for a configuration error
 * @param examples each example run, in order
 */
public record TourResult(int exitCode, List<ExampleRun> examples) {

    /** Copies the list. */
    public TourResult {
        examples = List.copyOf(examples);
    }

    /**
     * One example's run.
     *
     * @param id the example's id
     * @param title the example's title
     * @param passed whether it completed without a failed step
     * @param stepsDone steps that ran
     * @param stepsSkipped steps that were skipped, each printed with its reason
     * @param took how long it took
     */
    public record ExampleRun(String id, String title, boolean passed, int stepsDone, int stepsSkipped, Duration took) {
    }
}
