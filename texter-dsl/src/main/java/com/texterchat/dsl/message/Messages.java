package com.texterchat.dsl.message;

/**
 * Starts a builder for each session-message type of Send a Message to Chat. Every builder checks the
 * documented limits ({@link MessageRules}) in {@code build()}, before anything is sent.
 *
 * <pre>{@code
 * SessionMessage hello = Messages.text("Hey there!").build();
 * SessionMessage menu = Messages.list("How can we help?", "Choose")
 *         .section("Support", s -> s.row("Technical issue", "1"))
 *         .build();
 * }</pre>
 */
public final class Messages {

    private Messages() {
    }

    /** A {@code text} message of 1-4096 characters. */
    public static TextMessageBuilder text(String text) {
        return new TextMessageBuilder(text);
    }

    /** A {@code media} message; add 1-10 files to it. */
    public static MediaMessageBuilder media() {
        return new MediaMessageBuilder();
    }

    /** A {@code buttons} message with {@code text} above 1-3 reply buttons. */
    public static ButtonsMessageBuilder buttons(String text) {
        return new ButtonsMessageBuilder(text);
    }

    /** A {@code list} message with {@code text} and a button labelled {@code button} that opens the list. */
    public static ListMessageBuilder list(String text, String button) {
        return new ListMessageBuilder(text, button);
    }

    /** A {@code contacts} message; add one or more cards to it. */
    public static ContactsMessageBuilder contacts() {
        return new ContactsMessageBuilder();
    }

    /** A {@code location} message at the given coordinates (degrees). */
    public static LocationMessageBuilder location(double latitude, double longitude) {
        return new LocationMessageBuilder(latitude, longitude);
    }
}
