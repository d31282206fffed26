package dev.hookyard.server.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.spi.Headers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL store: two store instances, each with its own pool, claims and node name, on one
 * schema of a real server, as two Hookyard processes would have.
 */
class PostgresNodesTest {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final PostgresCluster.Database DB = CLUSTER.createDatabase();
    private static final Duration SHORT_LEASE = Duration.ofSeconds(2);

    private final String schema = TestSchemas.fresh();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeNodes() throws Exception {
        for (AutoCloseable node : opened) {
            node.close();
        }
    }

    private PostgresDeliveryStore node(Duration lease) throws Exception {
        PostgresDeliveryStore store = PostgresDeliveryStore.open(TestSchemas.settings(DB, schema, lease),
                Clock.systemUTC(), CommitPolicy.GROUP, CommitObserver.NONE);
        opened.add(store);
        return store;
    }

    private static NewDelivery delivery(String key, List<String> handlers) {
        return new NewDelivery("least", "least", "record.created", key, Headers.empty(),
                ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), Instant.now(), handlers);
    }

    private static List<Long> ids(List<DueRun> runs) {
        return runs.stream().map(r -> r.delivery().id()).toList();
    }

    private static List<DueRun> due(PostgresDeliveryStore node) throws Exception {
        return node.due(Instant.now().plusSeconds(1), "a", 100, 0, key -> false);
    }

    private String sql(String query) {
        return CLUSTER.psql(DB.name(), "SET search_path TO " + schema + "; " + query);
    }

    @Test
    void theSameKeysSentToTwoNodesAtOnceAreStoredOnceAndBothSendersAreAnswered() throws Exception {
        PostgresDeliveryStore one = node(PostgresSettings.DEFAULT_LEASE_TIME);
        PostgresDeliveryStore two = node(PostgresSettings.DEFAULT_LEASE_TIME);
        int keys = 200;
        List<CompletableFuture<AppendResult>> onOne = new ArrayList<>();
        List<CompletableFuture<AppendResult>> onTwo = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            // Opposite orders on the two nodes: their batches hold the same keys and must not deadlock.
            onOne.add(one.appendAsync(delivery("k" + i, List.of("a"))));
            onTwo.add(two.appendAsync(delivery("k" + (keys - 1 - i), List.of("a"))));
        }

        Map<Long, Integer> storedPerId = new HashMap<>();
        int duplicates = 0;
        for (int i = 0; i < keys; i++) {
            AppendResult a = onOne.get(i).join();
            AppendResult b = onTwo.get(keys - 1 - i).join();
            assertEquals(a.id(), b.id(), "both answers name the one stored delivery of k" + i);
            for (AppendResult result : List.of(a, b)) {
                if (result instanceof AppendResult.Stored) {
                    storedPerId.merge(result.id(), 1, Integer::sum);
                } else {
                    duplicates++;
                }
            }
        }
        assertEquals(keys, storedPerId.size(), "each key stored by exactly one of the two");
        assertTrue(storedPerId.values().stream().allMatch(n -> n == 1));
        assertEquals(keys, duplicates);
        assertEquals(String.valueOf(keys), sql("SELECT count(*) FROM deliveries"));
        assertEquals(String.valueOf(keys), sql("SELECT count(*) FROM handler_runs"));
    }

    @Test
    void aClaimHeldByOneNodeIsNotTakenByTheOtherWhileItsLeaseIsRenewedAndIsTakenOnceTheHolderDies()
            throws Exception {
        PostgresDeliveryStore holder = node(SHORT_LEASE);
        PostgresDeliveryStore other = node(SHORT_LEASE);
        long id = assertInstanceOf(AppendResult.Stored.class, holder.append(delivery("k", List.of("a")))).id();
        String firstLeaseEnd = sql("SELECT lease_until FROM handler_runs WHERE delivery_id = " + id);

        // Until the database's clock is past the first lease by a whole lease, renewals alone kept the claim.
        Eventually.await(Duration.ofSeconds(30), () -> {
            try {
                assertEquals(List.of(), due(other), "the other node took a run whose holder renews its lease");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return "t".equals(sql("SELECT now() > '" + firstLeaseEnd + "'::timestamptz + interval '2 seconds'"));
        }, () -> "the database's clock did not pass the first lease");
        assertEquals(List.of(id), ids(due(holder)), "its holder may still read it");

        holder.halt(); // as if killed: no claim given back, no more renewals

        Eventually.await(Duration.ofSeconds(30), () -> {
            try {
                return ids(due(other)).equals(List.of(id));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, () -> "the other node never took the dead node's run");
        other.record(id, "a", new RunResult.Done());
        assertEquals(List.of(new RunView("a", RunStatus.DONE, 1, null)), other.runs(id));
    }

    @Test
    void eachNodesBacklogIsTheSharedCountWhicheverNodeStoredTheRunsAndWhicheverRecordedThem() throws Exception {
        PostgresDeliveryStore storing = node(PostgresSettings.DEFAULT_LEASE_TIME);
        PostgresDeliveryStore handling = node(PostgresSettings.DEFAULT_LEASE_TIME);
        long id = assertInstanceOf(AppendResult.Stored.class, storing.append(delivery("k", List.of("a")))).id();
        assertEquals(1, storing.backlog());
        // The storing node's attempt fails and gives the run back (unclaimed, due again at once) ...
        assertEquals(List.of(id), ids(due(storing)));
        storing.record(id, "a", new RunResult.RetryAt(Instant.now(), "failed"));
        // ... and the other node takes it and completes it.
        assertEquals(List.of(id), ids(due(handling)));
        handling.record(id, "a", new RunResult.Done());

        assertEquals("0", sql("SELECT count(*) FROM handler_runs WHERE status = 'pending'"));
        assertEquals(0, handling.backlog(), "the node that recorded another node's run");
        Eventually.await(() -> storing.backlog() == 0,
                () -> "the storing node's backlog stayed at " + storing.backlog() + " with nothing pending");
    }

    @Test
    void theClaimsGaugeCountsTheRunsThisNodeHolds() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PostgresDeliveryStore store = PostgresDeliveryStore.open(TestSchemas.settings(DB, schema), Clock.systemUTC(),
                CommitPolicy.GROUP, CommitObserver.NONE, registry, CredentialHeaders.DEFAULT);
        opened.add(store);
        long id = assertInstanceOf(AppendResult.Stored.class, store.append(delivery("k", List.of("a", "b")))).id();
        assertEquals(2, registry.get("hookyard.claims").gauge().value());

        store.record(id, "a", new RunResult.Done());

        assertEquals(1, registry.get("hookyard.claims").gauge().value());
        assertEquals(4, registry.get("hikaricp.connections.max").tag("pool", "hookyard-db").gauge().value());
    }

    @Test
    void aRunThisNodeHoldsKeepsItsClaimWhenItIsReadAgain() throws Exception {
        PostgresDeliveryStore node = node(PostgresSettings.DEFAULT_LEASE_TIME);
        long id = assertInstanceOf(AppendResult.Stored.class, node.append(delivery("k", List.of("a")))).id();
        String token = sql("SELECT claim_token FROM handler_runs WHERE delivery_id = " + id);

        // A read that does not skip the run (the dispatcher's sweep for runs of unknown handlers reads them all)
        // while an attempt of it may be running: that attempt's outcome must still match the claim.
        assertEquals(List.of(id), ids(node.due(Instant.now().plusSeconds(1), 10)));

        assertEquals(token, sql("SELECT claim_token FROM handler_runs WHERE delivery_id = " + id));
    }

    @Test
    void aPurgeWaitsWhileAnotherNodePurgesTheSameStore() throws Exception {
        PostgresDeliveryStore node = node(PostgresSettings.DEFAULT_LEASE_TIME);
        for (int i = 0; i < 3; i++) {
            node.append(delivery("old" + i, List.of()));
        }
        try (Connection other = DriverManager.getConnection(DB.url(), DB.user(), DB.password());
             DeliveryQueries queries = node.queries()) {
            // Another node's purge holds the schema's purge lock.
            try (Statement s = other.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + 0x6879 + ", hashtext('purge:" + schema + "'))");
            }
            CompletableFuture<Long> purged = CompletableFuture.supplyAsync(() -> {
                try {
                    return queries.purge(Instant.now().plusSeconds(60), false, false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.await(() -> "1".equals(CLUSTER.psql(DB.name(), "SELECT count(*) FROM pg_locks"
                    + " WHERE locktype = 'advisory' AND NOT granted")), () -> "the purge did not wait for the lock");
            assertEquals("3", sql("SELECT count(*) FROM deliveries"), "nothing deleted while the other purges");

            try (Statement s = other.createStatement()) {
                s.execute("SELECT pg_advisory_unlock_all()");
            }
            assertEquals(3, purged.join());
        }
        assertEquals("0", sql("SELECT count(*) FROM deliveries"));
    }

    @Test
    void anOutcomeRecordedUnderALostClaimIsNotRecorded() throws Exception {
        PostgresDeliveryStore first = node(PostgresSettings.DEFAULT_LEASE_TIME);
        PostgresDeliveryStore second = node(PostgresSettings.DEFAULT_LEASE_TIME);
        long id = assertInstanceOf(AppendResult.Stored.class, first.append(delivery("k", List.of("a")))).id();
        // The first node's lease runs out (a long pause, a lost network) and the second claims the run.
        sql("UPDATE handler_runs SET lease_until = now() - interval '1 second'");
        assertEquals(List.of(id), ids(due(second)));

        first.record(id, "a", new RunResult.Done());

        assertEquals(List.of(new RunView("a", RunStatus.PENDING, 0, null)), second.runs(id),
                "the late outcome of the node that lost its claim changed nothing");
        second.record(id, "a", new RunResult.Dead("gave up"));
        assertEquals(List.of(new RunView("a", RunStatus.DEAD, 1, "gave up")), second.runs(id));
    }

    @Test
    void aNodeThatStopsGivesItsClaimsBackAndWakesTheOthers() throws Exception {
        PostgresDeliveryStore leaving = node(PostgresSettings.DEFAULT_LEASE_TIME);
        PostgresDeliveryStore staying = node(PostgresSettings.DEFAULT_LEASE_TIME);
        AtomicInteger wakeUps = new AtomicInteger();
        staying.listenForDueRuns(wakeUps::incrementAndGet);
        long id = assertInstanceOf(AppendResult.Stored.class, leaving.append(delivery("k", List.of("a")))).id();
        assertEquals(List.of(), due(staying));
        int before = wakeUps.get();

        leaving.close();

        Eventually.await(() -> wakeUps.get() > before, () -> "the staying node was not woken");
        assertEquals(List.of(id), ids(due(staying)), "taken at once, not after the lease");
    }

    @Test
    void aReplayFromAnyNodeWakesTheOthersAndClearsTheClaims() throws Exception {
        PostgresDeliveryStore running = node(PostgresSettings.DEFAULT_LEASE_TIME);
        PostgresDeliveryStore replaying = node(PostgresSettings.DEFAULT_LEASE_TIME);
        AtomicInteger wakeUps = new AtomicInteger();
        running.listenForDueRuns(wakeUps::incrementAndGet);
        long id = assertInstanceOf(AppendResult.Stored.class, replaying.append(delivery("k", List.of("a")))).id();
        replaying.record(id, "a", new RunResult.Dead("gave up"));
        int before = wakeUps.get();

        try (DeliveryQueries queries = replaying.queries()) {
            assertEquals(List.of(id), queries.replay(Map.of(id, List.of("a")), Instant.now()));
        }

        Eventually.await(() -> wakeUps.get() > before, () -> "the running node was not woken");
        assertEquals(List.of(id), ids(due(running)));
    }
}
