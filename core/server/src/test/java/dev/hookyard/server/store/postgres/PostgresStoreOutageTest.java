package dev.hookyard.server.store.postgres;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running store and comes back: appends fail as unavailable meanwhile (the intake
 * answers 503), and succeed again by themselves. On a cluster of its own, since it stops the server.
 */
class PostgresStoreOutageTest {

    private static final PostgresCluster CLUSTER = PostgresCluster.startNew();

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    static NewDelivery delivery(String key) {
        return new NewDelivery("least", "least", "record.created", key, Headers.empty(),
                "{}".getBytes(StandardCharsets.UTF_8), Instant.now(), List.of("a"));
    }

    @Test
    void appendsFailAsUnavailableWhileTheDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
        PostgresCluster.Database db = CLUSTER.createDatabase();
        try (PostgresDeliveryStore store = PostgresDeliveryStore.open(TestSchemas.settings(db, "outage"),
                Clock.systemUTC(), CommitPolicy.GROUP, CommitObserver.NONE)) {
            assertInstanceOf(AppendResult.Stored.class, store.append(delivery("before")));

            CLUSTER.stop();
            StoreUnavailableException down = assertThrows(StoreUnavailableException.class,
                    () -> store.append(delivery("during")));
            assertTrue(down.getMessage().contains("PostgreSQL schema outage"), down.getMessage());
            assertThrows(StoreUnavailableException.class, () -> store.due(Instant.now(), "a", 10, 0, k -> false));

            CLUSTER.start();
            Eventually.await(Duration.ofSeconds(60), () -> {
                try {
                    return store.append(delivery("after")) instanceof AppendResult.Stored;
                } catch (StoreUnavailableException e) {
                    return false;
                }
            }, () -> "the store did not recover after the database came back");
            assertInstanceOf(AppendResult.Duplicate.class, store.append(delivery("before")),
                    "what was committed before the outage is still there");
        }
    }
}
