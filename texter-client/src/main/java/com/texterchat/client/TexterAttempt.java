package com.texterchat.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt of a call, as a {@link TexterListener} sees it: the operation, the answer's status or the failure,
 * how long it took and what the client does next. Made by the client; immutable; carries no token, body or header.
 */
public interface TexterAttempt {

    /** What the client does after an attempt. */
    enum Decision {
        /** The attempt's answer or failure ends the call; retrying was not called for (a 2xx, a 404, ...). */
        DONE,
        /** The request is sent again after {@link #retryDelay()}. */
        RETRY,
        /**
         * A failure that would be retried, but repeating the request is not safe: a POST or PATCH that Texter may
         * already have processed (after a timeout, a reset connection or a 5xx).
         */
        UNSAFE_TO_RETRY,
        /** A failure that would be retried, but the retry policy allows no further attempt. */
        RETRIES_EXHAUSTED,
        /** The call timeout passed, or the wait before another attempt would have passed it. */
        DEADLINE,
        /** Texter asked ({@code Retry-After}) for a longer wait than the retry policy allows. */
        RETRY_AFTER_TOO_LONG,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    /**
     * The operationId, e.g. {@code getChat}.
     *
     * @return the operation
     */
    String operation();

    /**
     * The HTTP method, e.g. {@code GET}.
     *
     * @return the method
     */
    String method();

    /**
     * The path relative to the base URL as the spec writes it, with its parameters unfilled, e.g.
     * {@code /chats/{chatId}}.
     *
     * @return the path template
     */
    String pathTemplate();

    /**
     * Which attempt of the call this was, starting at 1.
     *
     * @return the attempt number
     */
    int attempt();

    /**
     * The HTTP status of the answer.
     *
     * @return the status, empty when no answer arrived
     */
    OptionalInt status();

    /**
     * The failure when no usable answer arrived (an I/O failure, a timeout, an oversized body); its message is
     * token-free.
     *
     * @return the failure, empty when an answer arrived
     */
    Optional<Throwable> exception();

    /**
     * How the attempt ended.
     *
     * @return the outcome
     */
    TexterOutcome outcome();

    /**
     * From sending the request to having read the whole answer (or failed).
     *
     * @return the duration
     */
    Duration duration();

    /**
     * What the client does next.
     *
     * @return the decision
     */
    Decision decision();

    /**
     * The wait before the next attempt.
     *
     * @return the wait when {@link #decision()} is {@link Decision#RETRY}, otherwise empty
     */
    Optional<Duration> retryDelay();
}
