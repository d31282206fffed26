package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreSchema;
import dev.hookyard.server.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an embedded (SQLite) store into a PostgreSQL store: every delivery with its handler runs (status, attempts,
 * next due time, last error), in batches of {@link #BATCH} deliveries, each batch one transaction of the target.
 *
 * <p>Idempotent: a delivery whose endpoint and key the target holds already is skipped, whatever its state there,
 * so a copy that stopped half-way is simply run again. The copied deliveries get new ids (the target may hold
 * deliveries of its own); their runs are claimed by no node, so whichever node runs first takes the pending ones.
 *
 * <p>The source is read under SQLite's exclusive lock, taken without waiting: while a node (or a command) has the
 * file open, the copy refuses to start; while the copy runs, no node can open the file. What is copied is therefore
 * the store exactly as its last node left it.
 */
public final class EmbeddedStoreCopy {

    static final int BATCH = 200;

    private EmbeddedStoreCopy() {
    }

    /** Copies the store in {@code sourceDirectory} into the store {@code target} (created or migrated if needed). */
    public static CopyResult copy(Path sourceDirectory, PostgresSettings target) throws StoreUnavailableException {
        Path file = sourceDirectory.resolve(SqliteDeliveryStore.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new CopyResult.Refused("no embedded store at " + file);
        }
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            CopyResult.Refused locked = lockExclusively(source, file);
            if (locked != null) {
                return locked;
            }
            int version = userVersion(source);
            if (version != StoreSchema.VERSION) {
                return new CopyResult.Refused(file + " is at version " + version + ", this Hookyard's is "
                        + StoreSchema.VERSION + ": start a node of this Hookyard on it once (it upgrades it), stop"
                        + " it, and copy again");
            }
            try (PostgresDatabase database = PostgresDatabase.open(target, true)) {
                return copyAll(source, database);
            } finally {
                try (Statement s = source.createStatement()) {
                    s.execute("ROLLBACK"); // nothing was written to the source
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot copy " + file + " to " + target.location() + ": "
                    + PostgresDatabase.rootMessage(e), e);
        }
    }

    /** Takes the source's exclusive lock, or says who holds it; null once held. */
    private static CopyResult.Refused lockExclusively(Connection source, Path file) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("PRAGMA busy_timeout=0");
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
        }
        try (Statement s = source.createStatement()) {
            // Fails at once if any other connection, of this process or another, has the file open; once taken,
            // the lock is kept (exclusive locking mode) until this connection closes.
            s.execute("BEGIN EXCLUSIVE");
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("locked")) {
                return new CopyResult.Refused(file + " is open in another process (a Hookyard node or command):"
                        + " stop every node that uses it, then copy");
            }
            throw e;
        }
        return null;
    }

    private static int userVersion(Connection source) throws SQLException {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static CopyResult.Copied copyAll(Connection source, PostgresDatabase target) throws SQLException {
        long copied = 0;
        long skipped = 0;
        long runs = 0;
        long pending = 0;
        long after = 0;
        while (true) {
            List<SourceDelivery> batch = readBatch(source, after);
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
            BatchCounts counts = target.inTransaction(c -> writeBatch(c, batch, target.channel()));
            copied += counts.copied();
            skipped += batch.size() - counts.copied();
            runs += counts.runs();
            pending += counts.pendingRuns();
        }
        return new CopyResult.Copied(copied, skipped, runs, pending);
    }

    /** One delivery of the source as stored, with its runs. */
    private record SourceDelivery(long id, String endpoint, String vendor, String eventType, String key,
                                  String headers, byte[] body, long receivedAt, String status,
                                  List<SourceRun> runs) {
    }

    private record SourceRun(String handler, String status, int attempts, long nextDue, String lastError,
                             long updatedAt) {
    }

    private record BatchCounts(long copied, long runs, long pendingRuns) {
    }

    private static List<SourceDelivery> readBatch(Connection source, long after) throws SQLException {
        List<SourceDelivery> batch = new ArrayList<>();
        try (PreparedStatement q = source.prepareStatement("SELECT id, endpoint, vendor, event_type, delivery_key,"
                + " headers, body, received_at, status FROM deliveries WHERE id > ? ORDER BY id LIMIT ?")) {
            q.setLong(1, after);
            q.setInt(2, BATCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    batch.add(new SourceDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getLong(8), rs.getString(9),
                            new ArrayList<>()));
                }
            }
        }
        try (PreparedStatement q = source.prepareStatement("SELECT handler, status, attempts, next_due, last_error,"
                + " updated_at FROM handler_runs WHERE delivery_id = ? ORDER BY handler")) {
            for (SourceDelivery delivery : batch) {
                q.setLong(1, delivery.id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        delivery.runs().add(new SourceRun(rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getLong(4), rs.getString(5), rs.getLong(6)));
                    }
                }
            }
        }
        return batch;
    }

    private static BatchCounts writeBatch(Connection c, List<SourceDelivery> batch, String channel)
            throws SQLException {
        long copied = 0;
        long runs = 0;
        long pending = 0;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO deliveries (endpoint, vendor, event_type, delivery_key, headers, body, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (endpoint, delivery_key) DO NOTHING RETURNING id""");
             PreparedStatement run = c.prepareStatement("INSERT INTO handler_runs (delivery_id, handler, status,"
                     + " attempts, next_due, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SourceDelivery d : batch) {
                insert.setString(1, d.endpoint());
                insert.setString(2, d.vendor());
                insert.setString(3, d.eventType());
                insert.setString(4, d.key());
                insert.setString(5, d.headers());
                insert.setBytes(6, d.body());
                insert.setLong(7, d.receivedAt());
                insert.setString(8, d.status());
                Long id = null;
                try (ResultSet rs = insert.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
                if (id == null) {
                    continue; // the target has it already
                }
                copied++;
                for (SourceRun r : d.runs()) {
                    run.setLong(1, id);
                    run.setString(2, r.handler());
                    run.setString(3, r.status());
                    run.setInt(4, r.attempts());
                    run.setLong(5, r.nextDue());
                    run.setString(6, r.lastError());
                    run.setLong(7, r.updatedAt());
                    run.addBatch();
                    runs++;
                    if (RunStatus.PENDING.code().equals(r.status())) {
                        pending++;
                    }
                }
            }
            if (runs > 0) {
                run.executeBatch();
            }
        }
        if (pending > 0) {
            WakeUps.announce(c, channel); // delivered at the commit: running nodes take the work at once
        }
        return new BatchCounts(copied, runs, pending);
    }
}
