package dev.hookyard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.StoreFaults;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.PrometheusText;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * store.maxBacklog: while handlers owe that many runs, new deliveries get 503 with Retry-After (nothing is stored);
 * once the dispatcher has worked the backlog down, deliveries are accepted again without a restart. The bound is
 * exact, also for deliveries waiting for the same commit, and replays (written beside the store's writer, as the
 * management API and the CLI do) are counted, so they neither drive the backlog negative nor loosen the bound.
 */
class BacklogBoundHttpTest {

    private static final String CONFIG = """
            server: { host: 127.0.0.1, port: 0 }
            store: { path: data, maxBacklog: 3 }
            """ + TestServer.LEAST_TO_REC;

    @TempDir
    Path home;

    private final ExecutorService senders = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopSenders() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** A handler stuck on a slow downstream while {@code stuck} is set: its runs stay pending. */
    private static RecordingHandlers stuckWhile(AtomicBoolean stuck, CountDownLatch letGo) {
        return new RecordingHandlers().script("rec", call -> {
            try {
                if (stuck.get()) {
                    letGo.await(60, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
    }

    private static double backlogGauge(TestServer server) {
        HttpResponse<String> metrics = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET());
        assertEquals(200, metrics.statusCode());
        return PrometheusText.parse(metrics.body()).value("hookyard_backlog");
    }

    @Test
    void atTheBoundDeliveriesAre503UntilHandlersCatchUp() throws Exception {
        CountDownLatch handlersMayFinish = new CountDownLatch(1);
        RecordingHandlers recording = new RecordingHandlers().script("rec", call -> {
            try {
                // A handler stuck on a slow downstream: its runs stay pending until it is let go.
                handlersMayFinish.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
        try (TestServer server = TestServer.start(home, CONFIG, recording)) {
            try {
                List<Delivery> accepted = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Delivery d = LeastFixtures.recordCreated("least", i);
                    accepted.add(d);
                    assertEquals("accepted\n", server.post("/hooks/least", d).body());
                }
                assertEquals(3, server.store().backlog());

                Delivery over = LeastFixtures.recordCreated("least", 99);
                HttpResponse<String> refused = server.post("/hooks/least", over);
                assertEquals(503, refused.statusCode());
                assertEquals("30", refused.headers().firstValue("Retry-After").orElse(null));
                assertEquals("unavailable, retry later\n", refused.body());
                assertEquals(3, server.deliveryCount(), "the refused delivery was not stored");
                assertEquals(503, server.post("/hooks/least", over).statusCode(), "still refused");

                handlersMayFinish.countDown();
                Eventually.await(() -> server.post("/hooks/least", over).statusCode() == 200,
                        () -> "still refused with a backlog of " + server.store().backlog());
                Eventually.await(() -> recording.callsWithKey("rec", over.bodySha256()) == 1,
                        () -> "the delivery accepted after the backlog cleared was not handled");
                for (Delivery d : accepted) {
                    assertEquals(1, recording.callsWithKey("rec", d.bodySha256()));
                }
                Eventually.await(() -> server.store().backlog() == 0, () -> "backlog " + server.store().backlog());
            } finally {
                handlersMayFinish.countDown();
            }
        }
    }

    @Test
    void replayedRunsAreCountedSoTheBacklogNeitherGoesNegativeNorLoosensTheBound() throws Exception {
        AtomicBoolean stuck = new AtomicBoolean(false);
        CountDownLatch letGo = new CountDownLatch(1);
        RecordingHandlers recording = stuckWhile(stuck, letGo);
        try (TestServer server = TestServer.start(home, CONFIG, recording)) {
            try {
                List<Delivery> handled = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Delivery d = LeastFixtures.recordCreated("least", i);
                    handled.add(d);
                    assertEquals("accepted\n", server.post("/hooks/least", d).body());
                    Eventually.await(() -> server.store().backlog() == 0, () -> "backlog " + server.store().backlog());
                }
                for (long id = 1; id <= 4; id++) {
                    HttpResponse<String> replayed = TestServer.send(HttpRequest.newBuilder(
                            server.managementUri("/deliveries/" + id + "/replay"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
                    assertEquals(200, replayed.statusCode(), replayed.body());
                }
                for (Delivery d : handled) {
                    Eventually.await(() -> recording.callsWithKey("rec", d.bodySha256()) == 2,
                            () -> "not handled again: " + d.bodySha256());
                }
                for (long id = 1; id <= 4; id++) {
                    long delivery = id;
                    Eventually.await(() -> server.status(delivery) == DeliveryStatus.DONE,
                            () -> "delivery " + delivery + " is " + server.status(delivery));
                }
                assertEquals(0, server.store().backlog(), "nothing is pending");
                assertEquals(0, backlogGauge(server), "hookyard_backlog");

                // The bound is what it was: three pending runs, not three plus the replays.
                stuck.set(true);
                int accepted = 0;
                for (int i = 100; i < 110; i++) {
                    if (server.post("/hooks/least", LeastFixtures.recordCreated("least", i)).statusCode() == 200) {
                        accepted++;
                    }
                }
                assertEquals(3, accepted);
                assertEquals(3, server.store().backlog());
            } finally {
                letGo.countDown();
            }
        }
    }

    @Test
    void deliveriesWaitingForTheSameCommitNeverTakeTheBacklogPastTheBound() throws Exception {
        AtomicBoolean stuck = new AtomicBoolean(true);
        CountDownLatch letGo = new CountDownLatch(1);
        String config = """
                server: { host: 127.0.0.1, port: 0 }
                store: { path: data, maxBacklog: 5 }
                """ + TestServer.LEAST_TO_REC;
        try (TestServer server = TestServer.start(home, config, stuckWhile(stuck, letGo))) {
            try {
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                // While the writer cannot take the lock, every admitted delivery waits in its queue, uncounted.
                try (AutoCloseable held = StoreFaults.holdWrites(server.store())) {
                    for (int i = 0; i < 20; i++) {
                        Delivery d = LeastFixtures.recordCreated("least", i);
                        answers.add(CompletableFuture.supplyAsync(() -> server.post("/hooks/least", d), senders));
                    }
                    Eventually.await(() -> StoreFaults.submittedAppends(server.store()) + refused(answers) == 20,
                            () -> StoreFaults.submittedAppends(server.store()) + " waiting for the writer, "
                                    + refused(answers) + " refused");
                }
                int accepted = 0;
                for (CompletableFuture<HttpResponse<String>> answer : answers) {
                    int status = answer.get(60, TimeUnit.SECONDS).statusCode();
                    if (status == 200) {
                        accepted++;
                    } else {
                        assertEquals(503, status);
                    }
                }
                assertEquals(5, accepted, "exactly the bound");
                assertEquals(5, server.store().backlog());
            } finally {
                letGo.countDown();
            }
        }
    }

    private static long refused(List<CompletableFuture<HttpResponse<String>>> answers) {
        return answers.stream().filter(a -> a.isDone() && a.join().statusCode() == 503).count();
    }
}
