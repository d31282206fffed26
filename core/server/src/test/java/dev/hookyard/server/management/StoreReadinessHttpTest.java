package dev.hookyard.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.store.StoreFaults;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health/ready follows whether the store can commit, so that a load balancer takes a node whose deliveries get 503
 * out of rotation, and puts it back once the node can store them again. The disk fills for real: the database file
 * is capped at its size (SQLite's max_page_count), so every commit that needs space fails with SQLITE_FULL.
 */
class StoreReadinessHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** A delivery of a few KiB: more than any page has room for. */
    private static Delivery big(long recordId) {
        return LeastFixtures.signed("least").body("{\"event\":\"record.created\",\"record_id\":" + recordId
                + ",\"data\":{\"notes\":\"" + "n".repeat(6000) + "\"}}");
    }

    private static HttpResponse<String> ready(TestServer server) {
        return TestServer.send(HttpRequest.newBuilder(server.managementUri("/health/ready")).GET());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void notReadyWhileTheDiskIsFullAndReadyAgainOnceThereIsSpaceWithoutADeliveryToTellIt() throws Exception {
        try (TestServer server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC,
                new RecordingHandlers())) {
            assertEquals("accepted\n", server.post("/hooks/least", big(1)).body());
            assertEquals(200, ready(server).statusCode(), ready(server).body());

            StoreFaults.fillDisk(server.store());
            assertEquals(503, server.post("/hooks/least", big(2)).statusCode(), "the delivery cannot be stored");

            HttpResponse<String> notReady = ready(server);
            assertEquals(503, notReady.statusCode(), notReady.body());
            JsonNode body = json(notReady);
            assertEquals("not ready", body.get("status").asText());
            String store = body.get("checks").get("store").asText();
            assertTrue(store.startsWith("failed: cannot commit since "), store);
            assertTrue(store.contains("SQLITE_FULL"), store);
            assertEquals("ok", body.get("checks").get("listener").asText());

            // A load balancer sends the node nothing now: the store must find out by itself that it can commit.
            StoreFaults.freeDisk(server.store());
            Eventually.await(Duration.ofSeconds(20), () -> ready(server).statusCode() == 200,
                    () -> "still not ready once there is space: " + ready(server).body());
            assertEquals("ok", json(ready(server)).get("checks").get("store").asText());
            assertEquals("accepted\n", server.post("/hooks/least", big(2)).body());
        }
    }
}
