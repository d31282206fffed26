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
        return "server: { host: 127.0.0.1, port: 0, shutdownGrace: " + grace + " }\nstore: { path: data }\n"
                + TestServer.LEAST_TO_REC;
    }

    /** A server whose handler call for delivery {@code id} has started and is still running. */
    private record CallInProgress(TestServer server, long id) {
    }

    /**
     * Starts a server with shutdown grace {@code grace} whose handler runs {@code block} on its call, and delivers
     * to it; returns once the call has started.
     */
    private CallInProgress startWithACallInProgress(String grace, Runnable block, long recordId) throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        CountDownLatch started = new CountDownLatch(1);
        recording.script("rec", call -> {
            started.countDown();
            block.run();
            return Outcome.done();
        });
        TestServer server = TestServer.start(home, yaml(grace), recording);
        Delivery delivery = LeastFixtures.recordCreated("least", recordId);
        assertEquals("accepted\n", server.post("/hooks/least", delivery).body());
        long id = server.findByKey("least", delivery.bodySha256()).orElseThrow().id();
        assertTrue(started.await(10, TimeUnit.SECONDS), "the handler call started");
        return new CallInProgress(server, id);
    }

    @Test
    void aHandlerCallRunningAtStopFinishesAndIsRecordedWithinTheGrace() throws Exception {
        CallInProgress call = startWithACallInProgress("20s", () -> await(release), 1);
        TestServer server = call.server();
        long id = call.id();

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
        CallInProgress stuck = startWithACallInProgress("200ms", () -> awaitIgnoringInterrupts(release), 2);
        long id = stuck.id();
        stuck.server().close(); // returns after the grace although the call is still running

        RecordingHandlers working = new RecordingHandlers();
        try (TestServer second = TestServer.start(home, yaml("20s"), working)) {
            Eventually.await(() -> second.status(id) == DeliveryStatus.DONE,
                    () -> "delivery " + id + " is " + second.status(id));
            RunView run = second.store().runs(id).get(0);
            assertEquals(RunStatus.DONE, run.status());
            assertEquals(1, run.attempts(), "the interrupted first call was never recorded as an attempt");
            assertEquals(1, working.events("rec").size());
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
