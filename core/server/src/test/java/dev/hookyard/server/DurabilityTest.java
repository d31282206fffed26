package dev.hookyard.server;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Outcome;
import dev.hookyard.vendor.least.events.RecordCreated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a restart: accepted deliveries, their dedup keys, and the work still owed to handlers. Each test
 * closes a server and starts a new one on the same home directory (so the same store file).
 */
class DurabilityTest {

    private static final String CONFIG = TestServer.serverSection() + TestServer.LEAST_TO_REC;

    @TempDir
    Path home;

    @Test
    void anAcceptedDeliveryIsStillStoredAfterARestartAndItsResendIsADuplicate() throws Exception {
        long id;
        RecordingHandlers first = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, CONFIG, first)) {
            assertEquals("accepted\n",
                    server.post("/hooks/least", SPEC_BODY, Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE)).body());
            id = server.findByKey("least", LeastFixtures.keyOf(SPEC_BODY)).orElseThrow().id();
            Eventually.await(() -> first.events("rec").size() == 1, () -> "not handled before the restart");
            Eventually.await(() -> server.status(id) == DeliveryStatus.DONE, () -> "not done before the restart");
        }

        RecordingHandlers second = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, CONFIG, second)) {
            StoredDelivery stored = server.store().find(id).orElseThrow();
            assertEquals("least", stored.endpoint());
            assertEquals("record.created", stored.eventType());
            assertEquals(LeastFixtures.keyOf(SPEC_BODY), stored.deliveryKey());
            assertArrayEquals(SPEC_BODY.getBytes(StandardCharsets.UTF_8), stored.body());
            assertEquals(DeliveryStatus.DONE, stored.status());
            assertEquals(List.of(new RunView("rec", RunStatus.DONE, 1, null)), server.store().runs(id));

            assertEquals("duplicate\n",
                    server.post("/hooks/least", SPEC_BODY, Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE)).body());
            Delivery marker = LeastFixtures.recordCreated("least", 77);
            assertEquals("accepted\n", server.post("/hooks/least", marker).body());
            Eventually.await(() -> second.callsWithKey("rec", marker.bodySha256()) == 1, () -> "marker not handled");
            assertEquals(0, second.callsWithKey("rec", LeastFixtures.keyOf(SPEC_BODY)),
                    "a delivery done before the restart is not handled again");
        }
    }

    @Test
    void pendingRunsInTheStoreAreDispatchedWhenTheServerStarts() throws Exception {
        long pending;
        long orphaned;
        // The store keeps milliseconds (and the dispatcher always hands out the stored delivery).
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(home.resolve("data"), Clock.systemUTC())) {
            pending = append(store, SPEC_BODY, List.of("rec"), received);
            orphaned = append(store, "{\"event\":\"record.created\",\"record_id\":43}", List.of("gone"), received);
        }

        RecordingHandlers recording = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, CONFIG, recording)) {
            Eventually.await(() -> server.status(pending) == DeliveryStatus.DONE,
                    () -> "the pending run was not dispatched: " + server.runs(pending));
            RecordCreated event = assertInstanceOf(RecordCreated.class, recording.events("rec").get(0));
            assertEquals(42L, event.recordId());
            assertEquals(received, event.delivery().receivedAt(), "the handler sees the stored delivery");

            Eventually.await(() -> server.status(orphaned) == DeliveryStatus.FAILED,
                    () -> "orphaned run: " + server.runs(orphaned));
            RunView dead = server.runs(orphaned).get(0);
            assertEquals(RunStatus.DEAD, dead.status());
            assertEquals("handler 'gone' is no longer configured", dead.lastError());
            assertEquals(1, recording.calls().size());
        }
    }

    @Test
    void aRetryScheduledBeforeAShutdownRunsAfterTheRestartWhenItIsDue() throws Exception {
        RecordingHandlers first = new RecordingHandlers();
        Delivery delivery = LeastFixtures.recordCreated("least", 99);
        long id = retryScheduledBeforeAShutdown(first, delivery);

        // Two hours later the retry is due: a new server (with a clock two hours ahead) picks it up.
        RecordingHandlers second = new RecordingHandlers();
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        try (TestServer server = TestServer.start(home, CONFIG, second, later)) {
            Eventually.await(() -> server.status(id) == DeliveryStatus.DONE, () -> "runs " + server.runs(id));
            assertEquals(List.of(new RunView("rec", RunStatus.DONE, 2, null)), server.store().runs(id));
            assertEquals(1, second.callsWithKey("rec", delivery.bodySha256()));
        }
        assertEquals(1, first.callsWithKey("rec", delivery.bodySha256()));
    }

    @Test
    void aRetryNotYetDueIsNotRunEarlyAfterARestart() throws Exception {
        Delivery delivery = LeastFixtures.recordCreated("least", 98);
        long id = retryScheduledBeforeAShutdown(new RecordingHandlers(), delivery);

        RecordingHandlers second = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, CONFIG, second)) {
            Delivery marker = LeastFixtures.recordCreated("least", 97);
            assertEquals("accepted\n", server.post("/hooks/least", marker).body());
            Eventually.await(() -> second.callsWithKey("rec", marker.bodySha256()) == 1, () -> "marker not handled");
            assertEquals(0, second.callsWithKey("rec", delivery.bodySha256()));
            assertEquals(new RunView("rec", RunStatus.PENDING, 1, "handler asked to retry after PT1H"),
                    server.runs(id).get(0));
        }
    }

    /**
     * Runs a server whose handler asks to retry in an hour, delivers to it, and stops it once that first attempt is
     * recorded; returns the delivery's id.
     */
    private long retryScheduledBeforeAShutdown(RecordingHandlers first, Delivery delivery) throws Exception {
        first.script("rec", call -> Outcome.retryAfter(Duration.ofHours(1)));
        try (TestServer server = TestServer.start(home, CONFIG, first)) {
            assertEquals("accepted\n", server.post("/hooks/least", delivery).body());
            long id = server.findByKey("least", delivery.bodySha256()).orElseThrow().id();
            Eventually.await(() -> server.runs(id).get(0).attempts() == 1, () -> "runs " + server.runs(id));
            return id;
        }
    }

    private static long append(SqliteDeliveryStore store, String body, List<String> handlers, Instant received)
            throws Exception {
        AppendResult result = store.append(new NewDelivery("least", "least", "record.created",
                LeastFixtures.keyOf(body), Headers.ofSingle(Map.of("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8), received, handlers));
        return assertInstanceOf(AppendResult.Stored.class, result).id();
    }
}
