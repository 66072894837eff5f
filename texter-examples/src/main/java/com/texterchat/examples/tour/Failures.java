package com.texterchat.examples.tour;

/** Short, readable descriptions of failures for the tour's output. */
final class Failures {

    private Failures() {
    }

    /** The failure's type and message, e.g. {@code TexterBadRequestException: sendMessage: HTTP 400 ...}. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
