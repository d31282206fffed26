package dev.hookyard.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.hookyard.server.config.HookyardConfig.LoggingSettings.LogFormat;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} to the appenders that {@code conf/logback.xml} set up: {@code text} keeps their
 * patterns; {@code json} gives every console and file appender Logback's {@link JsonEncoder}, one JSON object per
 * line (timestamp in epoch milliseconds, level, thread, logger, MDC, the formatted message, the throwable). Lines
 * logged before the configuration was read keep the text format.
 */
public final class LogFormats {

    private LogFormats() {
    }

    /** Switches the appenders of {@code factory} (Logback's context) to {@code format}; false if not Logback. */
    public static boolean apply(LogFormat format, ILoggerFactory factory) {
        if (format != LogFormat.JSON) {
            return true;
        }
        if (!(factory instanceof LoggerContext context)) {
            LoggerFactory.getLogger("hookyard").warn("logging.format: json needs Logback as the SLF4J provider;"
                    + " {} is in use, so its own format is kept", factory.getClass().getName());
            return false;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                        && !(appender.getEncoder() instanceof JsonEncoder)) {
                    // Set while the appender runs: it encodes each event under its own lock, with whichever
                    // encoder it holds then; the JSON encoder writes no header, so the stream stays line-based.
                    appender.setEncoder(jsonEncoder(context));
                }
            }
        }
        return true;
    }

    private static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        // The formatted message only: the pattern and its arguments would say the same thing twice.
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
