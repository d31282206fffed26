package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Headers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory count of pending handler runs follows every write that changes it, the writes of other connections
 * (replay and purge, as the management API and the CLI make them) included, and survives a reopen.
 */
class BacklogCounterTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SqliteDeliveryStore store;

    @BeforeEach
    void open() throws Exception {
        store = SqliteDeliveryStore.open(dir.resolve("data"), CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long append(String key, List<String> handlers) throws Exception {
        return store.append(new NewDelivery("least", "least", "record.created", key, Headers.empty(), new byte[] {1},
                T0, handlers)).id();
    }

    @Test
    void appendsAddTheirRunsAndOutcomesThatEndARunTakeItAway() throws Exception {
        long id = append("k1", List.of("a", "b", "c", "d"));
        append("k1", List.of("a", "b")); // duplicate: no runs
        append("unrouted", List.of());
        assertEquals(4, store.backlog());

        store.record(id, "a", new RunResult.RetryAt(T0.plusSeconds(5), "later"));
        assertEquals(4, store.backlog(), "a retry is still pending");
        store.record(id, "a", new RunResult.Done());
        store.record(id, "b", new RunResult.Dead("gave up"));
        store.record(id, "c", new RunResult.Dropped("not mine"));
        assertEquals(1, store.backlog());
        store.record(id, "c", new RunResult.Done());
        store.record(id, "nobody", new RunResult.RetryAt(T0, "no such run"));
        assertEquals(1, store.backlog(), "outcomes of runs that are not pending change nothing");

        store.close();
        store = SqliteDeliveryStore.open(dir.resolve("data"), CLOCK);
        assertEquals(1, store.backlog(), "counted from the store when it opens");
    }

    @Test
    void aRecountTrustsTheStoreOverTheCounter() throws Exception {
        long id = append("k", List.of("a", "b"));
        // Another writer (say, an operator's SQL) finishes a run behind the store's back.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
                + dir.resolve("data").resolve(SqliteDeliveryStore.FILE_NAME)); Statement s = c.createStatement()) {
            s.execute("UPDATE handler_runs SET status = 'done' WHERE delivery_id = " + id + " AND handler = 'a'");
        }
        assertEquals(2, store.backlog());

        assertEquals(1, store.recountBacklog());
        assertEquals(1, store.backlog());
        assertInstanceOf(AppendResult.Stored.class, store.append(new NewDelivery("least", "least", "t", "k2",
                Headers.empty(), new byte[0], T0, List.of("a"))));
        assertEquals(2, store.backlog());
    }

    @Test
    void runsReplayedByAnotherConnectionAreCountedBeforeTheirOutcomesTakeThemAway() throws Exception {
        long id = append("k", List.of("a", "b"));
        store.record(id, "a", new RunResult.Done());
        store.record(id, "b", new RunResult.Done());
        assertEquals(0, store.backlog());

        try (DeliveryQueries other = SqliteDeliveryQueries.open(dir.resolve("data"), CredentialHeaders.DEFAULT)) {
            assertEquals(List.of(id), other.replay(Map.of(id, List.of("a", "b")), T0));
        }
        store.record(id, "a", new RunResult.Done());
        assertEquals(1, store.backlog(), "b's replayed run is still pending");
        store.record(id, "b", new RunResult.Done());
        assertEquals(0, store.backlog());
    }

    @Test
    void runsPurgedByAnotherConnectionAreNoLongerCountedOnceTheStoreWritesAgain() throws Exception {
        append("k1", List.of("a"));
        append("k2", List.of("a", "b"));
        assertEquals(3, store.backlog());

        try (DeliveryQueries other = SqliteDeliveryQueries.open(dir.resolve("data"), CredentialHeaders.DEFAULT)) {
            assertEquals(2, other.purge(T0.plusSeconds(1), true, false));
        }
        append("k3", List.of("a"));
        assertEquals(1, store.backlog());
    }
}
