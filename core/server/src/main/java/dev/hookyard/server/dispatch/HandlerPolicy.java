package dev.hookyard.server.dispatch;

import java.time.Duration;

/**
 * How one handler is called: its retry schedule, how long one call may take, and how many calls may run at once.
 * Each handler has its own threads up to {@code maxConcurrent}, so a slow or stuck handler can exhaust only its own
 * capacity, never the other handlers'.
 *
 * @param retries       when failed calls are tried again
 * @param timeout       how long one call may run before it counts as failed (the call is then abandoned and its
 *                      thread interrupted once; it keeps its slot until it returns, see {@link HandlerRunner})
 * @param maxConcurrent calls of this handler running at once
 */
public record HandlerPolicy(RetrySchedule retries, Duration timeout, int maxConcurrent) {

    /** Default call timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default concurrency per handler. */
    public static final int DEFAULT_MAX_CONCURRENT = 4;

    public HandlerPolicy {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
    }

    /** The defaults, retrying on {@code retries}. */
    public static HandlerPolicy defaults(RetrySchedule retries) {
        return new HandlerPolicy(retries, DEFAULT_TIMEOUT, DEFAULT_MAX_CONCURRENT);
    }
}
