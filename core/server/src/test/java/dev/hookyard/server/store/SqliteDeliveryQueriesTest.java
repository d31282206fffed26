package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.CredentialHeaders;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's queries on a real store file, beside the store's own connections. */
class SqliteDeliveryQueriesTest extends DeliveryQueriesContract {

    @TempDir
    Path dir;

    @Override
    protected DeliveryStore openStore(Clock clock) throws Exception {
        return SqliteDeliveryStore.open(dir.resolve("data"), clock);
    }

    @Override
    protected DeliveryQueries openQueries() throws Exception {
        return SqliteDeliveryQueries.open(dir.resolve("data"), CredentialHeaders.DEFAULT);
    }

    @Test
    void aDirectoryWithoutAStoreIsReportedNotCreated() {
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> SqliteDeliveryQueries.open(dir.resolve("nothing-here"), CredentialHeaders.DEFAULT));
        assertTrue(e.getMessage().contains("no store at"), e.getMessage());
        assertTrue(!dir.resolve("nothing-here").toFile().exists(), "opening must not create a store");
    }
}
