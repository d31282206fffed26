package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampToleranceTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00.900Z");
    private static final long NOW_SECOND = NOW.getEpochSecond();
    private final TimestampTolerance tolerance = new TimestampTolerance(Duration.ofSeconds(300),
            Duration.ofSeconds(60));

    private Verification.Rejected rejected(long signed) {
        return assertInstanceOf(Verification.Rejected.class,
                tolerance.check(signed, NOW, "webhook-timestamp").orElseThrow());
    }

    @Test
    void acceptsEverySecondFromPastToFutureToleranceInclusive() {
        for (long signed = NOW_SECOND - 300; signed <= NOW_SECOND + 60; signed++) {
            assertTrue(tolerance.check(signed, NOW, "h").isEmpty(), "offset " + (signed - NOW_SECOND));
        }
    }

    @Test
    void aSecondOlderThanThePastToleranceIsStale() {
        Verification.Rejected stale = rejected(NOW_SECOND - 301);
        assertEquals(RejectionReason.STALE_TIMESTAMP, stale.reason());
        assertEquals("webhook-timestamp is 301 s in the past, beyond this endpoint's tolerance of 300 s",
                stale.detail());
        assertEquals(RejectionReason.STALE_TIMESTAMP, rejected(0).reason());
    }

    @Test
    void aSecondFurtherAheadThanTheFutureToleranceIsInTheFuture() {
        Verification.Rejected future = rejected(NOW_SECOND + 61);
        assertEquals(RejectionReason.FUTURE_TIMESTAMP, future.reason());
        assertEquals("webhook-timestamp is 61 s in the future, beyond this endpoint's tolerance of 60 s",
                future.detail());
        assertEquals(RejectionReason.FUTURE_TIMESTAMP, rejected(999_999_999_999L).reason());
    }

    @Test
    void aZeroToleranceAcceptsTheCurrentSecondOnly() {
        TimestampTolerance exact = new TimestampTolerance(Duration.ZERO, Duration.ZERO);
        assertTrue(exact.check(NOW_SECOND, NOW, "h").isEmpty());
        assertTrue(exact.check(NOW_SECOND - 1, NOW, "h").isPresent());
        assertTrue(exact.check(NOW_SECOND + 1, NOW, "h").isPresent());
    }

    @Test
    void negativeTolerancesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TimestampTolerance(Duration.ofSeconds(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new TimestampTolerance(Duration.ZERO, Duration.ofSeconds(-1)));
    }
}
