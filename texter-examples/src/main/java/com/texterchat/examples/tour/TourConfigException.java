package com.texterchat.examples.tour;

/**
 * The tour's arguments or {@code TEXTER_*} variables are wrong; the message names the argument or variable and what
 * it accepts. The tour prints it with its usage and exits with status 2.
 */
public final class TourConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the argument or variable
     */
    public TourConfigException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the argument or variable
     * @param cause the underlying error
     */
    public TourConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
