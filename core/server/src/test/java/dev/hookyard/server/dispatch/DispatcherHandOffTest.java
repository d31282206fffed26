package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.DelegatingStore;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.WebhookEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory hand-off from intake to handlers against the store reads that find everything else: a run is
 * started exactly once whichever finds it first, and runs a full lane cannot take are found in the store.
 */
class DispatcherHandOffTest {

    @TempDir
    Path dir;

    private final EndpointTable endpoints = new EndpointTable(List.of(
            new Endpoint("least", "/hooks/least", "least", LeastFixtures.vendor(), 1024)));

    @Test
    void aRunCommittedButNotYetHandedOffIsLeftToItsHandOffByStoreReads() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Handler handler = event -> {
            calls.computeIfAbsent(event.deliveryKey(), k -> new AtomicInteger()).incrementAndGet();
            return Outcome.done();
        };
        try (SqliteDeliveryStore sqlite = SqliteDeliveryStore.open(dir, Clock.systemUTC())) {
            CountingStore store = new CountingStore(sqlite);
            Dispatcher dispatcher = new Dispatcher(store, endpoints, new ConfiguredHandlers(Map.of("rec", handler)),
                    TestServer.FAST_RETRIES, Clock.systemUTC());
            dispatcher.start();
            try {
                Delivery delivery = LeastFixtures.recordCreated("least", 1);
                long id = append(sqlite, delivery);

                // Two store reads that began after the commit: both list the run as pending, neither starts it.
                awaitReads(store, 2);
                assertEquals(Map.of(), calls, "a store read started a run that was about to be handed off");

                dispatcher.handOff(stored(sqlite, id), parse(delivery), List.of("rec"));
                Eventually.await(() -> status(sqlite, id) == DeliveryStatus.DONE, () -> "the run did not finish");
                awaitReads(store, 2);

                assertEquals(1, calls.get(delivery.bodySha256()).get(), "the delivery was handled twice");
                assertEquals(1, sqlite.runs(id).get(0).attempts());
            } finally {
                dispatcher.close();
            }
        }
    }

    @Test
    void runsAFullLaneCouldNotTakeAreFoundInTheStoreAndEachIsHandledOnce() throws Exception {
        int deliveries = HandlerLane.MAX_WAITING_RUNS + 150;
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        CountDownLatch release = new CountDownLatch(1);
        Handler handler = event -> {
            assertTrue(release.await(30, TimeUnit.SECONDS));
            calls.computeIfAbsent(event.deliveryKey(), k -> new AtomicInteger()).incrementAndGet();
            return Outcome.done();
        };
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, Clock.systemUTC())) {
            HandlerPolicy oneAtATime = new HandlerPolicy(TestServer.FAST_RETRIES, Duration.ofSeconds(60), 1);
            Dispatcher dispatcher = new Dispatcher(store, endpoints, new ConfiguredHandlers(Map.of("rec", handler)),
                    oneAtATime, Clock.systemUTC(), Duration.ofSeconds(10));
            dispatcher.start();
            try {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < deliveries; i++) {
                    Delivery delivery = LeastFixtures.recordCreated("least", 1000 + i);
                    long id = append(store, delivery);
                    ids.add(id);
                    dispatcher.handOff(stored(store, id), parse(delivery), List.of("rec"));
                }
                release.countDown();
                Eventually.await(Duration.ofSeconds(60), () -> ids.stream().allMatch(
                        id -> status(store, id) == DeliveryStatus.DONE), () -> "not every delivery was handled");

                assertEquals(deliveries, calls.size());
                assertTrue(calls.values().stream().allMatch(n -> n.get() == 1), "a delivery was handled twice");
                assertEquals(0, store.recountBacklog());
            } finally {
                release.countDown();
                dispatcher.close();
            }
        }
    }

    private static void awaitReads(CountingStore store, int more) {
        int target = store.reads.get() + more;
        Eventually.await(() -> store.reads.get() >= target, () -> "the scheduler did not read the store");
    }

    private static WebhookEvent parse(Delivery delivery) {
        return ((ParseResult.Parsed) LeastFixtures.vendor().parser().parse(delivery)).event();
    }

    private static long append(DeliveryStore store, Delivery delivery) throws StoreUnavailableException {
        AppendResult result = store.append(new NewDelivery("least", "least", "record.created",
                delivery.bodySha256(), delivery.headers(), delivery.body(), delivery.receivedAt(), List.of("rec")));
        return ((AppendResult.Stored) result).id();
    }

    private static StoredDelivery stored(DeliveryStore store, long id) throws StoreUnavailableException {
        return store.find(id).orElseThrow();
    }

    private static DeliveryStatus status(DeliveryStore store, long id) {
        try {
            return store.find(id).orElseThrow().status();
        } catch (StoreUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    /** Delegates to a real store (reservations included), counting the scheduler's reads of due runs. */
    private static final class CountingStore extends DelegatingStore {
        final AtomicInteger reads = new AtomicInteger();

        CountingStore(DeliveryStore delegate) {
            super(delegate);
        }

        @Override
        public List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException {
            List<DueRun> due = delegate.due(now, handler, limit);
            reads.incrementAndGet();
            return due;
        }
    }
}
