package dev.hookyard.plugin.outboundhttp;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterHeaderTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void secondsAreADelay() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfterHeader.delay(" 7 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfterHeader.delay("0", NOW));
    }

    @Test
    void aDateIsTheTimeUntilThen() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryAfterHeader.delay("Wed, 21 Oct 2015 07:29:30 GMT", NOW));
    }

    @Test
    void aDateInThePastIsNoDelay() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfterHeader.delay("Wed, 21 Oct 2015 07:00:00 GMT", NOW));
    }

    @Test
    void longDelaysAreCapped() {
        assertEquals(Optional.of(RetryAfterHeader.MAX_DELAY), RetryAfterHeader.delay("999999999999", NOW));
        assertEquals(Optional.of(RetryAfterHeader.MAX_DELAY), RetryAfterHeader.delay("9".repeat(40), NOW));
    }

    @Test
    void anythingElseIsUnreadable() {
        assertEquals(Optional.empty(), RetryAfterHeader.delay("soon", NOW));
        assertEquals(Optional.empty(), RetryAfterHeader.delay("-5", NOW));
        assertEquals(Optional.empty(), RetryAfterHeader.delay("1.5", NOW));
        assertEquals(Optional.empty(), RetryAfterHeader.delay("", NOW));
    }
}
