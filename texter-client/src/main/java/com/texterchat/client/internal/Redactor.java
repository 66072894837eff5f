package com.texterchat.client.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the API token out of logs and exceptions.
 *
 * <p>{@link #mask(String)} hides, in a text, the token and every run of at least {@value #MIN_SLICE} characters of
 * it (so a token cut at the end of a shortened text, or shown in part by a library's message, is hidden too),
 * whether it is written plainly, JSON-escaped (<code>&#92;u0074</code>, {@code \/}) or URL-encoded ({@code %74}); callers
 * mask a text before they shorten it. {@link #scrubbed(Throwable)} gives a throwable whose messages, along its
 * cause chain and suppressed exceptions, are masked. Credential header values are replaced entirely.
 */
public final class Redactor {

    /** What a masked secret is replaced by. */
    public static final String MASK = "<redacted>";

    /** The shortest run of the token's characters that is masked when it is not the whole token. */
    static final int MIN_SLICE = 8;

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final String token;
    /** The length of the runs looked for: {@link #MIN_SLICE}, or the whole token when it is shorter. */
    private final int slice;
    /** The hashes of every slice of the token, sorted for a binary search. */
    private final long[] sliceHashes;

    /**
     * A redactor for one token.
     *
     * @param token the API token to mask; an empty one masks nothing
     */
    public Redactor(String token) {
        this.token = token;
        this.slice = Math.min(MIN_SLICE, token.length());
        long[] hashes = new long[Math.max(0, token.length() - slice + 1)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(token, i, slice);
        }
        Arrays.sort(hashes);
        this.sliceHashes = hashes;
    }

    /**
     * The text with the token masked: every occurrence of it, and every run of at least {@value #MIN_SLICE} of its
     * consecutive characters, plain, JSON-escaped or URL-encoded, becomes {@link #MASK}. Meant for bounded texts
     * (messages, log lines, excerpts): mask first, then shorten.
     *
     * @param text any text
     * @return the masked text (the same instance when nothing was masked)
     */
    public String mask(String text) {
        if (slice == 0 || text.length() < slice) {
            return text;
        }
        Decoded decoded = Decoded.of(text);
        CharSequence chars = decoded.chars;
        int n = chars.length();
        @Nullable StringBuilder out = null;
        int copied = 0; // index in text up to which the output is written
        int i = 0;
        while (i + slice <= n) {
            int run = runAt(chars, i);
            if (run == 0) {
                i++;
                continue;
            }
            int from = decoded.start(i);
            int to = decoded.start(i + run);
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            if (from >= copied) {
                out.append(text, copied, from).append(MASK);
            }
            copied = Math.max(copied, to);
            i += run;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * Same as {@link #mask(String)}.
     *
     * @param text any text
     * @return the masked text
     */
    public String scrub(String text) {
        return mask(text);
    }

    /**
     * A throwable that prints nothing of the token: the throwable itself when none of its messages, along the
     * cause chain and the suppressed exceptions, holds any part of it; otherwise a {@link RedactedThrowable} that
     * names the original class, has the masked message and the original stack trace, and whose cause and
     * suppressed exceptions are scrubbed the same way.
     *
     * @param thrown a throwable, or {@code null}
     * @return a throwable safe to attach as a cause, or {@code null} for {@code null}
     */
    public @Nullable Throwable scrubbed(@Nullable Throwable thrown) {
        if (thrown == null || isClean(thrown, 0)) {
            return thrown;
        }
        return copy(thrown, 0);
    }

    /**
     * {@link #scrubbed(Throwable)} for a cause that must stay an {@link IOException}: the exception itself when it
     * is clean, otherwise an {@code IOException} with the original class name, the masked message and the
     * original stack trace, caused by the scrubbed cause.
     *
     * @param thrown an I/O failure
     * @return an I/O failure safe to attach as a cause
     */
    public IOException scrubbed(IOException thrown) {
        if (isClean(thrown, 0)) {
            return thrown;
        }
        String message = thrown.getMessage();
        IOException copy = new IOException(thrown.getClass().getName() + " [token redacted]"
                + (message == null ? "" : ": " + mask(message)), scrubbed(thrown.getCause()));
        copy.setStackTrace(thrown.getStackTrace());
        for (Throwable suppressed : thrown.getSuppressed()) {
            copy.addSuppressed(Objects.requireNonNull(scrubbed(suppressed)));
        }
        return copy;
    }

    private boolean isClean(Throwable t, int depth) {
        if (depth > 32) {
            return true; // a cycle or an absurd chain: the copy stops at the same depth
        }
        String text = String.valueOf(t.getMessage()) + ' ' + t;
        if (!mask(text).equals(text)) {
            return false;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (!isClean(suppressed, depth + 1)) {
                return false;
            }
        }
        Throwable cause = t.getCause();
        return cause == null || cause == t || isClean(cause, depth + 1);
    }

    private Throwable copy(Throwable t, int depth) {
        String message = t.getMessage();
        RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(), message == null ? null : mask(message));
        copy.setStackTrace(t.getStackTrace());
        if (depth < 32) {
            Throwable cause = t.getCause();
            if (cause != null && cause != t) {
                copy.initCause(isClean(cause, depth + 1) ? cause : copy(cause, depth + 1));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                copy.addSuppressed(isClean(suppressed, depth + 1) ? suppressed : copy(suppressed, depth + 1));
            }
        }
        return copy;
    }

    /**
     * The length of the longest run of the token's characters starting at {@code i}, or 0 when it is shorter
     * than the slice length.
     */
    private int runAt(CharSequence chars, int i) {
        long h = hash(chars, i, slice);
        if (Arrays.binarySearch(sliceHashes, h) < 0) {
            return 0;
        }
        int best = 0;
        int n = chars.length();
        for (int p = 0; p + slice <= token.length(); p++) {
            int k = 0;
            while (p + k < token.length() && i + k < n && chars.charAt(i + k) == token.charAt(p + k)) {
                k++;
            }
            if (k >= slice && k > best) {
                best = k;
            }
        }
        return best;
    }

    private static long hash(CharSequence s, int from, int length) {
        long h = 1125899906842597L;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /**
     * The value of a header as it may be logged: masked entirely for credential headers, token-masked otherwise.
     *
     * @param name  the header name (any case)
     * @param value the header value
     * @return the loggable value
     */
    public String headerValue(String name, String value) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : mask(value);
    }

    /**
     * A text with its JSON escapes (<code>&#92;uXXXX</code>, {@code \/} and the other two-character ones) and URL escapes
     * ({@code %XX}) decoded, and for each decoded character where it starts in the text.
     */
    private static final class Decoded {

        final CharSequence chars;
        /** Where each decoded character starts in the text, plus the text's length; {@code null}: the identity. */
        private final int @Nullable [] starts;

        private Decoded(CharSequence chars, int @Nullable [] starts) {
            this.chars = chars;
            this.starts = starts;
        }

        int start(int decodedIndex) {
            return starts == null ? decodedIndex : starts[decodedIndex];
        }

        static Decoded of(String text) {
            if (text.indexOf('\\') < 0 && text.indexOf('%') < 0) {
                return new Decoded(text, null);
            }
            int n = text.length();
            StringBuilder chars = new StringBuilder(n);
            int[] starts = new int[n + 1];
            int i = 0;
            while (i < n) {
                starts[chars.length()] = i;
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < n && text.charAt(i + 1) == 'u' && hex(text, i + 2, 4) >= 0) {
                    chars.append((char) hex(text, i + 2, 4));
                    i += 6;
                } else if (c == '\\' && i + 1 < n && "/\\\"".indexOf(text.charAt(i + 1)) >= 0) {
                    chars.append(text.charAt(i + 1));
                    i += 2;
                } else if (c == '%' && i + 2 < n && hex(text, i + 1, 2) >= 0) {
                    chars.append((char) hex(text, i + 1, 2));
                    i += 3;
                } else {
                    chars.append(c);
                    i++;
                }
            }
            starts[chars.length()] = n;
            return new Decoded(chars, starts);
        }

        /** The value of {@code count} hex digits at {@code from}, or -1. */
        private static int hex(String text, int from, int count) {
            if (from + count > text.length()) {
                return -1;
            }
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = text.charAt(i);
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0) {
                    return -1;
                }
                value = value * 16 + digit;
            }
            return value;
        }
    }
}
