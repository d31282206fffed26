package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.PostgresCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookyard check} with {@code store.type: postgres}: it connects and reads the schema version, nothing more. */
class CheckPostgresStoreTest {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final PostgresCluster.Database DB = CLUSTER.createDatabase();

    @TempDir
    Path home;

    private CommandRun check(String schema, String password) throws IOException {
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
        Files.createDirectories(home.resolve("plugins"));
        return CommandRun.of(home, Map.of("LEAST_SECRET", "s", "HOOKYARD_DB_PASSWORD", password), "check");
    }

    @Test
    void aReachableDatabaseIsReportedWithItsSchemaVersionAndNothingIsCreated() throws IOException {
        CommandRun run = check("checked", DB.password());

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("store: PostgreSQL schema checked at " + DB.url() + ": connected, no schema"
                + " yet, which the next node to start migrates to version 1"), run.transcript());
        assertEquals("", CLUSTER.psql(DB.name(), "SELECT nspname FROM pg_namespace WHERE nspname = 'checked'"),
                "check must not create the schema");
    }

    @Test
    void aWrongPasswordIsAProblemThatNeverShowsThePassword() throws IOException {
        CommandRun run = check("checked", "wrong-password-4711");

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("password authentication failed"), run.transcript());
        assertTrue(run.err().contains("fix:     check store.url, store.user and store.password"), run.transcript());
        assertFalse(run.transcript().contains("wrong-password-4711"), run.transcript());
    }
}
