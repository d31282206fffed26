package dev.hookyard.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects log lines while open, for assertions about what was (not) logged: WARN and above from every logger (the
 * tests' root level), and INFO too from the loggers named when capturing.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One captured line. */
    public record Line(Level level, String logger, String message, Throwable thrown) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + message + (thrown == null ? "" : " " + thrown);
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root;
    private final java.util.Map<Logger, Level> lowered = new java.util.LinkedHashMap<>();

    private LogCapture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Starts capturing; the named loggers log INFO until closed. */
    public static LogCapture capture(String... infoLoggers) {
        LogCapture capture = new LogCapture();
        capture.setContext(capture.root.getLoggerContext());
        capture.start();
        for (String name : infoLoggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            capture.lowered.put(logger, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        capture.root.addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        Throwable thrown = event.getThrowableProxy() instanceof ch.qos.logback.classic.spi.ThrowableProxy proxy
                ? proxy.getThrowable() : null;
        lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getFormattedMessage(), thrown));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Lines at {@code level} or above. */
    public List<Line> atLeast(Level level) {
        return lines.stream().filter(l -> l.level().isGreaterOrEqual(level)).toList();
    }

    /** Every captured line's message and throwable, as one text (to search for a secret). */
    public String text() {
        StringBuilder all = new StringBuilder();
        lines.forEach(l -> all.append(l).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        lowered.forEach(Logger::setLevel);
        stop();
    }
}
