package com.texterchat.client.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.event.Level;

/** What the tests' SLF4J backend ({@link CapturingSlf4jProvider}) has been given. */
public final class LogCapture {

    /** One logging call, formatted. */
    public record Entry(Level level, String logger, String message, Throwable thrown) {

        /** The message plus the stack trace of the throwable, as a log file would show it. */
        public String text() {
            if (thrown == null) {
                return message;
            }
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            return message + System.lineSeparator() + trace;
        }
    }

    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    static void record(Entry entry) {
        ENTRIES.add(entry);
    }

    /** Forgets everything captured so far. */
    public static void clear() {
        ENTRIES.clear();
    }

    /** The calls made to loggers whose name starts with the prefix. */
    public static List<Entry> entries(String loggerPrefix) {
        return ENTRIES.stream().filter(e -> e.logger().startsWith(loggerPrefix)).collect(Collectors.toList());
    }

    /** Everything captured, across all loggers, as one text. */
    public static String allText() {
        return ENTRIES.stream().map(Entry::text).collect(Collectors.joining(System.lineSeparator()));
    }
}
