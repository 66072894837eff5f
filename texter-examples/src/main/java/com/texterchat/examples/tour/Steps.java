package com.texterchat.examples.tour;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs an example's steps and prints each with its outcome. Reads always run; writes (anything that sends a message
 * or changes data in Texter) run only when the tour allows them, and are otherwise printed as skipped with the
 * reason. This is the one place where the embedded and the real-API runs differ for an example.
 *
 * <pre>{@code
 *   1. Find the chat of +972521234567 (Search Chats) ... ok: chat 67bf1103... "John Doe", ASSIGNED
 *   2. Merge the CRM record into the chat (Update CRM Data) ... skipped: writes are off (read-only run) ...
 * }</pre>
 *
 * <p>A step that throws is printed as failed and ends the example with a {@link StepFailedException}.
 */
public final class Steps {

    private static final String RESULT_INDENT = "     ";

    private final TourOutput out;
    private final @Nullable String writesOff;
    private int number;
    private int done;
    private int skipped;

    Steps(TourOutput out, @Nullable String writesOff) {
        this.out = out;
        this.writesOff = writesOff;
    }

    /**
     * Steps printed to {@code out}, e.g. to run an example's code outside the tour.
     *
     * @param out where to print
     * @param writesOff why no write may happen (each write step is then skipped with this reason), or {@code null}
     *     to allow writes
     * @return the steps
     */
    public static Steps printingTo(PrintStream out, @Nullable String writesOff) {
        return new Steps(new TourOutput(out), writesOff);
    }

    /**
     * Runs a step that only reads (or does not call Texter at all) and prints its result.
     *
     * @param title what the step does, e.g. {@code Find the chat of +972521234567 (Search Chats)}
     * @param action the work
     * @param result describes the outcome for the reader
     * @param <T> what the step returns
     * @return what the action returned
     * @throws StepFailedException when the action throws; the failure is printed first
     */
    public <T extends @Nullable Object> T step(String title, Supplier<T> action, Function<? super T, String> result) {
        out.begin("  " + (++number) + ". " + title + " ...");
        T value;
        try {
            value = action.get();
        } catch (RuntimeException e) {
            out.end(RESULT_INDENT, "FAILED: " + Failures.describe(e));
            throw new StepFailedException(title, e);
        }
        out.end(RESULT_INDENT, "ok: " + result.apply(value));
        done++;
        return value;
    }

    /**
     * Runs a step that changes something in Texter, if the tour allows writes.
     *
     * @param title what the step does
     * @param action the work
     * @param result describes the outcome for the reader
     * @param <T> what the step returns
     * @return what the action returned, or empty when the step was skipped
     */
    public <T> Optional<T> write(String title, Supplier<T> action, Function<? super T, String> result) {
        return write(title, null, action, result);
    }

    /**
     * Runs a step that changes something in Texter, unless writes are off or {@code blockedBecause} gives a reason not
     * to (e.g. the chat was picked for reading only, or WhatsApp's 24-hour window is closed).
     *
     * @param title what the step does
     * @param blockedBecause why this particular write must not happen, or {@code null}
     * @param action the work
     * @param result describes the outcome for the reader
     * @param <T> what the step returns
     * @return what the action returned, or empty when the step was skipped
     */
    public <T> Optional<T> write(String title, @Nullable String blockedBecause, Supplier<T> action,
            Function<? super T, String> result) {
        String reason = writesOff != null ? writesOff : blockedBecause;
        if (reason != null) {
            skip(title, reason);
            return Optional.empty();
        }
        return Optional.of(step(title, action, result));
    }

    /** Whether write steps run at all in this tour (they may still be blocked one by one). */
    public boolean writesAllowed() {
        return writesOff == null;
    }

    /**
     * Prints a step that does not run, with the reason.
     *
     * @param title what the step would have done
     * @param reason why it does not run
     */
    public void skip(String title, String reason) {
        out.line("  " + (++number) + ". " + title + " ... skipped: " + reason);
        skipped++;
    }

    /**
     * Prints a remark under the current step.
     *
     * @param text the remark
     */
    public void note(String text) {
        out.line(RESULT_INDENT + "! " + text);
    }

    /**
     * Progress over the items of the current step (recipients, events, ...): {@code [2/5] +972500000002 ... sent}.
     *
     * @param total how many items there are
     * @return the progress printer
     */
    public Progress progress(int total) {
        return new Progress(total);
    }

    int done() {
        return done;
    }

    int skipped() {
        return skipped;
    }

    /** Prints the items of a step one by one, numbered out of their total. */
    public final class Progress {
        private final int total;
        private int current;

        private Progress(int total) {
            if (total < 0) {
                throw new IllegalArgumentException("total must be 0 or more, got " + total);
            }
            this.total = total;
        }

        /**
         * Starts the next item: prints {@code [n/total] label ...} and leaves the line open for {@link #end}.
         *
         * @param label the item, e.g. a phone number
         */
        public void begin(String label) {
            if (current == total) {
                throw new IllegalStateException("all " + total + " items were already reported");
            }
            current++;
            out.begin(RESULT_INDENT + "[" + current + "/" + total + "] " + Objects.requireNonNull(label) + " ...");
        }

        /**
         * Completes the current item with its outcome.
         *
         * @param outcome e.g. {@code sent (message 6908...)}
         */
        public void end(String outcome) {
            out.end(RESULT_INDENT + "      ", outcome);
        }
    }
}
