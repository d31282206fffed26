package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The crash test: the real launched server takes signed deliveries from many concurrent senders and is killed
 * with SIGKILL in the middle of the stream, then started again on the same store. Every delivery that was
 * answered 2xx before the kill must be in the store and handled at least once; the senders' retries of those that
 * got no answer are accepted (as new or as duplicates), so in the end every delivery is stored exactly once.
 *
 * <p>"Handled" is counted from the built-in {@code log} handler's lines (one per event, with its delivery key) in
 * the output of both runs, and from the handler runs marked done in the store, read after the final stop.
 */
class CrashIT {

    private static final int DELIVERIES = 3000;
    private static final int SENDERS = 32;
    /** The kill comes once this many deliveries were acknowledged: well inside the stream. */
    private static final int KILL_AFTER_ACKS = 1000;
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern HANDLED = Pattern.compile("hookyard\\.handler\\.log .* key=(\\S+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    @TempDir
    Path work;

    private ChildServer server;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);

    @AfterEach
    void cleanUp() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        if (server != null) {
            server.kill();
        }
    }

    /** How one attempt to deliver ended. */
    private enum Answer { ACCEPTED, DUPLICATE, REFUSED, NO_ANSWER }

    private record Sent(byte[] body, String signature, String key) {
    }

    @Test
    void everyDeliveryAnswered2xxBeforeASigkillIsStoredAndHandledAfterTheRestart() throws Exception {
        Path home = ChildServer.distributionHome();
        Path launcher = home.resolve("bin/hookyard");
        Path store = work.resolve("store");
        Path config = ChildServer.writeConfig(work, store, "{ channel: any }", "  log: { type: log }",
                "  - { from: \"*\", to: [log] }");
        List<Sent> deliveries = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            byte[] body = ("{\"event\":\"record.created\",\"record_id\":" + (1_000_000 + i)
                    + ",\"data\":{\"strD5_1_1\":\"crash test " + i + "\"}}").getBytes(StandardCharsets.UTF_8);
            deliveries.add(new Sent(body, LeastSigning.signature(ChildServer.SECRET, body),
                    LeastSigning.deliveryKey(body)));
        }

        // Run 1: 32 senders, killed with SIGKILL once a third of the deliveries were acknowledged.
        server = ChildServer.start(launcher, config, work);
        URI firstLeast = server.awaitReady().resolve("/hooks/least");
        server.assertJvmReplacedTheLauncher();
        Map<String, Answer> firstRun = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            loops.add(senders.submit(() -> {
                int i;
                // Each sender takes the next delivery until the server is gone: sending stops at the first
                // attempt that gets no answer after the kill.
                while ((i = next.getAndIncrement()) < DELIVERIES) {
                    Sent d = deliveries.get(i);
                    Answer answer = send(firstLeast, d);
                    firstRun.put(d.key(), answer);
                    if (answer == Answer.ACCEPTED || answer == Answer.DUPLICATE) {
                        acks.incrementAndGet();
                    } else if (!server.isAlive()) {
                        return null;
                    }
                }
                return null;
            }));
        }
        awaitCondition(() -> acks.get() >= KILL_AFTER_ACKS || allDone(loops), "acknowledgements before the kill");
        assertFalse(allDone(loops), "all deliveries were sent before the kill; the kill must come mid-stream");
        server.kill(); // SIGKILL to the JVM itself (bin/hookyard exec'd it)
        for (Future<?> loop : loops) {
            loop.get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        List<String> firstOutput = server.output();
        Set<String> ackedBeforeKill = keysWith(firstRun, Answer.ACCEPTED, Answer.DUPLICATE);
        Set<String> storedAfterKill = storedKeys(store, false);
        Set<String> lostAtKill = new HashSet<>(ackedBeforeKill);
        lostAtKill.removeAll(storedAfterKill);
        Set<String> storedWithoutAnswer = new HashSet<>(storedAfterKill);
        storedWithoutAnswer.removeAll(ackedBeforeKill);

        // Run 2 on the same store: the senders retry everything not acknowledged, and send the rest.
        server = ChildServer.start(launcher, config, work);
        URI secondLeast = server.awaitReady().resolve("/hooks/least");
        Map<String, Answer> secondRun = new ConcurrentHashMap<>();
        List<Sent> retries = deliveries.stream().filter(d -> !ackedBeforeKill.contains(d.key())).toList();
        AtomicInteger retryNext = new AtomicInteger();
        loops.clear();
        for (int t = 0; t < SENDERS; t++) {
            loops.add(senders.submit(() -> {
                int i;
                while ((i = retryNext.getAndIncrement()) < retries.size()) {
                    Sent d = retries.get(i);
                    secondRun.put(d.key(), send(secondLeast, d));
                }
                return null;
            }));
        }
        for (Future<?> loop : loops) {
            loop.get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        Set<String> allKeys = new HashSet<>();
        deliveries.forEach(d -> allKeys.add(d.key()));
        awaitCondition(() -> handledKeys(firstOutput, server.output()).containsAll(allKeys),
                "every delivery handled by the log handler");
        List<String> secondOutput = server.output();
        server.stop();

        // The store after a clean stop, opened read-only.
        Set<String> stored = storedKeys(store, true);
        long deliveryRows = count(store, "SELECT COUNT(*) FROM deliveries");
        long runsDone = count(store, "SELECT COUNT(*) FROM handler_runs WHERE status = 'done'");
        long runsOther = count(store, "SELECT COUNT(*) FROM handler_runs WHERE status <> 'done'");
        Set<String> handled = handledKeys(firstOutput, secondOutput);
        Map<String, Integer> handledTimes = handledCounts(firstOutput, secondOutput);
        long handledTwice = handledTimes.values().stream().filter(n -> n > 1).count();

        String counts = String.format(
                "CRASH TEST COUNTS: deliveries=%d senders=%d | run 1: attempted=%d acked2xx=%d refused=%d"
                        + " noAnswer=%d | at kill: stored=%d storedWithoutAnswer=%d ackedButNotStored=%d"
                        + " handledBeforeKill=%d | run 2: resent=%d accepted=%d duplicate=%d refused=%d noAnswer=%d"
                        + " | final: storedRows=%d distinctStored=%d handledDistinct=%d handledMoreThanOnce=%d"
                        + " runsDone=%d runsNotDone=%d",
                DELIVERIES, SENDERS, firstRun.size(), ackedBeforeKill.size(),
                keysWith(firstRun, Answer.REFUSED).size(), keysWith(firstRun, Answer.NO_ANSWER).size(),
                storedAfterKill.size(), storedWithoutAnswer.size(), lostAtKill.size(),
                handledKeys(firstOutput, List.of()).size(), secondRun.size(),
                keysWith(secondRun, Answer.ACCEPTED).size(), keysWith(secondRun, Answer.DUPLICATE).size(),
                keysWith(secondRun, Answer.REFUSED).size(), keysWith(secondRun, Answer.NO_ANSWER).size(),
                deliveryRows, stored.size(), handled.size(), handledTwice, runsDone, runsOther);
        System.out.println(counts);
        // One line per run, beside the unpacked distribution (target/), for comparing repeated runs.
        Files.writeString(home.getParent().resolve("crash-test-counts.txt"), counts + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);

        assertTrue(ackedBeforeKill.size() >= KILL_AFTER_ACKS, counts);
        assertEquals(Set.of(), lostAtKill, "answered 2xx before the kill but not in the store\n" + counts);
        assertTrue(stored.containsAll(ackedBeforeKill), counts);
        assertEquals(Set.of(), keysWith(secondRun, Answer.REFUSED, Answer.NO_ANSWER),
                "retries after the restart must all be answered 2xx\n" + counts);
        assertEquals(DELIVERIES, deliveryRows, "every delivery stored exactly once\n" + counts);
        assertEquals(allKeys, stored, counts);
        assertEquals(allKeys, handled, "every delivery handled at least once\n" + counts);
        assertEquals(DELIVERIES, runsDone, counts);
        assertEquals(0, runsOther, counts);
        for (String key : storedWithoutAnswer) {
            assertEquals(Answer.DUPLICATE, secondRun.get(key),
                    "stored before the kill without an answer: its retry is a duplicate\n" + counts);
        }
    }

    private Answer send(URI uri, Sent d) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-LEAST-Signature", d.signature())
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return "duplicate\n".equals(response.body()) ? Answer.DUPLICATE : Answer.ACCEPTED;
            }
            return Answer.REFUSED;
        } catch (IOException e) {
            return Answer.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.NO_ANSWER;
        }
    }

    private static Set<String> keysWith(Map<String, Answer> answers, Answer... wanted) {
        Set<Answer> set = Set.of(wanted);
        Set<String> keys = new HashSet<>();
        answers.forEach((key, answer) -> {
            if (set.contains(answer)) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Set<String> handledKeys(List<String> first, List<String> second) {
        return handledCounts(first, second).keySet();
    }

    private static Map<String, Integer> handledCounts(List<String> first, List<String> second) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> output : List.of(first, second)) {
            for (String line : output) {
                Matcher m = HANDLED.matcher(line);
                if (m.find()) {
                    counts.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * The delivery keys in the store. After the kill, opened read-write as the next start would open it (SQLite
     * replays the write-ahead log the killed process left); after the final stop, read-only.
     */
    private static Set<String> storedKeys(Path store, boolean readOnly) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection c = connect(store, readOnly); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT delivery_key FROM deliveries")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static long count(Path store, String sql) throws SQLException {
        try (Connection c = connect(store, true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(Path store, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        return DriverManager.getConnection("jdbc:sqlite:" + store.resolve("hookyard.db"), config.toProperties());
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PHASE_TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("no " + what + " within " + PHASE_TIMEOUT.toSeconds() + "s\n" + server.transcript(200));
            }
            Thread.sleep(20);
        }
    }

    private static boolean allDone(List<Future<?>> loops) {
        return loops.stream().allMatch(Future::isDone);
    }
}
