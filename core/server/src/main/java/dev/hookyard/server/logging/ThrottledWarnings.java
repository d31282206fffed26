package dev.hookyard.server.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs at most a few WARN lines per key per period (one by default), so that a flood of bad requests cannot flood
 * the log. The first line after lines were left out says how many were, since the previous one. Keys must come from
 * a bounded set (endpoint or handler names and reason codes), since each keeps a small window. Shared by the
 * listener's refusals and the dispatcher's failed handler calls.
 */
public final class ThrottledWarnings {

    private final Logger log;
    private final long periodNanos;
    private final int linesPerPeriod;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ThrottledWarnings(Logger log, java.time.Duration period, LongSupplier nanoTime) {
        this(log, period, 1, nanoTime);
    }

    /** At most {@code linesPerPeriod} lines per key in each period (counted from the first line of the period). */
    public ThrottledWarnings(Logger log, java.time.Duration period, int linesPerPeriod, LongSupplier nanoTime) {
        if (linesPerPeriod < 1) {
            throw new IllegalArgumentException("linesPerPeriod must be at least 1");
        }
        this.log = log;
        this.periodNanos = period.toNanos();
        this.linesPerPeriod = linesPerPeriod;
        this.nanoTime = nanoTime;
    }

    /** Logs {@code message} (an SLF4J pattern) unless {@code key} used up its lines of the current period. */
    public void warn(String key, String message, Object... arguments) {
        if (!log.isWarnEnabled()) {
            return;
        }
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long suppressed;
        synchronized (window) {
            long now = nanoTime.getAsLong();
            if (!window.started || now - window.start >= periodNanos) {
                window.started = true;
                window.start = now;
                window.lines = 0;
            }
            if (window.lines >= linesPerPeriod) {
                window.suppressed++;
                return;
            }
            window.lines++;
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
        boolean started;
        long start;
        int lines;
        long suppressed;
    }
}
