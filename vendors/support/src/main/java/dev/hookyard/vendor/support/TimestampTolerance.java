package dev.hookyard.vendor.support;

import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a signed timestamp may lie from the receiver's clock, separately into the past (a delivery in transit or
 * retried, or a captured one sent again) and into the future (the sender's clock running ahead).
 *
 * @param past   how old a timestamp may be; not negative
 * @param future how far ahead a timestamp may be; not negative
 */
public record TimestampTolerance(Duration past, Duration future) {

    public TimestampTolerance {
        Objects.requireNonNull(past, "past");
        Objects.requireNonNull(future, "future");
        if (past.isNegative() || future.isNegative()) {
            throw new IllegalArgumentException("a tolerance must not be negative");
        }
    }

    /** The same tolerance both ways. */
    public static TimestampTolerance symmetric(Duration tolerance) {
        return new TimestampTolerance(tolerance, tolerance);
    }

    /**
     * Empty if {@code signedAt} lies within the tolerance of {@code now} (bounds included); otherwise the rejection:
     * {@link RejectionReason#STALE_TIMESTAMP} or {@link RejectionReason#FUTURE_TIMESTAMP}, with a detail naming
     * {@code source} (e.g. the header) and the offset in whole seconds.
     */
    public Optional<Verification> check(Instant signedAt, Instant now, String source) {
        Duration age = Duration.between(signedAt, now);
        if (age.compareTo(past) > 0) {
            return Optional.of(Verification.rejected(RejectionReason.STALE_TIMESTAMP, source + " is "
                    + age.toSeconds() + " s old; the tolerance is " + past.toSeconds() + " s"));
        }
        if (age.negated().compareTo(future) > 0) {
            return Optional.of(Verification.rejected(RejectionReason.FUTURE_TIMESTAMP, source + " is "
                    + age.negated().toSeconds() + " s ahead; the tolerance is " + future.toSeconds() + " s"));
        }
        return Optional.empty();
    }
}
