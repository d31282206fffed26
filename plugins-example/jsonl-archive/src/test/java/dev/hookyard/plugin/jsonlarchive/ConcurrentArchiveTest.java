package dev.hookyard.plugin.jsonlarchive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.event;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many threads, one file: every event is exactly one whole line. */
class ConcurrentArchiveTest {

    private static final int THREADS = 8;
    private static final int EVENTS_PER_THREAD = 500;

    @TempDir
    Path home;

    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-14T12:00:00Z"));

    @Test
    void eightThreadsOfFiveHundredEventsGiveExactlyThatManyWholeLines() throws Exception {
        try (Handler handler = ArchiveFixtures.handler(home, clock, Map.of("dir", "archive"))) {
            runConcurrently(i -> handler);
        }

        assertEveryEventOnItsOwnLine(home.resolve("archive/2025-03-14.jsonl"));
    }

    @Test
    void twoHandlersOnOneDirectoryTakeTurnsToo() throws Exception {
        try (Handler first = ArchiveFixtures.handler(home, clock, Map.of("dir", "archive", "fsync", false));
             Handler second = ArchiveFixtures.handler(home, clock, Map.of("dir", "./archive/", "fsync", false))) {
            runConcurrently(i -> i % 2 == 0 ? first : second);
        }

        assertEveryEventOnItsOwnLine(home.resolve("archive/2025-03-14.jsonl"));
    }

    private interface HandlerForThread {
        Handler get(int thread);
    }

    /** Bodies of different sizes (up to well over a pipe or page buffer), so that a torn write would show. */
    private static void runConcurrently(HandlerForThread handlers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Handler handler = handlers.get(t);
                Callable<Void> writer = () -> {
                    start.await();
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        String padding = "x".repeat((i * 997 + thread * 131) % 20_000);
                        handler.handle(event(thread + "-" + i,
                                "{\"thread\":" + thread + ",\"i\":" + i + ",\"padding\":\"" + padding + "\"}"));
                    }
                    return null;
                };
                futures.add(pool.submit(writer));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEveryEventOnItsOwnLine(Path file) {
        List<JsonNode> lines = lines(file);
        assertEquals(THREADS * EVENTS_PER_THREAD, lines.size());
        Set<String> keys = new HashSet<>();
        for (JsonNode line : lines) {
            JsonNode body = line.get("body");
            String key = line.get("deliveryKey").asText();
            assertEquals(body.get("thread").asInt() + "-" + body.get("i").asInt(), key, "line and body agree");
            assertTrue(keys.add(key), () -> "twice: " + key);
        }
    }
}
