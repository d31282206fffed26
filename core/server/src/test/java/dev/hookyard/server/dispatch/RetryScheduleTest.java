package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(6, Duration.ofSeconds(2), Duration.ofSeconds(10));

    private static long delayMillis(RetrySchedule schedule, int attemptsMade, Optional<Duration> requested) {
        return Duration.between(NOW, schedule.next(NOW, attemptsMade, requested).orElseThrow()).toMillis();
    }

    @Test
    void eachDelayIsBetweenHalfAndAllOfTheCappedExponentialBackoff() {
        long[] capped = {2_000, 4_000, 8_000, 10_000, 10_000};
        for (int attempts = 1; attempts <= 5; attempts++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                long delay = delayMillis(SCHEDULE, attempts, Optional.empty());
                long max = capped[attempts - 1];
                assertTrue(delay >= max / 2 && delay <= max, "attempt " + attempts + ": " + delay);
                seen.add(delay);
            }
            assertTrue(seen.size() > 1, "attempt " + attempts + " is jittered");
        }
    }

    @Test
    void aHandlersRequestedDelayIsHonouredWhenLongerThanTheBackoff() {
        assertEquals(3_600_000, delayMillis(SCHEDULE, 1, Optional.of(Duration.ofHours(1))));
        for (int i = 0; i < 100; i++) {
            long delay = delayMillis(SCHEDULE, 1, Optional.of(Duration.ofMillis(1_500)));
            assertTrue(delay >= 1_500 && delay <= 2_000, "never earlier than asked: " + delay);
        }
    }

    @Test
    void thereIsNoNextAttemptOnceMaxAttemptsAreMade() {
        assertTrue(SCHEDULE.next(NOW, 5, Optional.empty()).isPresent());
        assertEquals(Optional.empty(), SCHEDULE.next(NOW, 6, Optional.empty()));
        assertEquals(Optional.empty(), SCHEDULE.next(NOW, 7, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Optional.empty(), new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1))
                .next(NOW, 1, Optional.empty()));
    }

    @Test
    void manyAttemptsDoNotOverflowPastTheCap() {
        RetrySchedule patient = new RetrySchedule(1000, Duration.ofDays(1), Duration.ofMinutes(5));
        for (int attempts : new int[] {21, 40, 64, 65, 999}) {
            long delay = delayMillis(patient, attempts, Optional.empty());
            assertTrue(delay >= 150_000 && delay <= 300_000, attempts + ": " + delay);
        }
    }

    @Test
    void theDefaultIsEightAttemptsStartingAtTwoSecondsCappedAtFiveMinutes() {
        assertEquals(new RetrySchedule(8, Duration.ofSeconds(2), Duration.ofMinutes(5)), RetrySchedule.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ZERO, Duration.ZERO));
    }
}
