package dev.hookyard.server.config;

import java.time.Duration;

/**
 * What a handler's configuration says about how it is called; {@code null} means "the default".
 *
 * @param maxAttempts   {@code retry.maxAttempts}: attempts in all before the run is a dead letter
 * @param initialDelay  {@code retry.initialDelay}: delay after the first failure
 * @param maxDelay      {@code retry.maxDelay}: cap on any delay between attempts
 * @param timeout       {@code timeout}: how long one call may run
 * @param maxConcurrent {@code maxConcurrent}: calls running at once
 */
public record HandlerLimits(Integer maxAttempts, Duration initialDelay, Duration maxDelay, Duration timeout,
                            Integer maxConcurrent) {

    /** Everything default. */
    public static final HandlerLimits DEFAULTS = new HandlerLimits(null, null, null, null, null);
}
