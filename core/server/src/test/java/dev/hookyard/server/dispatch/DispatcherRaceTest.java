package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunReservations;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.DelegatingStore;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that finishes while the scheduler holds a list of due runs read before it finished must not be started
 * again from that stale list. The store is wrapped so the test can hold the scheduler right after such a read.
 */
class DispatcherRaceTest {

    @TempDir
    Path dir;

    @Test
    void aRunThatFinishesAfterTheSchedulerReadItAsDueIsNotStartedAgain() throws Exception {
        Delivery first = LeastFixtures.recordCreated("least", 1);
        Delivery second = LeastFixtures.recordCreated("least", 2);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Handler handler = event -> {
            int call = calls.computeIfAbsent(event.deliveryKey(), k -> new AtomicInteger()).incrementAndGet();
            if (event.deliveryKey().equals(first.bodySha256()) && call == 1) {
                worker.set(Thread.currentThread());
                firstStarted.countDown();
                assertTrue(releaseFirst.await(10, TimeUnit.SECONDS));
            }
            return Outcome.done();
        };

        try (SqliteDeliveryStore sqlite = SqliteDeliveryStore.open(dir, Clock.systemUTC())) {
            PausingStore store = new PausingStore(sqlite);
            EndpointTable endpoints = new EndpointTable(List.of(
                    new Endpoint("least", "/hooks/least", "least", LeastFixtures.vendor(), 1024)));
            Dispatcher dispatcher = new Dispatcher(store, endpoints, new ConfiguredHandlers(Map.of("rec", handler)),
                    TestServer.FAST_RETRIES, Clock.systemUTC());
            long firstId = append(sqlite, first);
            dispatcher.start();
            try {
                assertTrue(firstStarted.await(10, TimeUnit.SECONDS), "the first run did not start");

                // The next pass reads the first run as due (it is still pending in the store) and is held there.
                store.pauseWhenListed(firstId + "/rec");
                dispatcher.wake();
                assertTrue(store.listed.await(10, TimeUnit.SECONDS), "the scheduler did not read the due runs");

                // The first run now finishes completely: recorded as done, and its worker idle again.
                releaseFirst.countDown();
                Eventually.await(() -> status(sqlite, firstId) == DeliveryStatus.DONE
                                && worker.get().getState() == Thread.State.WAITING,
                        () -> "the first run did not finish");

                // The scheduler goes on with what it read; a later delivery shows that it has moved past it.
                store.resume.countDown();
                long secondId = append(sqlite, second);
                dispatcher.wake();
                Eventually.await(() -> status(sqlite, secondId) == DeliveryStatus.DONE,
                        () -> "the second run did not finish");

                assertEquals(1, calls.get(first.bodySha256()).get(), "the first delivery was handled twice");
                assertEquals(1, sqlite.runs(firstId).get(0).attempts());
            } finally {
                releaseFirst.countDown();
                store.resume.countDown();
                dispatcher.close();
            }
        }
    }

    private static long append(DeliveryStore store, Delivery delivery) throws StoreUnavailableException {
        return store.append(new NewDelivery("least", "least", "record.created", delivery.bodySha256(),
                delivery.headers(), delivery.body(), delivery.receivedAt(), List.of("rec"))).id();
    }

    private static DeliveryStatus status(DeliveryStore store, long id) {
        try {
            return store.find(id).orElseThrow().status();
        } catch (StoreUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    /** Delegates to a real store; once armed, holds the first {@code due} read that lists a given run. */
    private static final class PausingStore extends DelegatingStore {
        private final AtomicReference<String> pauseOn = new AtomicReference<>();
        final CountDownLatch listed = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        PausingStore(DeliveryStore delegate) {
            super(delegate);
        }

        /** Not passed on: this test appends straight to the store and never hands off, so store reads find the runs. */
        @Override
        public void reserveRunsWith(RunReservations reservations) {
        }

        void pauseWhenListed(String runKey) {
            pauseOn.set(runKey);
        }

        @Override
        public List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException {
            List<DueRun> due = delegate.due(now, handler, limit);
            String key = pauseOn.get();
            if (key != null && due.stream().anyMatch(r -> r.runKey().equals(key)) && pauseOn.compareAndSet(key, null)) {
                listed.countDown();
                try {
                    resume.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return due;
        }
    }
}
