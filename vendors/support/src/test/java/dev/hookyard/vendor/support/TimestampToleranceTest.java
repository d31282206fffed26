package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimestampToleranceTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final TimestampTolerance FIVE_MINUTES = TimestampTolerance.symmetric(Duration.ofMinutes(5));

    @Test
    void withinTheToleranceBothWaysIncludingItsBoundsIsAccepted() {
        for (long offset : new long[] {-300, -1, 0, 1, 300}) {
            assertEquals(Optional.empty(), FIVE_MINUTES.check(NOW.plusSeconds(offset), NOW, "X-Timestamp"),
                    "offset " + offset);
        }
    }

    @Test
    void olderThanThePastToleranceIsStale() {
        Verification.Rejected rejected = rejected(FIVE_MINUTES.check(NOW.minusSeconds(301), NOW, "X-Timestamp"));

        assertEquals(RejectionReason.STALE_TIMESTAMP, rejected.reason());
        assertEquals("X-Timestamp is 301 s old; the tolerance is 300 s", rejected.detail());
    }

    @Test
    void furtherAheadThanTheFutureToleranceIsFuture() {
        Verification.Rejected rejected = rejected(FIVE_MINUTES.check(NOW.plusSeconds(3600), NOW, "t"));

        assertEquals(RejectionReason.FUTURE_TIMESTAMP, rejected.reason());
        assertEquals("t is 3600 s ahead; the tolerance is 300 s", rejected.detail());
    }

    @Test
    void pastAndFutureAreSeparate() {
        TimestampTolerance lopsided = new TimestampTolerance(Duration.ofHours(1), Duration.ZERO);

        assertEquals(Optional.empty(), lopsided.check(NOW.minusSeconds(3600), NOW, "t"));
        assertEquals(RejectionReason.FUTURE_TIMESTAMP, rejected(lopsided.check(NOW.plusSeconds(1), NOW, "t")).reason());
    }

    @Test
    void aNegativeToleranceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TimestampTolerance(Duration.ofSeconds(-1), Duration.ZERO));
    }

    private static Verification.Rejected rejected(Optional<Verification> result) {
        assertTrue(result.isPresent(), "rejected");
        return assertInstanceOf(Verification.Rejected.class, result.get());
    }
}
