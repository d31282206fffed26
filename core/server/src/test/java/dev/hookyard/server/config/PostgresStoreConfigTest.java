package dev.hookyard.server.config;

import static dev.hookyard.server.testing.ConfigFiles.problemAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.postgres.PostgresSettings;
import dev.hookyard.server.testing.ConfigFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store: { type: postgres, ... }}: its keys, defaults and problems, and the embedded store left as it was. */
class PostgresStoreConfigTest {

    private static final String PASSWORD = "db-pass-7f3a9c";
    private static final String ENDPOINTS = "endpoints: { least: { vendor: least } }\n";

    @TempDir
    Path home;

    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(home, Map.of("HOOKYARD_DB_PASSWORD", PASSWORD));
    }

    @Test
    void everyKeyIsReadAndThePasswordIsASecretReference() throws IOException {
        HookyardConfig config = files.load("""
                store:
                  type: postgres
                  url: jdbc:postgresql://db.example:5432/hooks
                  user: hookyard
                  password: "${env:HOOKYARD_DB_PASSWORD}"
                  poolSize: 20
                  schema: hooks_eu
                  leaseTime: 45s
                  retentionDays: 7
                  maxBacklog: 5000
                """ + ENDPOINTS);

        PostgresSettings postgres = config.store().postgres();
        assertEquals(List.of("jdbc:postgresql://db.example:5432/hooks", "hookyard", 20, "hooks_eu",
                Duration.ofSeconds(45)), List.of(postgres.url(), postgres.user(), postgres.poolSize(),
                postgres.schema(), postgres.leaseTime()));
        assertEquals(PASSWORD, postgres.password().reveal());
        assertFalse(postgres.toString().contains(PASSWORD), postgres.toString());
        assertEquals(7, config.store().retentionDays());
        assertEquals(5000, config.store().maxBacklog());
    }

    @Test
    void theDefaultsAreAPoolOfTenTheHookyardSchemaAndAThirtySecondLease() throws IOException {
        PostgresSettings postgres = files.load("""
                store: { type: postgres, url: "jdbc:postgresql://db/hooks", user: hookyard }
                """ + ENDPOINTS).store().postgres();

        assertEquals(List.of(10, "hookyard", Duration.ofSeconds(30)),
                List.of(postgres.poolSize(), postgres.schema(), postgres.leaseTime()));
        assertNull(postgres.password(), "a server that needs no password (trust, peer) needs none here");
    }

    @Test
    void sqliteOrNoTypeKeepTheEmbeddedStore() throws IOException {
        for (String store : List.of("", "store: { type: embedded }\n", "store: { type: sqlite, path: db }\n")) {
            HookyardConfig config = files.load(store + ENDPOINTS);
            assertNull(config.store().postgres(), store);
        }
        assertEquals(home.resolve("db"), files.load("store: { type: sqlite, path: db }\n" + ENDPOINTS).store()
                .directory());
    }

    @Test
    void problemsNameTheKeyAndNeverShowTheValues() throws IOException {
        InvalidConfigException e = files.loadFails("""
                store:
                  type: postgres
                  url: "mysql://db/hooks?password=url-secret"
                  password: ""
                  poolSize: 1
                  schema: "Hooks; DROP"
                  leaseTime: 10ms
                  path: data
                """ + ENDPOINTS);

        assertEquals(List.of("store.path", "store.url", "store.user", "store.password", "store.poolSize",
                "store.schema", "store.leaseTime"), e.problems().stream().map(ConfigProblem::key).toList());
        assertEquals("is not a PostgreSQL JDBC URL", problemAt(e, "store.url").orElseThrow().problem());
        assertFalse(e.getMessage().contains("url-secret"), e.getMessage());
        assertFalse(e.getMessage().contains("DROP"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefusedInFavourOfThePasswordKey() throws IOException {
        InvalidConfigException e = files.loadFails("""
                store: { type: postgres, url: "jdbc:postgresql://db/hooks?user=x&password=in-url", user: x }
                """ + ENDPOINTS);

        ConfigProblem problem = problemAt(e, "store.url").orElseThrow();
        assertEquals("carries a password", problem.problem());
        assertTrue(problem.fix().contains("HOOKYARD_DB_PASSWORD"), problem.fix());
        assertFalse(e.getMessage().contains("in-url"), e.getMessage());
    }

    @Test
    void postgresKeysOnTheEmbeddedStoreAreReported() throws IOException {
        InvalidConfigException e = files.loadFails("store: { url: \"jdbc:postgresql://db/h\", poolSize: 3 }\n"
                + ENDPOINTS);

        assertEquals("applies to store.type: postgres only", problemAt(e, "store.url").orElseThrow().problem());
        assertTrue(problemAt(e, "store.poolSize").isPresent(), e.getMessage());
    }

    @Test
    void anUnknownTypeSuggestsTheNearestKnownOne() throws IOException {
        InvalidConfigException e = files.loadFails("store: { type: postgre }\n" + ENDPOINTS);

        assertTrue(problemAt(e, "store.type").orElseThrow().problem().contains("postgres"), e.getMessage());
    }
}
