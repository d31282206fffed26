package dev.hookyard.spi;

import java.time.Duration;

/** What a {@link Handler} made of an event. */
public sealed interface Outcome {

    /** The event was handled. */
    static Outcome done() {
        return Done.INSTANCE;
    }

    /** Not handled now; try again no sooner than after this delay (e.g. from a 429's Retry-After). */
    static Outcome retryAfter(Duration delay) {
        return new RetryAfter(delay);
    }

    /** Will never succeed; stop trying and record why. */
    static Outcome drop(String reason) {
        return new Drop(reason);
    }

    /** Handled; never tried again unless a person replays it. */
    enum Done implements Outcome {
        INSTANCE
    }

    /**
     * Try again after at least {@code delay}.
     *
     * @param delay non-negative delay
     */
    record RetryAfter(Duration delay) implements Outcome {
        public RetryAfter {
            Checks.notNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }
    }

    /**
     * Give up: the event is recorded as dropped with this reason and not retried.
     *
     * @param reason short text for the operator
     */
    record Drop(String reason) implements Outcome {
        public Drop {
            Checks.notBlank(reason, "reason");
        }
    }
}
