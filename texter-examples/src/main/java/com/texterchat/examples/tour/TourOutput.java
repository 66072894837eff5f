package com.texterchat.examples.tour;

import java.io.PrintStream;

/**
 * Where the tour prints. A line can be left open ({@link #begin}) so that a step's result lands on the same line
 * as its title; anything printed in between (a progress item, a retry notice) closes it first, and the result then
 * goes on its own line. Used from one thread at a time (the tour runs the examples one after the other).
 */
final class TourOutput {

    private final PrintStream out;
    private boolean lineOpen;

    TourOutput(PrintStream out) {
        this.out = out;
    }

    /** Prints {@code text} and leaves the line open for {@link #end}. */
    void begin(String text) {
        closeLine();
        out.print(text);
        out.flush();
        lineOpen = true;
    }

    /** Completes the open line with {@code text}, or prints it on a new line after {@code indent} when closed. */
    void end(String indent, String text) {
        if (lineOpen) {
            out.println(" " + text);
            lineOpen = false;
        } else {
            out.println(indent + text);
        }
        out.flush();
    }

    /** Prints a line of its own. */
    void line(String text) {
        closeLine();
        out.println(text);
        out.flush();
    }

    /** Prints an empty line. */
    void blank() {
        line("");
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
