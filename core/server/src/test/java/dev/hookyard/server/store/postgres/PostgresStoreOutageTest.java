package dev.hookyard.server.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running store and comes back: appends fail as unavailable meanwhile (the server
 * answers 503 with Retry-After, never a 2xx, and is not ready), and succeed again by themselves. On a cluster of its own, since it stops the server.
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
    void aServerAnswers503WithRetryAfterAndIsNotReadyWhileTheDatabaseIsDownThenRecovers(@TempDir Path home)
            throws Exception {
        PostgresCluster.Database db = CLUSTER.createDatabase();
        RecordingHandlers recording = new RecordingHandlers();
        try (TestServer server = TestServer.start(home, "server: { host: 127.0.0.1, port: 0 }\n"
                + PostgresServersTest.storeSection(home, db, "served") + TestServer.LEAST_TO_REC, recording)) {
            assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 1)).statusCode());
            assertEquals(200, ready(server).statusCode());

            CLUSTER.stop();
            HttpResponse<String> refused = server.post("/hooks/least", LeastFixtures.recordCreated("least", 2));
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
            HttpResponse<String> notReady = ready(server);
            assertEquals(503, notReady.statusCode());
            assertTrue(notReady.body().contains("store"), notReady.body());
            assertFalse(notReady.body().contains(db.password()), notReady.body());

            CLUSTER.start();
            Delivery again = LeastFixtures.recordCreated("least", 2);
            Eventually.await(Duration.ofSeconds(60), () -> server.post("/hooks/least", again).statusCode() == 200,
                    () -> "the server did not accept deliveries again after the database came back");
            assertEquals(200, ready(server).statusCode());
            String key = LeastFixtures.keyOf(again.body());
            Eventually.await(() -> recording.callsWithKey("rec", key) >= 1, () -> "not handled after recovery");
        }
    }

    private static HttpResponse<String> ready(TestServer server) {
        return TestServer.send(HttpRequest.newBuilder(server.managementUri("/health/ready")));
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
