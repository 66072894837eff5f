package com.texterchat.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code Retry-After} header, which holds either a number of seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait a response asks for.
     *
     * @param headers the response headers (names in any case)
     * @param now     the current time, to turn an HTTP date into a wait
     * @return the wait (zero for a date in the past), or empty when the header is missing or unreadable
     */
    public static Optional<Duration> from(Map<String, Collection<String>> headers, Instant now) {
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                return parse(header.getValue().iterator().next(), now);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses one {@code Retry-After} value.
     *
     * @param value delay-seconds (e.g. {@code 120}) or an HTTP date (e.g. {@code Wed, 21 Oct 2015 07:28:00 GMT})
     * @param now   the current time
     * @return the wait, or empty when the value is neither
     */
    public static Optional<Duration> parse(String value, Instant now) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
