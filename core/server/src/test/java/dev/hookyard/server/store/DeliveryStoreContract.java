package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryStore} does, whatever keeps the data: dedup, exact bytes, masking, the run lifecycle,
 * outcomes, reopening. Each backend's test extends it with how to open its store (on a real file, on a real
 * database) and adds the tests of what only it does.
 */
public abstract class DeliveryStoreContract {

    protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    protected static final Clock CLOCK = Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC);

    protected DeliveryStore store;

    /** Opens the store under test, or again the one the last call opened (same file, same database). */
    protected abstract DeliveryStore open(Clock clock) throws Exception;

    /** The headers of delivery {@code id} as the backend keeps them, read beside the store. */
    protected abstract String rawHeaders(long id) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open(CLOCK);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static NewDelivery delivery(String endpoint, String key, List<String> handlers) {
        return new NewDelivery(endpoint, "least", "record.created", key,
                Headers.ofSingle(Map.of("Content-Type", "application/json")),
                ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), T0, handlers);
    }

    protected long stored(NewDelivery d) throws StoreUnavailableException {
        return assertInstanceOf(AppendResult.Stored.class, store.append(d)).id();
    }

    @Test
    void theSameKeyIsADuplicateOnOneEndpointButNewOnAnother() throws Exception {
        long first = stored(delivery("least", "k1", List.of("a")));

        AppendResult again = store.append(delivery("least", "k1", List.of("a", "b")));
        long other = stored(delivery("other", "k1", List.of("a")));

        assertEquals(new AppendResult.Duplicate(first), again);
        assertNotEquals(first, other);
        assertEquals(List.of(new RunView("a", RunStatus.PENDING, 0, null)), store.runs(first),
                "a duplicate adds no handler runs");
        assertEquals("other", store.find(other).orElseThrow().endpoint());
        assertEquals(2, store.due(T0, 10).size());
    }

    @Test
    void aStoredDeliveryKeepsEveryFieldAndTheExactBodyBytes() throws Exception {
        byte[] body = {0, (byte) 0xff, '{', '}', (byte) 0xc3, (byte) 0xa9, '\n'};
        Instant received = Instant.parse("2025-03-04T05:06:07.891Z");
        long id = stored(new NewDelivery("least", "least", "lesson.completed", "key-1",
                Headers.of(Map.of("X-Multi", List.of("one", "two"))), body, received, List.of()));

        StoredDelivery d = store.find(id).orElseThrow();

        assertEquals(List.of(id, "least", "least", "lesson.completed", "key-1", received, DeliveryStatus.UNROUTED),
                List.of(d.id(), d.endpoint(), d.vendor(), d.eventType(), d.deliveryKey(), d.receivedAt(), d.status()));
        assertArrayEquals(body, d.body());
        assertEquals(List.of("one", "two"), d.headers().all("x-multi"));
        assertEquals(List.of(), store.runs(id), "an unrouted delivery owes no handler anything");
        assertEquals(Optional.empty(), store.nextDue());
        assertEquals(Optional.empty(), store.find(id + 1));
    }

    @Test
    void credentialsAndSignaturesAreMaskedBeforeTheyReachTheDisk() throws Exception {
        Headers headers = Headers.of(Map.of(
                "X-LEAST-Signature", List.of("sha256=abcdef0123"),
                "Authorization", List.of("Bearer tok-AUTH", "Basic dXNlcjpwYXNz"),
                "Cookie", List.of("session=COOKIE"),
                "X-Api-Token", List.of("TOKEN-VALUE"),
                "Content-Type", List.of("application/json"),
                "User-Agent", List.of("LEAST-Webhooks/1.0")));
        long id = stored(new NewDelivery("least", "least", "record.created", "k", headers, new byte[] {'{', '}'},
                T0, List.of()));

        Headers kept = store.find(id).orElseThrow().headers();

        assertEquals(List.of("****"), kept.all("X-LEAST-Signature"));
        assertEquals(List.of("****", "****"), kept.all("Authorization"));
        assertEquals(List.of("****"), kept.all("Cookie"));
        assertEquals(List.of("****"), kept.all("X-Api-Token"));
        assertEquals(List.of("application/json"), kept.all("Content-Type"));
        assertEquals(List.of("LEAST-Webhooks/1.0"), kept.all("User-Agent"));
        String raw = rawHeaders(id);
        for (String secret : List.of("abcdef0123", "tok-AUTH", "dXNlcjpwYXNz", "COOKIE", "TOKEN-VALUE")) {
            assertFalse(raw.contains(secret), raw);
        }
    }

    @Test
    void dueRunsReadPastTheSkippedOnesOldestFirst() throws Exception {
        long first = stored(delivery("least", "k1", List.of("a")));
        long second = stored(delivery("least", "k2", List.of("a", "b")));
        long third = stored(delivery("least", "k3", List.of("a")));

        List<DueRun> due = store.due(T0, "a", 1, 1, key -> key.equals(DueRun.key(first, "a")));

        assertEquals(List.of(second), due.stream().map(r -> r.delivery().id()).toList());
        assertEquals("k2", due.get(0).delivery().deliveryKey());
        assertEquals(List.of(second, third), store.due(T0, "a", 5, 1, key -> key.equals(DueRun.key(first, "a")))
                .stream().map(r -> r.delivery().id()).toList());
        assertEquals(List.of(first, second, third), store.due(T0, "a", 5, 0, key -> false).stream()
                .map(r -> r.delivery().id()).toList());
    }

    @Test
    void runsMoveThroughRetryDoneDeadAndDroppedAndTheDeliveryStatusFollows() throws Exception {
        long id = stored(delivery("least", "k", List.of("a", "b")));
        assertEquals(DeliveryStatus.PENDING, store.find(id).orElseThrow().status());
        assertEquals(Optional.of(T0), store.nextDue());
        assertEquals(List.of(), store.due(T0.minusMillis(1), 10), "nothing is due before it was received");
        assertEquals(List.of("a", "b"), store.due(T0, 10).stream().map(DueRun::handler).toList());
        assertEquals(1, store.due(T0, 1).size(), "the limit is honoured");

        Instant retryAt = T0.plusSeconds(10);
        store.record(id, "a", new RunResult.RetryAt(retryAt, "boom"));
        assertEquals(List.of("b"), store.due(T0, 10).stream().map(DueRun::handler).toList());
        assertEquals(Optional.of(T0), store.nextDue(), "b is still due first");

        store.record(id, "b", new RunResult.Done());
        assertEquals(Optional.of(retryAt), store.nextDue());
        assertEquals(DeliveryStatus.PENDING, store.find(id).orElseThrow().status(), "a still owes an attempt");
        DueRun retry = store.due(retryAt, 10).get(0);
        assertEquals(List.of("a", 1, id), List.of(retry.handler(), retry.attempts(), retry.delivery().id()));
        assertEquals(id + "/a", retry.runKey());

        store.record(id, "a", new RunResult.Dead("gave up"));
        assertEquals(DeliveryStatus.FAILED, store.find(id).orElseThrow().status());
        assertEquals(List.of(new RunView("a", RunStatus.DEAD, 2, "gave up"), new RunView("b", RunStatus.DONE, 1, null)),
                store.runs(id));
        assertEquals(Optional.empty(), store.nextDue());
        assertEquals(List.of(), store.due(T0.plus(Duration.ofDays(365)), 10));

        long done = stored(delivery("least", "k2", List.of("a")));
        store.record(done, "a", new RunResult.Done());
        assertEquals(DeliveryStatus.DONE, store.find(done).orElseThrow().status());

        long dropped = stored(delivery("least", "k3", List.of("a")));
        store.record(dropped, "a", new RunResult.Dropped("not mine"));
        assertEquals(DeliveryStatus.FAILED, store.find(dropped).orElseThrow().status());
        assertEquals(new RunView("a", RunStatus.DROPPED, 1, "not mine"), store.runs(dropped).get(0));
    }

    @Test
    void outcomesRecordedTogetherAreAllWrittenInOneTransactionAndMoveTheBacklog() throws Exception {
        long one = stored(delivery("least", "r1", List.of("a", "b")));
        long two = stored(delivery("least", "r2", List.of("a")));
        assertEquals(3, store.backlog());

        store.recordAll(List.of(
                new DeliveryStore.RunOutcome(one, "a", new RunResult.Done()),
                new DeliveryStore.RunOutcome(one, "b", new RunResult.RetryAt(T0.plusSeconds(60), "later")),
                new DeliveryStore.RunOutcome(two, "a", new RunResult.Dead("gave up"))));

        assertEquals(List.of(new RunView("a", RunStatus.DONE, 1, null),
                new RunView("b", RunStatus.PENDING, 1, "later")), store.runs(one));
        assertEquals(DeliveryStatus.PENDING, store.find(one).orElseThrow().status());
        assertEquals(DeliveryStatus.FAILED, store.find(two).orElseThrow().status());
        assertEquals(1, store.backlog(), "only one's b is still owed");
    }

    @Test
    void aBatchThatFailsPartWayLeavesNoneOfItsOutcomesWritten() throws Exception {
        long one = stored(delivery("least", "f1", List.of("a")));
        long two = stored(delivery("least", "f2", List.of("a")));
        // The second outcome breaks mid-transaction (no next-due time), after the first was already updated.
        assertThrows(NullPointerException.class, () -> store.recordAll(List.of(
                new DeliveryStore.RunOutcome(one, "a", new RunResult.Done()),
                new DeliveryStore.RunOutcome(two, "a", new RunResult.RetryAt(null, "broken")))));
        assertEquals(RunStatus.PENDING, store.runs(one).get(0).status(), "rolled back with the batch");
        assertEquals(0, store.runs(one).get(0).attempts());
        assertEquals(2, store.backlog());
        store.record(one, "a", new RunResult.Done());
        assertEquals(RunStatus.DONE, store.runs(one).get(0).status(), "the store writes again afterwards");
    }

    @Test
    void dueRunsComeOldestFirst() throws Exception {
        long late = stored(new NewDelivery("least", "least", "t", "late", Headers.empty(), new byte[0],
                T0.plusSeconds(5), List.of("a")));
        long early = stored(new NewDelivery("least", "least", "t", "early", Headers.empty(), new byte[0], T0,
                List.of("a")));

        assertEquals(List.of(early, late), store.due(T0.plusSeconds(5), 10).stream()
                .map(r -> r.delivery().id()).toList());
    }

    @Test
    void aVeryLongErrorIsTruncated() throws Exception {
        long id = stored(delivery("least", "k", List.of("a")));
        store.record(id, "a", new RunResult.Dead("x".repeat(5000)));

        String error = store.runs(id).get(0).lastError();
        assertEquals(2003, error.length());
        assertTrue(error.endsWith("..."));
    }

    @Test
    void reopeningTheStoreKeepsDeliveriesRunsAndKeys() throws Exception {
        long id = stored(delivery("least", "k", List.of("a")));
        store.record(id, "a", new RunResult.RetryAt(T0.plusSeconds(3), "later"));
        store.close();

        store = open(CLOCK);

        assertEquals("k", store.find(id).orElseThrow().deliveryKey());
        assertEquals(List.of(new RunView("a", RunStatus.PENDING, 1, "later")), store.runs(id));
        assertEquals(Optional.of(T0.plusSeconds(3)), store.nextDue());
        assertEquals(new AppendResult.Duplicate(id), store.append(delivery("least", "k", List.of("a"))));
    }
}
