package dev.hookyard.server.dispatch;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed handler run is tried again: Resilience4j's exponential backoff (doubling from
 * {@code initialDelay}, capped at {@code maxDelay}) with jitter, at least as late as a handler's own Retry-After,
 * and no more after {@code maxAttempts}. The next-due time is persisted, so the schedule survives restarts: that is
 * why the interval is computed here and the wait happens in the store, rather than in a thread that sleeps.
 *
 * @param maxAttempts  attempts in all, the first included
 * @param initialDelay delay after the first failure (before jitter)
 * @param maxDelay     cap on any delay
 */
public record RetrySchedule(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** Eight attempts over roughly ten minutes. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(8, Duration.ofSeconds(2), Duration.ofMinutes(5));

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /**
     * The next attempt's time after {@code attemptsMade} failed attempts, or empty when they are exhausted.
     *
     * @param requested a delay the handler asked for, if any
     */
    public Optional<Instant> next(Instant now, int attemptsMade, Optional<Duration> requested) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        long capped = Math.min(backoff().apply(Math.min(attemptsMade, 64)), maxDelay.toMillis());
        // Jitter between half and the whole delay keeps retries of a burst from arriving together.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long delay = Math.max(jittered, requested.map(Duration::toMillis).orElse(0L));
        return Optional.of(now.plusMillis(delay));
    }

    private IntervalFunction backoff() {
        return initialDelay.isZero() ? IntervalFunction.of(0L)
                : IntervalFunction.ofExponentialBackoff(initialDelay, 2.0, maxDelay);
    }
}
