package dev.hookyard.server.store.postgres;

import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.spi.Secret;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Settings for a fresh schema of a test database on the shared test cluster: every test gets its own store. */
final class TestSchemas {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestSchemas() {
    }

    /** A schema name not used before in this JVM. */
    static String fresh() {
        return "t" + SCHEMAS.incrementAndGet();
    }

    static PostgresSettings settings(PostgresCluster.Database db, String schema, Duration lease) {
        return new PostgresSettings(db.url(), db.user(), Secret.of(db.password()), 4, schema, lease);
    }

    static PostgresSettings settings(PostgresCluster.Database db, String schema) {
        return settings(db, schema, PostgresSettings.DEFAULT_LEASE_TIME);
    }
}
