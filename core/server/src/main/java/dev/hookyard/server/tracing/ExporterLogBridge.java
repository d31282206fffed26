package dev.hookyard.server.tracing;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the OpenTelemetry SDK logs (through {@code java.util.logging}: a collector that cannot be reached, a
 * full batch queue) to Hookyard's log as one line each, logger {@code hookyard.tracing}, instead of JUL's two-line
 * records and stack traces on the console only. The SDK throttles these itself; the exception's class and message
 * are kept (they name the collector's address at most: credentials go in headers, which the SDK never logs).
 */
final class ExporterLogBridge extends Handler {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("hookyard.tracing");
    /** Kept referenced: JUL holds loggers weakly, and a collected one would lose its handler. */
    private static final Logger OPENTELEMETRY = Logger.getLogger("io.opentelemetry");

    private ExporterLogBridge() {
    }

    /** Routes the SDK's logging through SLF4J from now on; calling it again changes nothing. */
    static synchronized void install() {
        for (Handler handler : OPENTELEMETRY.getHandlers()) {
            if (handler instanceof ExporterLogBridge) {
                return;
            }
        }
        OPENTELEMETRY.addHandler(new ExporterLogBridge());
        OPENTELEMETRY.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        int level = record.getLevel().intValue();
        if (level < Level.INFO.intValue()) {
            return;
        }
        String message = record.getMessage() + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")");
        if (level >= Level.WARNING.intValue()) {
            LOG.warn("{}", message);
        } else {
            LOG.info("{}", message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
