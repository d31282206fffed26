package dev.hookyard.server.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.spi.Secret;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a node checks before it serves: the schema's version, durable commits, and that it can log in. */
class PostgresStoreStartTest {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final PostgresCluster.Database DB = CLUSTER.createDatabase();

    private final String schema = TestSchemas.fresh();

    private PostgresDeliveryStore open(PostgresSettings settings) throws StoreUnavailableException {
        return PostgresDeliveryStore.open(settings, Clock.systemUTC(), CommitPolicy.GROUP, CommitObserver.NONE);
    }

    @Test
    void theFirstNodeCreatesTheSchemaAndTheNextFindItCurrent() throws Exception {
        PostgresSettings settings = TestSchemas.settings(DB, schema);
        assertEquals(Optional.empty(), PostgresSchema.inspect(settings).applied());
        StoreUnavailableException none = assertThrows(StoreUnavailableException.class,
                () -> PostgresDeliveryQueries.open(settings, CredentialHeaders.DEFAULT));
        assertTrue(none.getMessage().contains("no Hookyard store in PostgreSQL schema " + schema), none.getMessage());

        try (PostgresDeliveryStore first = open(settings); PostgresDeliveryStore second = open(settings)) {
            PostgresSchema.SchemaVersion version = PostgresSchema.inspect(settings);
            assertEquals(Optional.of(version.known()), version.applied());
            assertEquals("1", version.known());
            assertInstanceOf(AppendResult.Stored.class, first.append(PostgresStoreOutageTest.delivery("k")));
            assertInstanceOf(AppendResult.Duplicate.class, second.append(PostgresStoreOutageTest.delivery("k")));
        }
        try (PostgresDeliveryQueries queries = PostgresDeliveryQueries.open(settings, CredentialHeaders.DEFAULT)) {
            assertEquals(1, queries.count(DeliveryFilter.ANY), "a node's delivery, seen by the commands");
        }
    }

    @Test
    void aSchemaMigratedByANewerHookyardIsRefusedSayingSo() throws Exception {
        PostgresSettings settings = TestSchemas.settings(DB, schema);
        open(settings).close();
        CLUSTER.psql(DB.name(), "INSERT INTO " + schema + ".flyway_schema_history (installed_rank, version,"
                + " description, type, script, checksum, installed_by, execution_time, success) VALUES"
                + " (99, '2', 'from the future', 'SQL', 'V2__from_the_future.sql', 0, 'test', 1, true)");

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> open(settings));

        assertTrue(e.getMessage().contains("is at version 2, newer than this Hookyard knows (1)"), e.getMessage());
        assertTrue(e.getMessage().contains("upgrade this node"), e.getMessage());
        assertEquals("1", CLUSTER.psql(DB.name(), "SELECT count(*) FROM " + schema + ".flyway_schema_history"
                + " WHERE version = '2'"), "nothing was changed");
    }

    @Test
    void aSessionWithoutDurableCommitsIsRefusedSayingHowToFixIt() {
        PostgresSettings settings = TestSchemas.settings(DB, schema);
        PostgresSettings asynchronous = new PostgresSettings(settings.url() + "?options=-c%20synchronous_commit%3Doff",
                settings.user(), settings.password(), settings.poolSize(), schema, settings.leaseTime());

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> open(asynchronous));

        assertTrue(e.getMessage().contains("synchronous_commit = off"), e.getMessage());
        assertTrue(e.getMessage().contains("ALTER ROLE " + settings.user() + " SET synchronous_commit = on"),
                e.getMessage());
        assertFalse(e.getMessage().contains("options="), "the URL's options are not repeated: " + e.getMessage());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        PostgresSettings settings = TestSchemas.settings(DB, schema);
        String wrong = "not-the-password-" + System.nanoTime();
        PostgresSettings withWrong = new PostgresSettings(settings.url(), settings.user(), Secret.of(wrong),
                settings.poolSize(), schema, settings.leaseTime());

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> open(withWrong));

        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(e.getMessage().contains(DB.password()), e.getMessage());
    }
}
