package dev.hookyard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the store cannot commit, the sender gets 503 with Retry-After and nothing is accepted, so its retry is a new
 * delivery rather than a duplicate. Another process holding SQLite's write lock makes the store genuinely unable to
 * write (after its 5 s busy timeout, which is what this test costs).
 */
class StoreUnavailableHttpTest {

    @TempDir
    Path home;

    @Test
    void aDeliveryThatCannotBeStoredIs503WithRetryAfterAndItsRetryIsAccepted() throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        String yaml = TestServer.serverSection() + TestServer.LEAST_TO_REC;
        try (TestServer server = TestServer.start(home, yaml, recording)) {
            Delivery delivery = LeastFixtures.recordCreated("least", 503);
            Path db = home.resolve("data").resolve(SqliteDeliveryStore.FILE_NAME);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                HttpResponse<String> refused = server.post("/hooks/least", delivery);
                s.execute("ROLLBACK");

                assertEquals(503, refused.statusCode());
                assertEquals("30", refused.headers().firstValue("Retry-After").orElse(null));
                assertEquals("unavailable, retry later\n", refused.body());
            }
            assertEquals(0, server.deliveryCount());

            HttpResponse<String> retried = server.post("/hooks/least", delivery);
            assertEquals(200, retried.statusCode());
            assertEquals("accepted\n", retried.body());
            Eventually.await(() -> recording.callsWithKey("rec", delivery.bodySha256()) == 1,
                    () -> "the retried delivery was not handled: " + recording.calls());
        }
    }
}
