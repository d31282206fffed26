package dev.hookyard.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs at most one WARN line per key per period, so that a flood of bad requests cannot flood the log. The first
 * line after a quiet period says how many were left out since the previous one.
 */
final class ThrottledWarnings {

    private final Logger log;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ThrottledWarnings(Logger log, java.time.Duration period, LongSupplier nanoTime) {
        this.log = log;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Logs {@code message} (an SLF4J pattern) unless a line for {@code key} was logged within the period. */
    void warn(String key, String message, Object... arguments) {
        if (!log.isWarnEnabled()) {
            return;
        }
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long suppressed;
        synchronized (window) {
            long now = nanoTime.getAsLong();
            if (window.logged && now - window.lastLogged < periodNanos) {
                window.suppressed++;
                return;
            }
            window.logged = true;
            window.lastLogged = now;
            suppressed = window.suppressed;
            window.suppressed = 0;
        }
        if (suppressed > 0) {
            log.warn(message + " ({} more like it not logged)", append(arguments, suppressed));
        } else {
            log.warn(message, arguments);
        }
    }

    private static Object[] append(Object[] arguments, Object last) {
        Object[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }

    private static final class Window {
        boolean logged;
        long lastLogged;
        long suppressed;
    }
}
