package dev.hookyard.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A logback appender (see {@code logback-test.xml}) that keeps every event logged at ERROR, so a test can assert
 * that hostile input never produced one: a rejected or malformed request is the sender's problem, logged at WARN.
 */
public final class ErrorLogCounter extends AppenderBase<ILoggingEvent> {

    private static final List<String> ERRORS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            ERRORS.add(event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName()
                    + ": " + event.getThrowableProxy().getMessage() + ")"));
        }
    }

    /** Every ERROR event so far, oldest first. */
    static List<String> errors() {
        return List.copyOf(ERRORS);
    }
}
