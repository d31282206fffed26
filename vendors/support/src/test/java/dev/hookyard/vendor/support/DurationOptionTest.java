package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Options;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationOptionTest {

    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofDays(1);

    private static Duration read(Object value) {
        return DurationOption.read(Options.of(Map.of("tolerance", value)), "tolerance", Duration.ofMinutes(5), MIN,
                MAX);
    }

    @Test
    void readsSecondsMinutesHoursAndBareNumbers() {
        assertEquals(Duration.ofSeconds(90), read("90s"));
        assertEquals(Duration.ofMinutes(5), read("5m"));
        assertEquals(Duration.ofHours(2), read("2h"));
        assertEquals(Duration.ofSeconds(300), read("300"));
        assertEquals(Duration.ofSeconds(300), read(300));
        assertEquals(Duration.ofSeconds(300), read(" 300s "));
    }

    @Test
    void absentIsTheDefault() {
        assertEquals(Duration.ofMinutes(5), DurationOption.read(Options.empty(), "tolerance", Duration.ofMinutes(5),
                MIN, MAX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5 m", "5min", "-5s", "1.5h", "PT5M", "5d", "s", "\uff15m"})
    void refusesAnythingElseNamingTheKey(String value) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> read(value));

        assertEquals("tolerance", e.key());
        assertEquals("write e.g. tolerance: 5m", e.fix());
    }

    @Test
    void refusesAListNamingTheKey() {
        assertEquals("tolerance", assertThrows(InvalidOptionException.class, () -> read(List.of("5m"))).key());
    }

    @Test
    void refusesADurationOutsideTheBounds() {
        for (String value : List.of("0s", "25h", "1441m")) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> read(value));
            assertEquals("tolerance", e.key());
            assertEquals("must be between 1s and 24h", e.problem());
        }
    }
}
