package dev.hookyard.server.logging;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link System.Logger} writing to SLF4J, so plugins log through the JDK's own interface (no logging framework
 * in the SPI) and still end up in Hookyard's log with its format and files.
 */
public final class Slf4jSystemLogger implements System.Logger {

    private final Logger delegate;

    public Slf4jSystemLogger(String name) {
        this.delegate = LoggerFactory.getLogger(name);
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> delegate.isTraceEnabled();
            case DEBUG -> delegate.isDebugEnabled();
            case INFO -> delegate.isInfoEnabled();
            case WARNING -> delegate.isWarnEnabled();
            case ERROR -> delegate.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, Supplier<String> message) {
        if (isLoggable(level)) {
            write(level, message.get(), null);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, message, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
        }
    }

    private void write(Level level, String message, Throwable thrown) {
        switch (level) {
            case ALL, TRACE -> delegate.trace(message, thrown);
            case DEBUG -> delegate.debug(message, thrown);
            case INFO -> delegate.info(message, thrown);
            case WARNING -> delegate.warn(message, thrown);
            case ERROR -> delegate.error(message, thrown);
            case OFF -> {
            }
        }
    }
}
