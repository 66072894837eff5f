package com.texterchat.client.internal;

/** Keeps a log message on one line: line breaks and other control characters become escapes. */
public final class OneLine {

    private OneLine() {
    }

    /**
     * The text with CR, LF and tab as {@code \r}, {@code \n}, {@code \t} and other control characters as
     * {@code \}{@code uXXXX}, so a log line cannot be split or forged by what a server sent.
     *
     * @param text any text
     * @return the text on one line
     */
    public static String of(String text) {
        int i = 0;
        while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
