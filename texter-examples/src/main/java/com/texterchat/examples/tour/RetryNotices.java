package com.texterchat.examples.tour;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Shows the client's own retry warnings (SLF4J logger {@code com.texterchat.client.retry}, e.g. {@code Texter
 * sendTemplateMessage answered HTTP 429; retry 1 of 2 in 1000 ms}) among the tour's lines, so the reader sees a rate
 * limit being handled where it happens. The tour logs through {@code java.util.logging} (slf4j-jdk14); while a tour
 * runs, this handler takes the retry logger's records instead of the console.
 */
final class RetryNotices implements AutoCloseable {

    /** The logger the client reports its retries to. */
    static final String RETRY_LOGGER = "com.texterchat.client.retry";

    private final Logger logger = Logger.getLogger(RETRY_LOGGER); // held: java.util.logging keeps loggers weakly
    private final Handler handler;
    private final boolean usedParentHandlers;
    private final Level previousLevel;

    private RetryNotices(TourOutput out) {
        SimpleFormatter formatter = new SimpleFormatter();
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                out.line("     ! client: " + formatter.formatMessage(record));
            }

            @Override
            public void flush() {
                // lines are flushed as they are printed
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        this.usedParentHandlers = logger.getUseParentHandlers();
        this.previousLevel = logger.getLevel();
        logger.setLevel(Level.WARNING);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Starts showing retry warnings on {@code out} until closed. */
    static RetryNotices showOn(TourOutput out) {
        return new RetryNotices(out);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
        logger.setLevel(previousLevel);
    }
}
