package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnixSecondsTest {

    @Test
    void readsWholeSecondsSinceTheEpoch() {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), UnixSeconds.parse("1735689600"));
        assertEquals(Instant.EPOCH, UnixSeconds.parse("0"));
        assertEquals(Instant.ofEpochSecond(999_999_999_999L), UnixSeconds.parse("999999999999"));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), UnixSeconds.parse("01735689600"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1735689600", "1735689600 ", "-1", "+1735689600", "1735689600.5", "1e9",
            "1735689600000", "\u0661\u0667\u0663\u0665", "\uff11\uff17", "0x10", "abc"})
    void refusesAnythingButOneToTwelveAsciiDigits(String text) {
        assertNull(UnixSeconds.parse(text));
    }
}
