package dev.hookyard.vendor.support;

import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far from now the timestamp a platform signs may lie, in each direction, for a delivery to be accepted. A
 * signed timestamp is what makes a captured delivery useless after a while: even with a genuine signature, one that
 * is too old is {@link RejectionReason#STALE_TIMESTAMP} (a replay, or a sender whose clock is behind), one too far
 * ahead {@link RejectionReason#FUTURE_TIMESTAMP}.
 *
 * <p>Compared in whole seconds, as the platforms' own libraries do: the signed second may be at most
 * {@code past} seconds before the current second and at most {@code future} seconds after it.
 *
 * @param past   how old a signed timestamp may be; not negative
 * @param future how far ahead of this host's clock a signed timestamp may be; not negative
 */
public record TimestampTolerance(Duration past, Duration future) {

    public TimestampTolerance {
        Objects.requireNonNull(past, "past");
        Objects.requireNonNull(future, "future");
        if (past.isNegative() || future.isNegative()) {
            throw new IllegalArgumentException("a tolerance must not be negative");
        }
    }

    /**
     * The rejection of a signed timestamp outside the tolerance, or empty when it is inside.
     *
     * @param signedEpochSecond the signed timestamp, in seconds since the epoch (as {@link UnixSeconds} reads it)
     * @param now               the current instant, from the endpoint's clock
     * @param header            the header that carried the timestamp, named in the detail
     */
    public Optional<Verification> check(long signedEpochSecond, Instant now, String header) {
        long age = now.getEpochSecond() - signedEpochSecond;
        if (age > past.getSeconds()) {
            return Optional.of(Verification.rejected(RejectionReason.STALE_TIMESTAMP, header + " is " + age
                    + " s in the past, beyond this endpoint's tolerance of " + past.getSeconds() + " s"));
        }
        if (-age > future.getSeconds()) {
            return Optional.of(Verification.rejected(RejectionReason.FUTURE_TIMESTAMP, header + " is " + -age
                    + " s in the future, beyond this endpoint's tolerance of " + future.getSeconds() + " s"));
        }
        return Optional.empty();
    }
}
