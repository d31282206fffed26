package dev.hookyard.server.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.PostgresCluster;
import dev.hookyard.server.testing.PrometheusText;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole servers on one PostgreSQL schema, over real HTTP: what a sender and an operator see of several nodes.
 */
class PostgresServersTest {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final PostgresCluster.Database DB = CLUSTER.createDatabase();

    @TempDir
    Path home;

    private final String schema = TestSchemas.fresh();
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(TestServer::close);
    }

    /** The store section of a node on {@code database}; the password comes from a file, as an operator's would. */
    static String storeSection(Path home, PostgresCluster.Database database, String schema) throws Exception {
        Path password = Files.writeString(home.resolve("db-password"), database.password());
        return """
                store:
                  type: postgres
                  url: %s
                  user: %s
                  password: "${file:%s}"
                  poolSize: 4
                  schema: %s
                """.formatted(database.url(), database.user(), password, schema);
    }

    private TestServer node(String name, RecordingHandlers recording) throws Exception {
        Path nodeHome = home.resolve(name);
        Files.createDirectories(nodeHome);
        TestServer server = TestServer.start(nodeHome, "server: { host: 127.0.0.1, port: 0 }\n"
                + storeSection(nodeHome, DB, schema) + TestServer.LEAST_TO_REC, recording);
        servers.add(server);
        return server;
    }

    /**
     * The id of the one delivery stored with {@code key} (read in the database: ids have gaps here, where a
     * conflicting insert used one up, so they cannot be scanned from 1).
     */
    private long idOf(String key) {
        String ids = CLUSTER.psql(DB.name(), "SELECT id FROM " + schema + ".deliveries WHERE delivery_key = '" + key
                + "'");
        assertFalse(ids.isEmpty() || ids.contains("\n"), "exactly one delivery with key " + key + ": " + ids);
        return Long.parseLong(ids);
    }

    @Test
    void theSameDeliverySentToTwoNodesAtOnceIsAcceptedByBothStoredOnceAndHandled() throws Exception {
        RecordingHandlers onOne = new RecordingHandlers();
        RecordingHandlers onTwo = new RecordingHandlers();
        TestServer one = node("one", onOne);
        TestServer two = node("two", onTwo);
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deliveries.add(LeastFixtures.recordCreated("least", 1000 + i));
        }

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            answers.add(CompletableFuture.supplyAsync(() -> one.post("/hooks/least", delivery)));
            answers.add(CompletableFuture.supplyAsync(() -> two.post("/hooks/least", delivery)));
        }

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(200, answer.join().statusCode(), answer.join().body());
        }
        for (Delivery delivery : deliveries) {
            String key = LeastFixtures.keyOf(delivery.body());
            long id = idOf(key);
            Eventually.await(() -> one.status(id) == DeliveryStatus.DONE && two.status(id) == DeliveryStatus.DONE,
                    () -> "delivery " + id + " not handled: " + one.runs(id));
            assertTrue(onOne.callsWithKey("rec", key) + onTwo.callsWithKey("rec", key) >= 1);
        }
        assertEquals(String.valueOf(deliveries.size()),
                CLUSTER.psql(DB.name(), "SELECT count(*) FROM " + schema + ".deliveries"));
    }

    @Test
    void theTestServersLookupsFindDeliveriesStoredPastAnIdGap() throws Exception {
        TestServer one = node("one", new RecordingHandlers());
        Delivery first = LeastFixtures.recordCreated("least", 1);
        Delivery second = LeastFixtures.recordCreated("least", 2);
        assertEquals(200, one.post("/hooks/least", first).statusCode());
        assertEquals("duplicate", one.post("/hooks/least", first).body().strip()); // its insert used up an id
        assertEquals(200, one.post("/hooks/least", second).statusCode());
        long id = idOf(LeastFixtures.keyOf(second.body()));
        assertEquals("1", CLUSTER.psql(DB.name(), "SELECT count(*) FROM " + schema + ".deliveries WHERE id < " + id),
                "there is a gap before the second delivery");

        assertEquals(id, one.findByKey("least", LeastFixtures.keyOf(second.body())).orElseThrow().id());
        assertEquals(2, one.deliveryCount());
    }

    @Test
    void metricsShowTheConnectionPoolAndTheClaims() throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        TestServer one = node("one", recording);
        Delivery delivery = LeastFixtures.recordCreated("least", 9);
        assertEquals(200, one.post("/hooks/least", delivery).statusCode());
        Eventually.await(() -> recording.callsWithKey("rec", LeastFixtures.keyOf(delivery.body())) == 1,
                () -> "not handled");

        PrometheusText metrics = PrometheusText.parse(TestServer.send(HttpRequest.newBuilder(
                one.managementUri("/metrics"))).body());

        assertEquals(4, metrics.value("hikaricp_connections_max", "pool", "hookyard-db"), "store.poolSize");
        assertTrue(metrics.has("hikaricp_connections_active"), metrics.text());
        assertTrue(metrics.has("hookyard_claims"), metrics.text());
        assertFalse(metrics.text().contains(DB.password()), "no secret in the metrics");
    }

    @Test
    void aReplayThroughOneNodeIsHandledAgainAndTheOtherNodeShowsIt() throws Exception {
        RecordingHandlers onOne = new RecordingHandlers();
        RecordingHandlers onTwo = new RecordingHandlers();
        TestServer one = node("one", onOne);
        TestServer two = node("two", onTwo);
        Delivery delivery = LeastFixtures.recordCreated("least", 7);
        String key = LeastFixtures.keyOf(delivery.body());
        assertEquals(200, one.post("/hooks/least", delivery).statusCode());
        long id = idOf(key);
        Eventually.await(() -> onOne.callsWithKey("rec", key) + onTwo.callsWithKey("rec", key) == 1,
                () -> "not handled once");

        HttpResponse<String> replayed = TestServer.send(HttpRequest.newBuilder(
                two.managementUri("/deliveries/" + id + "/replay")).POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, replayed.statusCode(), replayed.body());
        Eventually.await(() -> onOne.callsWithKey("rec", key) + onTwo.callsWithKey("rec", key) == 2,
                () -> "the replay was not handled");
        HttpResponse<String> shown = TestServer.send(HttpRequest.newBuilder(one.managementUri("/deliveries/" + id)));
        assertEquals(200, shown.statusCode());
        assertFalse(shown.body().contains(DB.password()), "no secret in the API");
    }
}
