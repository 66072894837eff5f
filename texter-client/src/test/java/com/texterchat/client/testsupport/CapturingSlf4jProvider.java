package com.texterchat.client.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of this module's tests: every logger is enabled at every level (TRACE included, the most
 * verbose setting possible) and records what it is given in {@link LogCapture}. WARN and ERROR lines are also
 * printed so that test output still shows them.
 */
public final class CapturingSlf4jProvider implements SLF4JServiceProvider {

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            LogCapture.record(new LogCapture.Entry(level, name, message, throwable));
            if (level.toInt() >= Level.WARN.toInt()) {
                System.err.println(level + " " + name + " - " + message);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }


        @Override
        public boolean isDebugEnabled() {
            return true;
        }


        @Override
        public boolean isInfoEnabled() {
            return true;
        }


        @Override
        public boolean isWarnEnabled() {
            return true;
        }


        @Override
        public boolean isErrorEnabled() {
            return true;
        }

    }
}
