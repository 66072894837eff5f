package com.texterchat.examples.tour;

/**
 * A step of an example failed; the failure was printed already. The tour reports the example as failed and
 * carries on with the next one.
 */
public final class StepFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param step the title of the step that failed
     * @param cause what it threw
     */
    public StepFailedException(String step, Throwable cause) {
        super("step failed: " + step + ": " + Failures.describe(cause), cause);
    }
}
