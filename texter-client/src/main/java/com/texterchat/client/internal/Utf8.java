package com.texterchat.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * Finds the UTF-8 that Jackson's byte parser accepts although it is invalid: overlong forms ({@code C0 AF} for
 * {@code /}), encoded surrogates and code points beyond U+10FFFF. Jackson itself checks the rest (continuation
 * bytes, truncated sequences).
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The offset of the first invalid sequence of those kinds, or -1 when there is none or the bytes are not
     * UTF-8 at all (a zero byte among the first four, as in UTF-16 and UTF-32 JSON, or a UTF-16 byte order mark).
     *
     * @param bytes a JSON body
     * @return the offset, or -1
     */
    public static int firstInvalid(byte[] bytes) {
        return isUtf8Json(bytes) ? firstInvalid(bytes, new String(bytes, StandardCharsets.UTF_8)) : -1;
    }

    /**
     * {@link #firstInvalid(byte[])} for a body already decoded with {@code new String(bytes, UTF_8)}. The JDK's
     * decoder replaces every sequence this class looks for with U+FFFD, so a body whose decoding has none is valid
     * at the cost of one (intrinsic) {@code indexOf}; only a body that has one is walked byte by byte, to tell a
     * U+FFFD that was sent ({@code EF BF BD}) from an invalid sequence and to find its offset. (A byte loop over
     * every body was the most expensive part of reading 30 chats while the JIT had not compiled it yet.)
     *
     * @param bytes   a JSON body for which {@link #isUtf8Json(byte[])} holds
     * @param decoded {@code new String(bytes, StandardCharsets.UTF_8)}
     * @return the offset, or -1
     */
    public static int firstInvalid(byte[] bytes, String decoded) {
        return decoded.indexOf('\uFFFD') < 0 ? -1 : scan(bytes);
    }

    /** The byte-by-byte walk behind {@link #firstInvalid(byte[], String)}; package-private for its test. */
    static int scan(byte[] bytes) {
        int n = bytes.length;
        for (int i = 0; i < n; i++) {
            int b = bytes[i];
            if (b >= -64 && b < 0) { // a lead byte 0xC0..0xFF; ASCII and continuation bytes pass at once
                int lead = b & 0xFF;
                int next = i + 1 < n ? bytes[i + 1] & 0xFF : 0x80;
                if (lead <= 0xC1 || lead >= 0xF5
                        || lead == 0xE0 && next < 0xA0
                        || lead == 0xED && next >= 0xA0
                        || lead == 0xF0 && next < 0x90
                        || lead == 0xF4 && next >= 0x90) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Whether a JSON body can be UTF-8: not when a zero byte is among its first four bytes (UTF-16 and UTF-32 JSON)
     * or it starts with a UTF-16 byte order mark.
     *
     * @param bytes a JSON body
     * @return {@code true} when it may be UTF-8
     */
    public static boolean isUtf8Json(byte[] bytes) {
        int n = bytes.length;
        if (n >= 2 && (bytes[0] == (byte) 0xFE || bytes[0] == (byte) 0xFF)) {
            return false;
        }
        for (int i = 0; i < Math.min(4, n); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
