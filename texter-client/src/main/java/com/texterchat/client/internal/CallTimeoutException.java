package com.texterchat.client.internal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The client's total deadline for one call ({@code callTimeout}) passed: across all attempts and the waits between
 * them. A {@link HttpTimeoutException}, so the caller sees a {@code TexterIoException} whose {@code isTimeout()} is
 * {@code true}, and whose message names the deadline.
 */
public final class CallTimeoutException extends HttpTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param callTimeout the deadline that passed
     * @param attempts    how many attempts were made
     * @param cause       the failure of the last attempt, when it was cut short by the deadline
     */
    CallTimeoutException(Duration callTimeout, int attempts, @Nullable IOException cause) {
        super("exceeded the call timeout of " + format(callTimeout) + " (callTimeout) after " + attempts
                + (attempts == 1 ? " attempt" : " attempts"));
        if (cause != null) {
            initCause(cause);
        }
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
