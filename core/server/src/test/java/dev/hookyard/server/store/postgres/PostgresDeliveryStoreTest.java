package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DeliveryStoreContract;
import dev.hookyard.server.testing.PostgresCluster;
import java.time.Clock;

/** The shared PostgreSQL store on a real server: the contract every store keeps ({@link DeliveryStoreContract}). */
class PostgresDeliveryStoreTest extends DeliveryStoreContract {

    private static final PostgresCluster.Database DB = PostgresCluster.shared().createDatabase();

    private final String schema = TestSchemas.fresh();

    @Override
    protected DeliveryStore open(Clock clock) throws Exception {
        return PostgresDeliveryStore.open(TestSchemas.settings(DB, schema), clock, CommitPolicy.GROUP,
                CommitObserver.NONE);
    }

    @Override
    protected String rawHeaders(long id) {
        return PostgresCluster.shared().psql(DB.name(), "SELECT headers FROM " + schema + ".deliveries WHERE id = " + id);
    }
}
