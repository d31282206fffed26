package dev.hookyard.server.dispatch;

import dev.hookyard.server.logging.ThrottledWarnings;
import dev.hookyard.server.store.RunResult;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The log line of each recorded attempt: DEBUG when done, else WARN, at most {@link #LINES_PER_SECOND} a second per
 * handler and outcome (retry, dead, dropped), the next line saying how many were left out. A failing handler makes
 * a line per attempt, and under load that flooded the log (85 000 lines in 45 seconds); a dead letter still shows
 * beside a flood of retries, since each outcome has lines of its own.
 */
final class OutcomeLog {

    private static final int LINES_PER_SECOND = 5;
    /** The key of handlers no longer configured: keys must come from a bounded set. */
    private static final String UNCONFIGURED = "_unconfigured";

    private final Logger log;
    private volatile Set<String> handlers;
    private final ThrottledWarnings warnings;

    /** @param handlers the configured handler names */
    OutcomeLog(Logger log, Set<String> handlers, LongSupplier nanoTime) {
        this.log = log;
        this.handlers = Set.copyOf(handlers);
        this.warnings = new ThrottledWarnings(log, Duration.ofSeconds(1), LINES_PER_SECOND, nanoTime);
    }

    /** The handler names a reload configured. */
    void configured(Set<String> handlers) {
        this.handlers = Set.copyOf(handlers);
    }

    void recorded(OutcomeRecorder.Pending outcome) {
        RunResult result = outcome.result();
        if (result instanceof RunResult.Done) {
            log.debug("Handler {} done with delivery {}", outcome.handler(), outcome.deliveryId());
            return;
        }
        String handler = handlers.contains(outcome.handler()) ? outcome.handler() : UNCONFIGURED;
        warnings.warn(handler + " " + kind(result), "Handler {} did not complete delivery {} (attempt {}): {}",
                outcome.handler(), outcome.deliveryId(), outcome.attempts() + 1, result);
    }

    private static String kind(RunResult result) {
        if (result instanceof RunResult.RetryAt) {
            return "retry";
        }
        if (result instanceof RunResult.Dead) {
            return "dead";
        }
        return "dropped";
    }
}
