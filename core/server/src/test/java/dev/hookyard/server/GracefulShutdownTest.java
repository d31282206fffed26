package dev.hookyard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a server: handler calls already running may finish and be recorded within the shutdown grace; a call
 * still running after it leaves its run pending, and the next start handles it.
 */
class GracefulShutdownTest {

    @TempDir
    Path home;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedHandlers() {
        release.countDown();
    }

    private String yaml(String grace) {
        return "server: { host: 127.0.0.1, port: 0, shutdownGrace: " + grace + " }\nstore: { path: data }\n" + """
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  h: { type: recording }
                routes:
                  - { to: [h] }
                """;
    }

    @Test
    void aHandlerCallRunningAtStopFinishesAndIsRecordedWithinTheGrace() throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        CountDownLatch started = new CountDownLatch(1);
        recording.script("h", call -> {
            started.countDown();
            await(release);
            return Outcome.done();
        });
        TestServer server = TestServer.start(home, yaml("20s"), recording);
        Delivery delivery = LeastFixtures.recordCreated("least", 1);
        assertEquals("accepted\n", server.post("/hooks/least", delivery).body());
        long id = server.findByKey("least", delivery.bodySha256()).orElseThrow().id();
        assertTrue(started.await(10, TimeUnit.SECONDS), "the handler call started");

        AtomicBoolean closed = new AtomicBoolean();
        Thread stopping = new Thread(() -> {
            server.close();
            closed.set(true);
        });
        stopping.start();
        release.countDown(); // the call finishes while the server is stopping
        stopping.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(closed.get(), "close returned");

        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(home.resolve("data"), Clock.systemUTC())) {
            assertEquals(DeliveryStatus.DONE, store.find(id).orElseThrow().status());
            assertEquals(1, store.runs(id).get(0).attempts());
        }
    }

    @Test
    void aCallStillRunningAfterTheGraceStaysPendingAndTheNextStartHandlesIt() throws Exception {
        RecordingHandlers stuck = new RecordingHandlers();
        CountDownLatch started = new CountDownLatch(1);
        stuck.script("h", call -> {
            started.countDown();
            awaitIgnoringInterrupts(release);
            return Outcome.done();
        });
        TestServer first = TestServer.start(home, yaml("200ms"), stuck);
        Delivery delivery = LeastFixtures.recordCreated("least", 2);
        assertEquals("accepted\n", first.post("/hooks/least", delivery).body());
        long id = first.findByKey("least", delivery.bodySha256()).orElseThrow().id();
        assertTrue(started.await(10, TimeUnit.SECONDS), "the handler call started");
        first.close(); // returns after the grace although the call is still running

        RecordingHandlers working = new RecordingHandlers();
        try (TestServer second = TestServer.start(home, yaml("20s"), working)) {
            Eventually.await(() -> status(second, id) == DeliveryStatus.DONE,
                    () -> "delivery " + id + " is " + status(second, id));
            RunView run = second.store().runs(id).get(0);
            assertEquals(RunStatus.DONE, run.status());
            assertEquals(1, run.attempts(), "the interrupted first call was never recorded as an attempt");
            assertEquals(1, working.events("h").size());
        }
    }

    private static DeliveryStatus status(TestServer server, long id) {
        try {
            return server.store().find(id).orElseThrow().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A handler that ignores interruption: the worst case a stop has to live with. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // ignored on purpose
            }
        }
    }
}
