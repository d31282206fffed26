package dev.hookyard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void shortFormsAndIsoAreRead() {
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), DurationText.parse(" 30s "));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
        assertEquals(Duration.ofHours(2), DurationText.parse("2H"));
        assertEquals(Duration.ofDays(1), DurationText.parse("1d"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("PT1M30S"));
    }

    @Test
    void anythingElseIsNotADuration() {
        for (String text : new String[] {"", "30", "s", "-5s", "5 minutes", "1.5s", "9999999999s", "P1Y"}) {
            assertNull(DurationText.parse(text), text);
        }
    }

    @Test
    void formatsTheShortestExactForm() {
        assertEquals("2d", DurationText.format(Duration.ofDays(2)));
        assertEquals("90s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("5m", DurationText.format(Duration.ofMinutes(5)));
        assertEquals("250ms", DurationText.format(Duration.ofMillis(250)));
        assertEquals("0s", DurationText.format(Duration.ZERO));
    }
}
