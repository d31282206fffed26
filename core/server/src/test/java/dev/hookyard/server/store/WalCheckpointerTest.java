package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Headers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints happen off the commit path, and still keep the write-ahead log bounded under a writer that never
 * pauses: a passive checkpoint alone rarely lets the log start over, the restart checkpoint does.
 */
class WalCheckpointerTest {

    private static final int BODY_BYTES = 2_000;
    private static final long RESTART_PAGES = 64; // 256 KiB of log

    @TempDir
    Path dir;

    @Test
    void theLogStaysNearItsRestartSizeWhileEveryDeliveryIsKept() throws Exception {
        int batches = 60;
        int perBatch = 50; // 6 MB of bodies in all: some 24 times the log's restart size
        long largestLog = 0;
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, Clock.systemUTC(), CommitPolicy.GROUP,
                CommitObserver.NONE, 5, RESTART_PAGES, CredentialHeaders.DEFAULT)) {
            for (int b = 0; b < batches; b++) {
                List<NewDelivery> batch = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    batch.add(delivery("key-" + b + "-" + i));
                }
                store.appendBatchForBenchmark(batch);
                largestLog = Math.max(largestLog, walBytes());
            }
        }
        // A restart waits for the write lock, which this writer (appending as fast as it can, with no network in
        // between) takes back at once a few times over; the log may overshoot by that much. Without the restart it
        // holds everything written: over 7 MB.
        long bound = RESTART_PAGES * 4096 * 8 + (long) perBatch * BODY_BYTES * 4;
        assertTrue(largestLog < bound, "log grew to " + largestLog + " bytes, bound " + bound);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hookyard.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT delivery_key) FROM deliveries")) {
            rs.next();
            assertEquals(batches * perBatch, rs.getInt(1));
            assertEquals(batches * perBatch, rs.getInt(2));
        }
    }

    @Test
    void aRoundCopiesWhatIsCommittedSoTheLogCanStartOver() throws Exception {
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, Clock.systemUTC(), CommitPolicy.GROUP,
                CommitObserver.NONE, 3_600_000, RESTART_PAGES, CredentialHeaders.DEFAULT)) {
            List<NewDelivery> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(delivery("key-" + i));
            }
            store.appendBatchForBenchmark(batch);
            long before = walBytes();
            // The periodic round is an hour away: nothing has copied the log yet, and it holds the whole batch.
            assertTrue(before > 20L * BODY_BYTES, "log of " + before + " bytes");
            store.appendBatchForBenchmark(List.of(delivery("after")));
            assertTrue(walBytes() > before, "the log is appended to until a checkpoint");
        }
    }

    private long walBytes() throws Exception {
        Path wal = dir.resolve("hookyard.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static NewDelivery delivery(String key) {
        byte[] body = new byte[BODY_BYTES];
        Arrays.fill(body, (byte) 'x');
        return new NewDelivery("least", "least", "record.created", key, Headers.empty(), body,
                Instant.parse("2025-01-01T00:00:00Z"), List.of("archive"));
    }
}
