package com.texterchat.client.error;

import org.jspecify.annotations.Nullable;

/** Bounds the response text an exception keeps, so that a huge body does not live on in a logged exception. */
final class BodyPrefix {

    /** How many characters of a response body an exception keeps: 64 Ki (65,536). */
    static final int MAX_CHARS = 64 * 1024;

    private BodyPrefix() {
    }

    /** The first {@link #MAX_CHARS} characters of the text (one fewer rather than half a surrogate pair). */
    static String of(@Nullable String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }
}
