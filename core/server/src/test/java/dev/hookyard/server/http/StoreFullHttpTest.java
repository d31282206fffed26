package dev.hookyard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.StoreFaults;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: the store's database file is capped at its current size (SQLite's max_page_count on the
 * writer connection), so every commit that needs space fails with SQLITE_FULL. Senders get 503 with Retry-After,
 * nothing answered 2xx is lost, and once there is space again deliveries are accepted without a restart.
 */
class StoreFullHttpTest {

    private static final String CONFIG = TestServer.serverSection() + TestServer.LEAST_TO_REC;

    @TempDir
    Path home;

    private final ExecutorService senders = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopSenders() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** A signed LEAST delivery with a body of a few KiB, more than any page has room for. */
    private static Delivery big(long recordId) {
        return LeastFixtures.signed("least").body("{\"event\":\"record.created\",\"record_id\":" + recordId
                + ",\"data\":{\"notes\":\"" + "n".repeat(6000) + "\"}}");
    }

    @Test
    void aFullDiskIs503WithRetryAfterAndOnceThereIsSpaceTheSameDeliveriesAreAccepted() throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, CONFIG, recording)) {
            List<Delivery> before = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                before.add(big(i));
                assertEquals("accepted\n", server.post("/hooks/least", before.get(i)).body());
            }

            StoreFaults.fillDisk(server.store());
            List<Delivery> refused = new ArrayList<>();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 100; i < 110; i++) {
                Delivery d = big(i);
                refused.add(d);
                answers.add(senders.submit(() -> server.post("/hooks/least", d)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(503, response.statusCode(), response.body());
                assertEquals("30", response.headers().firstValue("Retry-After").orElse(null));
                assertEquals("unavailable, retry later\n", response.body());
            }
            assertEquals(3, server.deliveryCount(), "nothing refused was stored");

            StoreFaults.freeDisk(server.store());
            for (Delivery d : refused) {
                assertEquals("accepted\n", server.post("/hooks/least", d).body(), "the sender's retry");
            }
            assertEquals(13, server.deliveryCount());
            for (Delivery d : concat(before, refused)) {
                Eventually.await(() -> recording.callsWithKey("rec", d.bodySha256()) >= 1,
                        () -> "not handled: " + d.bodySha256());
            }
        }
    }

    @Test
    void underLoadEveryDeliveryAnswered2xxIsStoredAndHandledWhileTheDiskFillsAndFreesAgain() throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, CONFIG, recording)) {
            Map<String, Integer> answered = new ConcurrentHashMap<>();
            Map<String, String> retryAfter = new ConcurrentHashMap<>();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger nextId = new AtomicInteger();
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                loops.add(senders.submit(() -> {
                    while (sending.get()) {
                        Delivery d = big(nextId.incrementAndGet());
                        HttpResponse<String> response = server.post("/hooks/least", d);
                        answered.put(d.bodySha256(), response.statusCode());
                        if (response.statusCode() == 200) {
                            accepted.incrementAndGet();
                        } else if (response.statusCode() == 503) {
                            refused.incrementAndGet();
                            retryAfter.put(d.bodySha256(), response.headers().firstValue("Retry-After").orElse(""));
                        }
                    }
                    return null;
                }));
            }
            Duration phase = Duration.ofSeconds(30);
            Eventually.await(phase, () -> accepted.get() >= 30, () -> "accepted " + accepted);
            StoreFaults.fillDisk(server.store());
            Eventually.await(phase, () -> refused.get() >= 30, () -> "refused " + refused);
            StoreFaults.freeDisk(server.store());
            int acceptedWhenFreed = accepted.get();
            Eventually.await(phase, () -> accepted.get() >= acceptedWhenFreed + 30,
                    () -> "accepted after the disk was freed: " + (accepted.get() - acceptedWhenFreed));
            sending.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }

            Set<String> acked = answered.entrySet().stream().filter(e -> e.getValue() == 200).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            Set<Integer> statuses = new HashSet<>(answered.values());
            assertEquals(Set.of(200, 503), statuses, "only accepted or refused");
            assertTrue(retryAfter.values().stream().allMatch("30"::equals), "every 503 has Retry-After: 30");
            Set<String> stored = storedKeys(server);
            Set<String> lost = new HashSet<>(acked);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "answered 200 but not in the store");
            Eventually.await(() -> handledKeys(recording).containsAll(acked), () -> {
                Set<String> missing = new HashSet<>(acked);
                missing.removeAll(handledKeys(recording));
                return missing.size() + " accepted deliveries not handled";
            });
        }
    }

    private static Set<String> storedKeys(TestServer server) throws StoreUnavailableException {
        Set<String> keys = new HashSet<>();
        for (long id = 1; ; id++) {
            Optional<StoredDelivery> found = server.store().find(id);
            if (found.isEmpty()) {
                return keys;
            }
            keys.add(found.get().deliveryKey());
        }
    }

    private static Set<String> handledKeys(RecordingHandlers recording) {
        return recording.events("rec").stream().map(WebhookEvent::deliveryKey).collect(Collectors.toSet());
    }

    private static List<Delivery> concat(List<Delivery> a, List<Delivery> b) {
        List<Delivery> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
