package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreFaults;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.SettableClock;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler run whose outcome the store cannot record (every write refused by SQLite, as on a read-only file) is not
 * run again: its outcome is kept and recorded, as one attempt, once the store takes writes again. Before, such runs
 * were offered again after a few seconds and the handler ran every few seconds for as long as the store failed.
 * The clock is the dispatcher's, moved on by an hour while the store refuses writes: far past any wait before a
 * run could be offered again.
 */
class UnrecordedOutcomeTest {

    @TempDir
    Path home;

    @Test
    void aRunWhoseOutcomeCannotBeRecordedIsNotRunAgainAndItsOutcomeIsRecordedOnceTheStoreTakesWrites()
            throws Exception {
        SettableClock clock = new SettableClock(Instant.now());
        CountDownLatch letGo = new CountDownLatch(1);
        RecordingHandlers recording = new RecordingHandlers().script("rec", call -> {
            try {
                letGo.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
        try (LogCapture logs = LogCapture.capture();
             TestServer server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC,
                     recording, clock)) {
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Delivery d = LeastFixtures.recordCreated("least", i);
                deliveries.add(d);
                assertEquals("accepted\n", server.post("/hooks/least", d).body());
            }
            Eventually.await(() -> recording.events("rec").size() == 3, () -> "calls " + recording.calls());

            StoreFaults.refuseWrites(server.store());
            letGo.countDown();
            Eventually.await(() -> logs.text().contains("Could not record"),
                    () -> "no outcome failed to be recorded: " + logs.text());
            clock.advance(Duration.ofHours(1));
            StoreFaults.allowWrites(server.store());

            for (long id = 1; id <= 3; id++) {
                long delivery = id;
                Eventually.await(Duration.ofSeconds(30), () -> server.status(delivery) == DeliveryStatus.DONE,
                        () -> "delivery " + delivery + " is " + server.status(delivery));
            }
            for (Delivery d : deliveries) {
                assertEquals(1, recording.callsWithKey("rec", d.bodySha256()), "handled once: " + d.bodySha256());
            }
            for (long id = 1; id <= 3; id++) {
                assertEquals(List.of(new RunView("rec", RunStatus.DONE, 1, null)), server.runs(id),
                        "one attempt, recorded");
            }
        }
    }
}
