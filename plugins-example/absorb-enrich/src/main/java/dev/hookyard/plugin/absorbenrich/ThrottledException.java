package dev.hookyard.plugin.absorbenrich;

import java.io.IOException;
import java.time.Duration;

/**
 * A call was answered 429 or 503 with a {@code Retry-After}: the handler turns it into
 * {@link dev.hookyard.spi.Outcome#retryAfter(Duration)} so the host waits as long as the server asked. An exception
 * because it can arise in any of the calls one event makes.
 */
final class ThrottledException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Duration delay;

    ThrottledException(String message, Duration delay) {
        super(message);
        this.delay = delay;
    }

    /** How long the server asked to wait. */
    Duration delay() {
        return delay;
    }
}
