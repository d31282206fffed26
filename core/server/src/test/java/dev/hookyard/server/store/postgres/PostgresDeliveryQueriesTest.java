package dev.hookyard.server.store.postgres;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliveryQueriesContract;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.testing.PostgresCluster;
import java.time.Clock;

/** The operator's queries on a real PostgreSQL store, from a second connection pool, as the CLI opens them. */
class PostgresDeliveryQueriesTest extends DeliveryQueriesContract {

    private static final PostgresCluster.Database DB = PostgresCluster.shared().createDatabase();

    private final String schema = TestSchemas.fresh();

    @Override
    protected DeliveryStore openStore(Clock clock) throws Exception {
        return PostgresDeliveryStore.open(TestSchemas.settings(DB, schema), clock, CommitPolicy.GROUP,
                CommitObserver.NONE);
    }

    @Override
    protected DeliveryQueries openQueries() throws Exception {
        return PostgresDeliveryQueries.open(TestSchemas.settings(DB, schema), CredentialHeaders.DEFAULT);
    }
}
