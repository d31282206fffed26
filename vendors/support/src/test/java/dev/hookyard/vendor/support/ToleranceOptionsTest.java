package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ToleranceOptionsTest {

    private static TimestampTolerance read(Map<String, ?> options) {
        return ToleranceOptions.read(Options.of(options), 300);
    }

    private static TimestampTolerance seconds(long past, long future) {
        return new TimestampTolerance(Duration.ofSeconds(past), Duration.ofSeconds(future));
    }

    @Test
    void declaresThreeOptionalNonSecretOptions() {
        List<OptionSpec> specs = ToleranceOptions.specs("webhook-timestamp", 300);
        assertEquals(List.of("toleranceSeconds", "pastToleranceSeconds", "futureToleranceSeconds"),
                specs.stream().map(OptionSpec::name).toList());
        assertTrue(specs.stream().noneMatch(s -> s.required() || s.secret()));
        assertTrue(specs.get(0).description().contains("webhook-timestamp"));
        assertTrue(specs.get(0).description().contains("default 300"));
    }

    @Test
    void theDefaultAppliesBothWays() {
        assertEquals(seconds(300, 300), read(Map.of()));
    }

    @Test
    void toleranceSetsBothAndEachOverrideOneDirection() {
        assertEquals(seconds(60, 60), read(Map.of("toleranceSeconds", 60)));
        assertEquals(seconds(600, 300), read(Map.of("pastToleranceSeconds", 600)));
        assertEquals(seconds(300, 5), read(Map.of("futureToleranceSeconds", "5")));
        assertEquals(seconds(600, 60), read(Map.of("toleranceSeconds", 60, "pastToleranceSeconds", 600)));
        assertEquals(seconds(1, 86_400), read(Map.of("pastToleranceSeconds", 1, "futureToleranceSeconds", 86_400)));
    }

    @Test
    void allThreeAtOnceAreRefusedWithTheFix() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> read(Map.of(
                "toleranceSeconds", 60, "pastToleranceSeconds", 600, "futureToleranceSeconds", 30)));
        assertEquals("toleranceSeconds", e.key());
        assertTrue(e.fix().contains("remove toleranceSeconds"), e.fix());
    }

    @Test
    void outOfRangeOrNonNumericValuesAreRefusedNamingTheKey() {
        for (String key : List.of("toleranceSeconds", "pastToleranceSeconds", "futureToleranceSeconds")) {
            for (Object bad : List.of(0, -1, 86_401, "5m", 1.5, List.of(1))) {
                InvalidOptionException e = assertThrows(InvalidOptionException.class,
                        () -> read(Map.of(key, bad)), key + "=" + bad);
                assertEquals(key, e.key());
            }
        }
    }
}
