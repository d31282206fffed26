package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.postgres.PostgresDeliveryStore;
import dev.hookyard.server.store.postgres.PostgresSettings;
import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hookyard store copy --to postgres}: a real embedded store file, written by the real SQLite store, copied
 * into a real PostgreSQL schema, then copied again.
 */
class StoreCopyCommandTest {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final PostgresCluster.Database DB = CLUSTER.createDatabase();
    private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant RETRY_AT = Instant.parse("2026-01-02T04:00:00Z");

    @TempDir
    Path home;

    private CommandRun copy(String schema) throws IOException {
        Path file = home.resolve("conf/hookyard.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                store:
                  type: postgres
                  url: %s
                  user: %s
                  password: "${env:HOOKYARD_DB_PASSWORD}"
                  schema: %s
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  log: { type: log }
                routes:
                  - { to: [log] }
                """.formatted(DB.url(), DB.user(), schema));
        // No LEAST_SECRET: copying needs the store's references only.
        return CommandRun.of(home, Map.of("HOOKYARD_DB_PASSWORD", DB.password()), "store", "copy", "--to",
                "postgres");
    }

    private static NewDelivery delivery(String key, List<String> handlers) {
        return new NewDelivery("least", "least", "record.created", key,
                Headers.of(Map.of("Content-Type", List.of("application/json"))),
                ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), RECEIVED, handlers);
    }

    /** Three deliveries: one done, one with a run to retry and a dead one, one routed nowhere. */
    private SqliteDeliveryStore writeEmbeddedStore() throws Exception {
        SqliteDeliveryStore store = SqliteDeliveryStore.open(home.resolve("data"), Clock.systemUTC());
        long done = assertInstanceOf(AppendResult.Stored.class, store.append(delivery("done", List.of("a")))).id();
        long mixed = assertInstanceOf(AppendResult.Stored.class, store.append(delivery("mixed", List.of("a", "b"))))
                .id();
        store.append(delivery("unrouted", List.of()));
        store.record(done, "a", new RunResult.Done());
        store.record(mixed, "a", new RunResult.RetryAt(RETRY_AT, "boom"));
        store.record(mixed, "b", new RunResult.Dead("gave up"));
        return store;
    }

    private String sql(String schema, String query) {
        return CLUSTER.psql(DB.name(), "SET search_path TO " + schema + "; " + query);
    }

    @Test
    void deliveriesAndTheirRunsAreCopiedOnceAndThePendingRunIsRunByANodeOfTheTarget() throws Exception {
        writeEmbeddedStore().close();

        CommandRun first = copy("copied");

        assertEquals(0, first.status(), first.transcript());
        assertTrue(first.out().startsWith("Copied 3 deliveries with 3 handler runs (1 pending) from "),
                first.transcript());
        assertTrue(first.out().contains("; skipped 0 the target already had"), first.transcript());
        assertEquals("""
                done|done|{"key":"done"}|%1$d
                mixed|pending|{"key":"mixed"}|%1$d
                unrouted|unrouted|{"key":"unrouted"}|%1$d""".formatted(RECEIVED.toEpochMilli()),
                sql("copied", "SELECT delivery_key, status, convert_from(body, 'UTF8'), received_at FROM deliveries"
                        + " ORDER BY delivery_key"));
        assertEquals("""
                done|a|done|1||
                mixed|a|pending|1|boom|%d
                mixed|b|dead|1|gave up|""".formatted(RETRY_AT.toEpochMilli()),
                sql("copied", "SELECT d.delivery_key, r.handler, r.status, r.attempts, r.last_error, CASE WHEN"
                        + " r.status = 'pending' THEN r.next_due END FROM handler_runs r JOIN deliveries d"
                        + " ON d.id = r.delivery_id ORDER BY 1, 2"));
        assertEquals("0", sql("copied", "SELECT count(*) FROM handler_runs WHERE claimed_by IS NOT NULL"));

        CommandRun again = copy("copied");

        assertEquals(0, again.status(), again.transcript());
        assertTrue(again.out().startsWith("Copied 0 deliveries with 0 handler runs (0 pending)"), again.transcript());
        assertTrue(again.out().contains("; skipped 3 the target already had"), again.transcript());
        assertEquals("3", sql("copied", "SELECT count(*) FROM deliveries"));

        // A node on the target runs the copied pending run once it is due, with its attempt counted.
        try (PostgresDeliveryStore node = PostgresDeliveryStore.open(new PostgresSettings(DB.url(), DB.user(),
                Secret.of(DB.password()), 2, "copied", PostgresSettings.DEFAULT_LEASE_TIME), Clock.systemUTC(),
                CommitPolicy.GROUP, CommitObserver.NONE)) {
            assertEquals(List.of(), node.due(RETRY_AT.minusMillis(1), "a", 10));
            List<DueRun> due = node.due(RETRY_AT, "a", 10);
            assertEquals(1, due.size());
            assertEquals("mixed", due.get(0).delivery().deliveryKey());
            assertEquals(1, due.get(0).attempts());
            assertEquals(List.of("application/json"), due.get(0).delivery().headers().all("Content-Type"));
        }
    }

    @Test
    void aStoreANodeHasOpenIsNotCopied() throws Exception {
        try (SqliteDeliveryStore running = writeEmbeddedStore()) {
            CommandRun run = copy("refused");

            assertEquals(3, run.status(), run.transcript());
            assertTrue(run.err().contains("is open in another process (a Hookyard node or command): stop every node"
                    + " that uses it"), run.transcript());
            assertEquals("", CLUSTER.psql(DB.name(), "SELECT nspname FROM pg_namespace WHERE nspname = 'refused'"),
                    "nothing is written to the target");
            running.append(delivery("after", List.of())); // the node goes on writing, unharmed
        }
    }

    @Test
    void aTargetThatIsNotPostgresqlIsAConfigurationError() throws Exception {
        writeEmbeddedStore().close();
        Path file = home.resolve("conf/hookyard.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "store: { path: data }\nendpoints:\n"
                + "  least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"] }\n");

        CommandRun run = CommandRun.of(home, Map.of(), "store", "copy", "--to", "postgres");

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("must be the target, with type: postgres"), run.transcript());
    }
}
