package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler that fails every call, flooded with deliveries through a real server: its WARN lines are throttled per
 * handler and outcome, at most 5 a second each, and a later line says how many were left out. Before, every attempt
 * logged a line (85 000 in 45 seconds under load).
 */
class HandlerFailureLogTest {

    private static final Pattern LEFT_OUT = Pattern.compile("\\((\\d+) more like it not logged\\)$");

    @TempDir
    Path home;

    @Test
    void aFailingHandlersWarningsAreThrottledWithTheCountOfTheLinesLeftOut() throws Exception {
        RecordingHandlers recording = new RecordingHandlers().failTimes("rec", Integer.MAX_VALUE);
        try (LogCapture logs = LogCapture.capture();
             TestServer server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC,
                     recording)) {
            long started = System.nanoTime();
            long deadline = started + Duration.ofSeconds(60).toNanos();
            int sent = 0;
            // The flood goes on until a line has told how many were left out (a second after the first line).
            while (handlerLines(logs).stream().noneMatch(line -> LEFT_OUT.matcher(line).find())) {
                if (System.nanoTime() - deadline > 0) {
                    fail("no line told how many were left out, after " + sent + " deliveries and "
                            + recording.events("rec").size() + " attempts: " + handlerLines(logs).size() + " lines");
                }
                assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", sent++))
                        .statusCode());
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
            List<String> lines = handlerLines(logs);
            int attempts = recording.events("rec").size();

            // Two outcomes (retry, dead), each at most 5 lines in every second that passed (as the README says).
            assertTrue(lines.size() <= 2 * 5 * (seconds + 1),
                    lines.size() + " lines in " + seconds + " s");
            long leftOut = lines.stream().map(LEFT_OUT::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).sum();
            assertTrue(leftOut > 0);
            assertTrue(lines.size() + leftOut <= attempts, lines.size() + " lines and " + leftOut
                    + " left out, for " + attempts + " attempts");
            assertTrue(lines.stream().allMatch(line -> line.startsWith("Handler rec did not complete delivery ")),
                    String.join("\n", lines));
        }
    }

    private static List<String> handlerLines(LogCapture logs) {
        return logs.atLeast(Level.WARN).stream().filter(l -> l.logger().equals(Dispatcher.class.getName()))
                .map(LogCapture.Line::message).toList();
    }
}
