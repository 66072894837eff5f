package com.texterchat.dsl.quickreply;

import com.texterchat.dsl.internal.Check;
import java.time.Duration;

/** Converts a delay to the whole milliseconds Texter takes, refusing what would be cut off. */
final class Delays {

    private Delays() {
    }

    static int millis(String field, Duration delay) {
        Check.that(!delay.isNegative() && delay.getNano() % 1_000_000 == 0
                        && delay.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0,
                field, "must be 0-" + Integer.MAX_VALUE + " whole milliseconds, was " + delay);
        return (int) delay.toMillis();
    }
}
