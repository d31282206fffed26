package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import dev.hookyard.testkit.SignedDeliveries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing and dispatch through a real server: which handlers a delivery reaches, and how each handler's outcome
 * (done, exception, drop, retry-after, exhausted attempts) is recorded. Retries use {@link TestServer#FAST_RETRIES}
 * (4 attempts).
 */
class DispatcherTest {

    private static final String ENDPOINTS = """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
              other: { vendor: least, secrets: ["${env:LEAST_SECRET}"], options: { channel: collection } }
            handlers:
              a: { type: recording }
              b: { type: recording }
              c: { type: recording }
              m: { type: recording }
            """;

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String routes) throws Exception {
        server = TestServer.start(home, TestServer.serverSection() + ENDPOINTS + "routes:\n" + routes, recording);
    }

    @Test
    void routesFanOutByEventGlobAndUnroutedDeliveriesAreKeptButNotHandled() throws Exception {
        start("""
                  - { from: least, events: ["record.*"], to: [a, b] }
                  - { from: least, events: ["lesson.*"], to: [c] }
                  - { from: least, events: ["record.created"], to: [b, m] }
                """);
        SignedDeliveries signed = LeastFixtures.signed("least");

        StoredDelivery record = accept("/hooks/least", signed.sample("record.action"));
        StoredDelivery created = accept("/hooks/least", signed.sample("record.created"));
        StoredDelivery lesson = accept("/hooks/least", signed.sample("lesson.completed"));
        StoredDelivery badge = accept("/hooks/least", signed.sample("badge.earned"));

        awaitStatus(record, DeliveryStatus.DONE);
        awaitStatus(created, DeliveryStatus.DONE);
        awaitStatus(lesson, DeliveryStatus.DONE);
        assertEquals(List.of("a", "b"), handlerNames(record));
        assertEquals(List.of("a", "b", "m"), handlerNames(created), "b is routed twice but runs once");
        assertEquals(List.of("c"), handlerNames(lesson));
        assertEquals(1, recording.callsWithKey("b", created.deliveryKey()));

        assertEquals(DeliveryStatus.UNROUTED, server.store().find(badge.id()).orElseThrow().status());
        assertEquals(List.of(), server.store().runs(badge.id()));
        assertEquals(List.of("record.action", "record.created"), types("a"));
        assertEquals(List.of("lesson.completed"), types("c"));
        assertTrue(recording.calls().stream().noneMatch(c -> c.event().type().equals("badge.earned")));
    }

    @Test
    void routesFilterByEndpointAndVendorGlobs() throws Exception {
        start("""
                  - { from: other, to: [a] }
                  - { vendor: "le*", events: ["record.archived"], to: [b] }
                  - { from: ["oth?r", "nobody-*"], events: ["record.created"], to: [c] }
                  - { vendor: "falkor", to: [m] }
                """);
        StoredDelivery createdAtOther = accept("/hooks/other", LeastFixtures.signed("other").sample("record.created"));
        StoredDelivery archivedAtLeast = accept("/hooks/least", LeastFixtures.signed("least").sample("record.archived"));
        StoredDelivery archivedAtOther = accept("/hooks/other", LeastFixtures.signed("other")
                .body("{\"event\":\"record.archived\",\"record_id\":43}"));

        for (StoredDelivery d : List.of(createdAtOther, archivedAtLeast, archivedAtOther)) {
            awaitStatus(d, DeliveryStatus.DONE);
        }
        assertEquals(List.of("a", "c"), handlerNames(createdAtOther));
        assertEquals(List.of("b"), handlerNames(archivedAtLeast));
        assertEquals(List.of("a", "b"), handlerNames(archivedAtOther));
        assertEquals(List.of(), recording.events("m"), "no route for vendor falkor matches a LEAST event");
    }

    @Test
    void aHandlerThatThrowsIsRetriedUntilItSucceedsAndEveryAttemptIsCounted() throws Exception {
        recording.failTimes("a", 2);
        start("  - { to: [a, b] }\n");

        StoredDelivery d = accept("/hooks/least", LeastFixtures.recordCreated("least", 1));

        awaitStatus(d, DeliveryStatus.DONE);
        assertEquals(List.of(new RunView("a", RunStatus.DONE, 3, null), new RunView("b", RunStatus.DONE, 1, null)),
                server.store().runs(d.id()));
        assertEquals(3, recording.callsWithKey("a", d.deliveryKey()));
        assertEquals(1, recording.callsWithKey("b", d.deliveryKey()));
    }

    @Test
    void aHandlerThatReturnsNoOutcomeIsRetried() throws Exception {
        recording.script("a", call -> call == 1 ? null : Outcome.done());
        start("  - { to: [a] }\n");

        StoredDelivery d = accept("/hooks/least", LeastFixtures.recordCreated("least", 2));

        awaitStatus(d, DeliveryStatus.DONE);
        assertEquals(2, server.store().runs(d.id()).get(0).attempts());
    }

    @Test
    void aDroppedEventIsNotRetriedAndFailsTheDelivery() throws Exception {
        recording.script("a", call -> Outcome.drop("not for this handler"));
        start("  - { to: [a, b] }\n");

        StoredDelivery d = accept("/hooks/least", LeastFixtures.recordCreated("least", 3));

        awaitStatus(d, DeliveryStatus.FAILED);
        assertEquals(List.of(new RunView("a", RunStatus.DROPPED, 1, "not for this handler"),
                new RunView("b", RunStatus.DONE, 1, null)), server.store().runs(d.id()));
        assertTrue(server.store().nextDue().isEmpty(), "nothing is left pending");
        assertEquals(1, recording.callsWithKey("a", d.deliveryKey()));
    }

    @Test
    void aHandlerThatKeepsFailingIsDeadAfterMaxAttempts() throws Exception {
        recording.failTimes("a", Integer.MAX_VALUE);
        start("  - { to: [a] }\n");

        StoredDelivery d = accept("/hooks/least", LeastFixtures.recordCreated("least", 4));

        awaitStatus(d, DeliveryStatus.FAILED);
        RunView run = server.store().runs(d.id()).get(0);
        assertEquals(RunStatus.DEAD, run.status());
        assertEquals(TestServer.FAST_RETRIES.maxAttempts(), run.attempts());
        assertTrue(run.lastError().startsWith("gave up after 4 attempts: java.lang.IllegalStateException:"),
                run.lastError());
        assertTrue(run.lastError().contains("scripted failure 4"), run.lastError());
        assertEquals(4, recording.callsWithKey("a", d.deliveryKey()));
        assertTrue(server.store().nextDue().isEmpty(), "a dead run is not due again");
    }

    @Test
    void aHandlersRetryAfterIsPersistedAsTheNextDueTime() throws Exception {
        recording.script("a", call -> Outcome.retryAfter(Duration.ofHours(1)));
        start("  - { to: [a] }\n");
        Instant before = Instant.now();

        StoredDelivery d = accept("/hooks/least", LeastFixtures.recordCreated("least", 5));

        Eventually.await(() -> runs(d).get(0).attempts() == 1, () -> "runs: " + runs(d));
        RunView run = runs(d).get(0);
        assertEquals(RunStatus.PENDING, run.status());
        assertTrue(run.lastError().contains("retry after PT1H"), run.lastError());
        Instant next = server.store().nextDue().orElseThrow();
        assertFalse(next.isBefore(before.plus(Duration.ofHours(1))), "next due " + next);
        assertEquals(DeliveryStatus.PENDING, server.store().find(d.id()).orElseThrow().status());
    }

    @Test
    void aRunStillInFlightIsNotStartedAgainWhileOtherWorkIsDispatched() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        recording.script("a", call -> {
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
        start("""
                  - { events: ["record.created"], to: [a] }
                  - { events: ["record.archived"], to: [m] }
                """);
        StoredDelivery slow = accept("/hooks/least", LeastFixtures.recordCreated("least", 6));
        Eventually.await(() -> recording.events("a").size() == 1, () -> "a was not called");

        // Each of these wakes the dispatcher, which finds the slow run still pending in the store.
        for (int i = 0; i < 5; i++) {
            StoredDelivery other = accept("/hooks/least", LeastFixtures.signed("least")
                    .body("{\"event\":\"record.archived\",\"record_id\":" + (1000 + i) + "}"));
            awaitStatus(other, DeliveryStatus.DONE);
        }
        release.countDown();

        awaitStatus(slow, DeliveryStatus.DONE);
        assertEquals(1, recording.callsWithKey("a", slow.deliveryKey()));
        assertEquals(1, runs(slow).get(0).attempts());
    }

    // ---------------------------------------------------------------------------------------------------------

    private StoredDelivery accept(String path, Delivery delivery) {
        String body = server.post(path, delivery).body();
        assertEquals("accepted\n", body, "posting " + delivery.bodyText());
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        return server.findByKey(endpoint, delivery.bodySha256()).orElseThrow();
    }

    private void awaitStatus(StoredDelivery d, DeliveryStatus status) {
        Eventually.await(() -> status(d) == status,
                () -> "delivery " + d.id() + " (" + d.eventType() + ") is " + status(d) + ", runs " + runs(d));
    }

    private DeliveryStatus status(StoredDelivery d) {
        try {
            return server.store().find(d.id()).orElseThrow().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<RunView> runs(StoredDelivery d) {
        try {
            return server.store().runs(d.id());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> handlerNames(StoredDelivery d) {
        return runs(d).stream().map(RunView::handler).toList();
    }

    private List<String> types(String handler) {
        return recording.events(handler).stream().map(e -> e.type()).sorted().toList();
    }
}
