package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each handler's {@code timeout}, {@code maxConcurrent} and {@code retry} settings, through a real server: a call
 * that runs too long fails and is interrupted, and the handler's next runs succeed even when that interrupt broke
 * something it shares between calls; a handler never runs more calls at once than allowed, and a handler at its
 * limit does not hold up the others.
 */
class HandlerPolicyTest {

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private final ReopeningChannelArchive archive = new ReopeningChannelArchive();
    private final CountDownLatch release = new CountDownLatch(1);
    private TestServer server;

    @AfterEach
    void stop() {
        release.countDown();
        archive.releaseStall();
        if (server != null) {
            server.close();
        }
    }

    private void start(String handlers, String routes) throws Exception {
        server = TestServer.wrap(Hookyard.start(TestServer.load(home, TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                """ + handlers + "routes:\n" + routes), TestServer.plugins(recording, archive), Clock.systemUTC(),
                TestServer.FAST_RETRIES));
    }

    @Test
    void aCallPastItsTimeoutFailsIsInterruptedAndIsRetriedUntilTheAttemptsAreExhausted() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        recording.script("slow", call -> {
            try {
                release.await(); // never released during the test: only the timeout ends the call
                return Outcome.done();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw new IllegalStateException("interrupted");
            }
        });
        start("  slow: { type: recording, timeout: 100ms, retry: { maxAttempts: 2, initialDelay: 10ms } }\n",
                "  - { to: [slow] }\n");

        StoredDelivery d = accept(LeastFixtures.recordCreated("least", 1));

        awaitStatus(d, DeliveryStatus.FAILED);
        RunView run = server.store().runs(d.id()).get(0);
        assertEquals(RunStatus.DEAD, run.status());
        assertEquals(2, run.attempts());
        assertTrue(run.lastError().contains("timed out"), run.lastError());
        Eventually.await(() -> interrupted.get() == 2, () -> "interrupted calls: " + interrupted.get());
    }

    /**
     * The stall that turned every later delivery to the JSON-lines archive into a dead letter, with a handler that
     * shares a cached {@link java.nio.channels.FileChannel} (which an interrupt closes) and keeps the contract of
     * {@link dev.hookyard.spi.Handler} by reopening it.
     */
    @Test
    void aCallInterruptedAtItsTimeoutLeavesTheHandlerWorkingForItsNextRuns() throws Exception {
        start("  archive: { type: channel-archive, timeout: 200ms, maxConcurrent: 2 }\n", "  - { to: [archive] }\n");
        StoredDelivery first = accept(LeastFixtures.recordCreated("least", 1));
        awaitStatus(first, DeliveryStatus.DONE); // the archive's channel is open and cached from now on

        archive.stallNextCall();
        StoredDelivery stalled = accept(LeastFixtures.recordCreated("least", 2));
        StoredDelivery waiting = accept(LeastFixtures.recordCreated("least", 3)); // waits for the stalled call's lock
        Eventually.await(archive::interruptedWhileStalled, () -> "the stalled call was not interrupted");
        archive.releaseStall(); // it goes on with the interrupt pending, which closes the cached channel

        awaitStatus(stalled, DeliveryStatus.DONE);
        awaitStatus(waiting, DeliveryStatus.DONE);
        assertEquals(2, archive.timesOpened(), "the interrupt closed the channel, and the handler reopened it");
        RunView stalledRun = server.store().runs(stalled.id()).get(0);
        assertTrue(stalledRun.attempts() >= 2, "the timed-out attempt counts: " + stalledRun.attempts());
        List<String> lines = Files.readAllLines(home.resolve(ReopeningChannelArchive.FILE));
        assertEquals(Set.of(first.deliveryKey(), stalled.deliveryKey(), waiting.deliveryKey()), Set.copyOf(lines));
        assertEquals(3, lines.size(), "each delivery archived once: " + lines);
    }

    @Test
    void aHandlerNeverRunsMoreCallsAtOnceThanItsLimitAndDoesNotHoldUpTheOthers() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicBoolean released = new AtomicBoolean();
        recording.script("narrow", call -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                if (!released.get()) {
                    release.await(20, TimeUnit.SECONDS);
                }
                return Outcome.done();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        });
        start("""
                  narrow: { type: recording, maxConcurrent: 2, timeout: 60s }
                  quick: { type: recording }
                """, """
                  - { events: ["record.created"], to: [narrow] }
                  - { events: ["record.archived"], to: [quick] }
                """);

        List<StoredDelivery> blocked = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            blocked.add(accept(LeastFixtures.recordCreated("least", i)));
        }
        Eventually.await(() -> running.get() == 2, () -> "narrow calls running: " + running.get());

        // While narrow is full, quick's work still gets done.
        List<StoredDelivery> quick = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            quick.add(accept(LeastFixtures.signed("least")
                    .body("{\"event\":\"record.archived\",\"record_id\":" + i + "}")));
        }
        for (StoredDelivery d : quick) {
            awaitStatus(d, DeliveryStatus.DONE);
        }
        assertEquals(2, running.get(), "narrow is still at its limit while quick finished");

        released.set(true);
        release.countDown();
        for (StoredDelivery d : blocked) {
            awaitStatus(d, DeliveryStatus.DONE);
        }
        assertEquals(2, mostAtOnce.get(), "most narrow calls at once");
        assertEquals(5, recording.events("narrow").size(), "each blocked delivery handled once");
    }

    private StoredDelivery accept(Delivery delivery) {
        assertEquals("accepted\n", server.post("/hooks/least", delivery).body(), delivery.bodyText());
        return server.findByKey("least", delivery.bodySha256()).orElseThrow();
    }

    private void awaitStatus(StoredDelivery d, DeliveryStatus status) {
        Eventually.await(() -> status(d) == status, () -> "delivery " + d.id() + " is " + status(d));
    }

    private DeliveryStatus status(StoredDelivery d) {
        try {
            return server.store().find(d.id()).orElseThrow().status();
        } catch (StoreUnavailableException e) {
            throw new AssertionError(e);
        }
    }
}
