package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnixSecondsTest {

    @Test
    void readsDecimalSeconds() {
        assertEquals(OptionalLong.of(1614265330), UnixSeconds.parse("1614265330"));
        assertEquals(OptionalLong.of(0), UnixSeconds.parse("0"));
        assertEquals(OptionalLong.of(7), UnixSeconds.parse("007"));
        assertEquals(OptionalLong.of(999_999_999_999L), UnixSeconds.parse("999999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1614265330", "1614265330 ", "+1614265330", "-1614265330", "1614265330.5",
            "1e9", "0x10", "1000000000000", "\u0661\u0666\u0661\u0664", "\uFF11\uFF16", "16142 65330", "abc"})
    void refusesAnythingButOneToTwelveAsciiDigits(String text) {
        assertTrue(UnixSeconds.parse(text).isEmpty(), text);
    }
}
