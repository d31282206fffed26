package dev.hookyard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * store.maxBacklog: while handlers owe that many runs, new deliveries get 503 with Retry-After (nothing is stored);
 * once the dispatcher has worked the backlog down, deliveries are accepted again without a restart.
 */
class BacklogBoundHttpTest {

    private static final String CONFIG = """
            server: { host: 127.0.0.1, port: 0 }
            store: { path: data, maxBacklog: 3 }
            """ + TestServer.LEAST_TO_REC;

    @TempDir
    Path home;

    @Test
    void atTheBoundDeliveriesAre503UntilHandlersCatchUp() throws Exception {
        CountDownLatch handlersMayFinish = new CountDownLatch(1);
        RecordingHandlers recording = new RecordingHandlers().script("rec", call -> {
            try {
                // A handler stuck on a slow downstream: its runs stay pending until it is let go.
                handlersMayFinish.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
        try (TestServer server = TestServer.start(home, CONFIG, recording)) {
            try {
                List<Delivery> accepted = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Delivery d = LeastFixtures.recordCreated("least", i);
                    accepted.add(d);
                    assertEquals("accepted\n", server.post("/hooks/least", d).body());
                }
                assertEquals(3, server.store().backlog());

                Delivery over = LeastFixtures.recordCreated("least", 99);
                HttpResponse<String> refused = server.post("/hooks/least", over);
                assertEquals(503, refused.statusCode());
                assertEquals("30", refused.headers().firstValue("Retry-After").orElse(null));
                assertEquals("unavailable, retry later\n", refused.body());
                assertEquals(3, server.deliveryCount(), "the refused delivery was not stored");
                assertEquals(503, server.post("/hooks/least", over).statusCode(), "still refused");

                handlersMayFinish.countDown();
                Eventually.await(() -> server.post("/hooks/least", over).statusCode() == 200,
                        () -> "still refused with a backlog of " + server.store().backlog());
                Eventually.await(() -> recording.callsWithKey("rec", over.bodySha256()) == 1,
                        () -> "the delivery accepted after the backlog cleared was not handled");
                for (Delivery d : accepted) {
                    assertEquals(1, recording.callsWithKey("rec", d.bodySha256()));
                }
                Eventually.await(() -> server.store().backlog() == 0, () -> "backlog " + server.store().backlog());
            } finally {
                handlersMayFinish.countDown();
            }
        }
    }
}
