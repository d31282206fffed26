package dev.hookyard.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One WARN line per reason per period, then a count of what was left out. */
class ThrottledWarningsTest {

    @Test
    void oneLinePerKeyPerPeriodThenTheCountOfTheSuppressedOnes() {
        AtomicLong nanos = new AtomicLong();
        ThrottledWarnings warnings = new ThrottledWarnings(LoggerFactory.getLogger("test.throttled"),
                Duration.ofSeconds(10), nanos::get);
        try (LogCapture logs = LogCapture.capture()) {
            for (int i = 0; i < 5; i++) {
                warnings.warn("a", "refused {}", i);
            }
            warnings.warn("b", "other {}", 0);
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            warnings.warn("a", "refused {}", 5);

            List<String> lines = logs.lines().stream().filter(l -> l.logger().equals("test.throttled"))
                    .map(LogCapture.Line::message).toList();
            assertEquals(List.of("refused 0", "other 0", "refused 5 (4 more like it not logged)"), lines);
            assertTrue(logs.atLeast(Level.ERROR).isEmpty());
        }
    }

    @Test
    void aBudgetOfLinesPerPeriodPerKeyThenOneSummary() {
        AtomicLong nanos = new AtomicLong();
        ThrottledWarnings warnings = new ThrottledWarnings(LoggerFactory.getLogger("test.throttled.budget"),
                Duration.ofSeconds(1), 3, nanos::get);
        try (LogCapture logs = LogCapture.capture()) {
            for (int i = 0; i < 10; i++) {
                warnings.warn("least mismatch", "rejected {}", i);
                warnings.warn("least missing", "missing {}", i);
            }
            nanos.addAndGet(Duration.ofMillis(999).toNanos());
            warnings.warn("least mismatch", "rejected {}", 10);
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            warnings.warn("least mismatch", "rejected {}", 11);
            warnings.warn("least mismatch", "rejected {}", 12);

            List<String> lines = logs.lines().stream().filter(l -> l.logger().equals("test.throttled.budget"))
                    .map(LogCapture.Line::message).toList();
            assertEquals(List.of("rejected 0", "missing 0", "rejected 1", "missing 1", "rejected 2", "missing 2",
                    "rejected 11 (8 more like it not logged)", "rejected 12"), lines);
        }
    }
}
