package com.texterchat.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One call as a whole, all its attempts and the waits between them, as a {@link TexterListener} sees it when it
 * ends. Made by the client; immutable; carries no token, body or header.
 */
public interface TexterCall {

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
     * The path relative to the base URL with its parameters unfilled, e.g. {@code /chats/{chatId}}.
     *
     * @return the path template
     */
    String pathTemplate();

    /**
     * How many attempts were made (1 when the first one was final).
     *
     * @return the number of attempts, at least 1
     */
    int attempts();

    /**
     * The HTTP status of the final answer.
     *
     * @return the status, empty when the call ended without an answer
     */
    OptionalInt status();

    /**
     * The failure the call ended with when no answer arrived; its message is token-free.
     *
     * @return the failure, empty when an answer arrived
     */
    Optional<Throwable> exception();

    /**
     * How the call ended.
     *
     * @return the outcome
     */
    TexterOutcome outcome();

    /**
     * From the start of the first attempt to the end of the last, waits included.
     *
     * @return the duration
     */
    Duration duration();
}
