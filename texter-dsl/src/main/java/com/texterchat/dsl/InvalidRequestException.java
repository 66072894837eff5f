package com.texterchat.dsl;

/**
 * A request body broke one of Texter's or WhatsApp's documented rules and was rejected locally, before
 * anything was sent.
 *
 * <p>The message names the offending field (as a JSON path such as {@code list.sections[0].rows[2].title})
 * and the limit, e.g. {@code "text must be 1-4096 characters, was 5000"}.
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the offending field. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the JSON path of the offending field, e.g. {@code buttons[1].title}
     * @param message the complete message; it starts with the field
     */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code buttons[1].title}, or the body's root {@code ""}. */
    public String field() {
        return field;
    }
}
