package com.texterchat.client.internal;

import com.texterchat.client.TexterAttempt;
import com.texterchat.client.TexterCall;
import com.texterchat.client.TexterListener;
import com.texterchat.client.TexterOutcome;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one client, called so that none can break a call: an exception a listener throws is logged on
 * one WARN line under {@code com.texterchat.client.listener} (its stack trace at DEBUG) and the call goes on. Both
 * the blocking and the asynchronous path report through it.
 */
public final class Listeners {

    /** No listener: {@link #isEmpty()} is {@code true}, and callers skip building events. */
    public static final Listeners NONE = new Listeners(List.of(), new Redactor(""));

    private static final Logger LOG = LoggerFactory.getLogger("com.texterchat.client.listener");

    private final TexterListener[] listeners;
    private final Redactor redactor;

    /**
     * The listeners, in the order they are called.
     *
     * @param listeners the listeners
     * @param redactor  masks the token in the failures handed to them and in log lines
     */
    public Listeners(List<TexterListener> listeners, Redactor redactor) {
        this.listeners = listeners.toArray(new TexterListener[0]);
        this.redactor = redactor;
    }

    /**
     * Whether there is no listener, so no event need be made.
     *
     * @return {@code true} when there is none
     */
    public boolean isEmpty() {
        return listeners.length == 0;
    }

    /**
     * The failure as listeners may see it: itself, or a stand-in when its text would show the token.
     *
     * @param failure a failure of an attempt
     * @return the failure to hand on
     */
    public @Nullable Throwable visible(@Nullable Throwable failure) {
        return redactor.scrubbed(failure);
    }

    /**
     * Reports an attempt to every listener.
     *
     * @param endpoint   the operation
     * @param attempt    the attempt number, from 1
     * @param status     the answer's status, or -1 when there was none
     * @param failure    the failure when there was no answer
     * @param nanos      how long the attempt took
     * @param decision   what happens next
     * @param retryDelay the wait before the next attempt, for {@link TexterAttempt.Decision#RETRY}
     */
    public void attempt(Endpoint endpoint, int attempt, int status, @Nullable Throwable failure, long nanos,
            TexterAttempt.Decision decision, @Nullable Duration retryDelay) {
        if (listeners.length == 0) {
            return;
        }
        Attempt event = new Attempt(endpoint, attempt, status, visible(failure), Duration.ofNanos(nanos), decision,
                retryDelay);
        for (TexterListener listener : listeners) {
            try {
                listener.onAttempt(event);
            } catch (RuntimeException e) {
                failed(listener, "onAttempt", endpoint, e);
            }
        }
    }

    /**
     * Reports the end of a call to every listener.
     *
     * @param endpoint the operation
     * @param attempts how many attempts were made
     * @param status   the final answer's status, or -1 when there was none
     * @param failure  the failure when there was no answer
     * @param nanos    how long the call took
     */
    public void call(Endpoint endpoint, int attempts, int status, @Nullable Throwable failure, long nanos) {
        if (listeners.length == 0) {
            return;
        }
        Call event = new Call(endpoint, attempts, status, visible(failure), Duration.ofNanos(nanos));
        for (TexterListener listener : listeners) {
            try {
                listener.onCall(event);
            } catch (RuntimeException e) {
                failed(listener, "onCall", endpoint, e);
            }
        }
    }

    private void failed(TexterListener listener, String callback, Endpoint endpoint, RuntimeException e) {
        String line = OneLine.of(redactor.scrub("Texter listener " + listener.getClass().getName() + "." + callback
                + " threw " + e + " for " + endpoint.operation() + "; the call goes on"));
        LOG.warn(line);
        if (LOG.isDebugEnabled()) {
            LOG.debug(line, redactor.scrubbed(e));
        }
    }

    static TexterOutcome outcome(int status, @Nullable Throwable failure) {
        if (status >= 0) {
            return TexterOutcome.ofStatus(status);
        }
        return failure instanceof HttpTimeoutException || failure instanceof InterruptedIOException
                ? TexterOutcome.TIMEOUT : TexterOutcome.IO_ERROR;
    }

    private static OptionalInt status(int status) {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    private record Attempt(Endpoint endpoint, int attempt, int statusCode, @Nullable Throwable failure,
            Duration duration, Decision decision, @Nullable Duration delay) implements TexterAttempt {

        @Override
        public String operation() {
            return endpoint.operation();
        }

        @Override
        public String method() {
            return endpoint.method();
        }

        @Override
        public String pathTemplate() {
            return endpoint.pathTemplate();
        }

        @Override
        public OptionalInt status() {
            return Listeners.status(statusCode);
        }

        @Override
        public Optional<Throwable> exception() {
            return Optional.ofNullable(failure);
        }

        @Override
        public TexterOutcome outcome() {
            return Listeners.outcome(statusCode, failure);
        }

        @Override
        public Optional<Duration> retryDelay() {
            return Optional.ofNullable(delay);
        }

        @Override
        public String toString() {
            return "TexterAttempt[" + endpoint.operation() + " " + endpoint.method() + " " + endpoint.pathTemplate()
                    + ", attempt " + attempt + ", " + (statusCode < 0 ? String.valueOf(failure) : "HTTP " + statusCode)
                    + ", " + duration.toMillis() + " ms, " + decision + (delay == null ? "" : " in " + delay.toMillis()
                    + " ms") + "]";
        }
    }

    private record Call(Endpoint endpoint, int attempts, int statusCode, @Nullable Throwable failure,
            Duration duration) implements TexterCall {

        @Override
        public String operation() {
            return endpoint.operation();
        }

        @Override
        public String method() {
            return endpoint.method();
        }

        @Override
        public String pathTemplate() {
            return endpoint.pathTemplate();
        }

        @Override
        public OptionalInt status() {
            return Listeners.status(statusCode);
        }

        @Override
        public Optional<Throwable> exception() {
            return Optional.ofNullable(failure);
        }

        @Override
        public TexterOutcome outcome() {
            return Listeners.outcome(statusCode, failure);
        }

        @Override
        public String toString() {
            return "TexterCall[" + endpoint.operation() + " " + endpoint.method() + " " + endpoint.pathTemplate()
                    + ", " + attempts + " attempt(s), " + (statusCode < 0 ? String.valueOf(failure)
                    : "HTTP " + statusCode) + ", " + duration.toMillis() + " ms]";
        }
    }
}
