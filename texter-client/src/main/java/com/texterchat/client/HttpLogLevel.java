package com.texterchat.client;

/**
 * How much of each HTTP exchange the client logs, through SLF4J at INFO level under the logger
 * {@code com.texterchat.client.http}. Whatever the level, the {@code Authorization} header is replaced by
 * {@code <redacted>} and the API token is masked wherever it would appear.
 *
 * <p>Independently of this setting, retries are logged at WARN under {@code com.texterchat.client.retry}.
 */
public enum HttpLogLevel {
    /** Nothing is logged per request (the default). */
    NONE,
    /** Method, URL and operation of each attempt; status, duration and size of each answer, or the I/O failure. */
    BASIC,
    /** {@link #BASIC} plus request and response headers. */
    HEADERS,
    /** {@link #HEADERS} plus request and response bodies (the first 8 KiB of each). */
    BODY
}
