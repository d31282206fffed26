package dev.hookyard.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a committed delivery survives
 * a power cut, not just a process crash.
 *
 * <p>SQLite allows one writer at a time, so writes go through one connection under a lock; reads use a second
 * connection, which WAL lets run beside the writer.
 */
public final class SqliteDeliveryStore implements DeliveryStore {

    /** File name inside the store directory. */
    public static final String FILE_NAME = "hookyard.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDeliveryStore.class);
    private static final int SCHEMA_VERSION = 1;

    private static final String DELIVERY_COLUMNS =
            "d.id, d.endpoint, d.vendor, d.event_type, d.delivery_key, d.headers, d.body, d.received_at, d.status";

    private final Path file;
    private final Clock clock;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();

    private SqliteDeliveryStore(Path file, Clock clock, Connection writer, Connection reader) {
        this.file = file;
        this.clock = clock;
        this.writer = writer;
        this.reader = reader;
    }

    /** Opens (creating if needed) the store in {@code directory}. */
    public static SqliteDeliveryStore open(Path directory, Clock clock) throws StoreUnavailableException {
        Path file = directory.resolve(FILE_NAME);
        Connection writer = null;
        try {
            Files.createDirectories(directory);
            writer = connect(file);
            migrate(writer);
            Connection reader = connect(file);
            LOG.info("Store open at {}", file);
            return new SqliteDeliveryStore(file, clock, writer, reader);
        } catch (IOException | SQLException e) {
            closeQuietly(writer);
            throw new StoreUnavailableException("cannot open the store at " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    private static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new SQLException("store schema version " + version + " is newer than this Hookyard ("
                    + SCHEMA_VERSION + "); upgrade Hookyard");
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE deliveries (
                      id INTEGER PRIMARY KEY,
                      endpoint TEXT NOT NULL,
                      vendor TEXT NOT NULL,
                      event_type TEXT NOT NULL,
                      delivery_key TEXT NOT NULL,
                      headers TEXT NOT NULL,
                      body BLOB NOT NULL,
                      received_at INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      UNIQUE (endpoint, delivery_key))""");
            s.execute("""
                    CREATE TABLE handler_runs (
                      delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
                      handler TEXT NOT NULL,
                      status TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      next_due INTEGER NOT NULL,
                      last_error TEXT,
                      updated_at INTEGER NOT NULL,
                      PRIMARY KEY (delivery_id, handler))""");
            s.execute("CREATE INDEX handler_runs_due ON handler_runs (status, next_due)");
            s.execute("CREATE INDEX deliveries_received ON deliveries (received_at)");
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public AppendResult append(NewDelivery d) throws StoreUnavailableException {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement insert = writer.prepareStatement("""
                        INSERT INTO deliveries (endpoint, vendor, event_type, delivery_key, headers, body, received_at,
                          status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (endpoint, delivery_key) DO NOTHING""", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, d.endpoint());
                    insert.setString(2, d.vendor());
                    insert.setString(3, d.eventType());
                    insert.setString(4, d.deliveryKey());
                    insert.setString(5, StoredHeaders.encode(d.headers()));
                    insert.setBytes(6, d.body());
                    insert.setLong(7, d.receivedAt().toEpochMilli());
                    DeliveryStatus status = d.handlers().isEmpty() ? DeliveryStatus.UNROUTED : DeliveryStatus.PENDING;
                    insert.setString(8, status.code());
                    if (insert.executeUpdate() == 0) {
                        writer.rollback();
                        return new AppendResult.Duplicate(existingId(d.endpoint(), d.deliveryKey()));
                    }
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                if (!d.handlers().isEmpty()) {
                    try (PreparedStatement runs = writer.prepareStatement("""
                            INSERT INTO handler_runs (delivery_id, handler, status, attempts, next_due, updated_at)
                            VALUES (?, ?, 'pending', 0, ?, ?)""")) {
                        long now = d.receivedAt().toEpochMilli();
                        for (String handler : d.handlers()) {
                            runs.setLong(1, id);
                            runs.setString(2, handler);
                            runs.setLong(3, now);
                            runs.setLong(4, now);
                            runs.addBatch();
                        }
                        runs.executeBatch();
                    }
                }
                writer.commit();
                return new AppendResult.Stored(id);
            } catch (SQLException e) {
                rollbackQuietly();
                throw unavailable("append", e);
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable("append", e);
        } finally {
            writeLock.unlock();
        }
    }

    private long existingId(String endpoint, String key) throws SQLException {
        try (PreparedStatement q = writer.prepareStatement(
                "SELECT id FROM deliveries WHERE endpoint = ? AND delivery_key = ?")) {
            q.setString(1, endpoint);
            q.setString(2, key);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("conflicting delivery vanished");
                }
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<DueRun> due(Instant now, int limit) throws StoreUnavailableException {
        return dueRuns(now, null, limit);
    }

    @Override
    public List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException {
        return dueRuns(now, handler, limit);
    }

    private List<DueRun> dueRuns(Instant now, String handler, int limit) throws StoreUnavailableException {
        readLock.lock();
        try (PreparedStatement q = reader.prepareStatement("SELECT r.handler, r.attempts, " + DELIVERY_COLUMNS
                + " FROM handler_runs r JOIN deliveries d ON d.id = r.delivery_id"
                + " WHERE r.status = 'pending' AND r.next_due <= ?" + (handler == null ? "" : " AND r.handler = ?")
                + " ORDER BY r.next_due, r.delivery_id LIMIT ?")) {
            int index = 1;
            q.setLong(index++, now.toEpochMilli());
            if (handler != null) {
                q.setString(index++, handler);
            }
            q.setInt(index, limit);
            List<DueRun> result = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(new DueRun(delivery(rs, 3), rs.getString(1), rs.getInt(2)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw unavailable("read due runs", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public Optional<Instant> nextDue() throws StoreUnavailableException {
        readLock.lock();
        try (Statement s = reader.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(next_due) FROM handler_runs WHERE status = 'pending'")) {
            if (rs.next()) {
                long value = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw unavailable("read next due time", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void record(long deliveryId, String handler, RunResult result) throws StoreUnavailableException {
        long now = clock.millis();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                try (PreparedStatement update = writer.prepareStatement("""
                        UPDATE handler_runs SET status = ?, attempts = attempts + 1, next_due = ?, last_error = ?,
                          updated_at = ? WHERE delivery_id = ? AND handler = ?""")) {
                    if (result instanceof RunResult.RetryAt retry) {
                        set(update, RunStatus.PENDING, retry.nextDue().toEpochMilli(), retry.error());
                    } else if (result instanceof RunResult.Dead dead) {
                        set(update, RunStatus.DEAD, now, dead.error());
                    } else if (result instanceof RunResult.Dropped dropped) {
                        set(update, RunStatus.DROPPED, now, dropped.reason());
                    } else {
                        set(update, RunStatus.DONE, now, null);
                    }
                    update.setLong(4, now);
                    update.setLong(5, deliveryId);
                    update.setString(6, handler);
                    update.executeUpdate();
                }
                try (PreparedStatement status = writer.prepareStatement("""
                        UPDATE deliveries SET status = CASE
                          WHEN EXISTS (SELECT 1 FROM handler_runs WHERE delivery_id = ?1 AND status = 'pending')
                            THEN 'pending'
                          WHEN EXISTS (SELECT 1 FROM handler_runs WHERE delivery_id = ?1
                                       AND status IN ('dead', 'dropped')) THEN 'failed'
                          ELSE 'done' END
                        WHERE id = ?1""")) {
                    status.setLong(1, deliveryId);
                    status.executeUpdate();
                }
                writer.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw unavailable("record a handler outcome", e);
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable("record a handler outcome", e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void set(PreparedStatement update, RunStatus status, long nextDue, String error)
            throws SQLException {
        update.setString(1, status.code());
        update.setLong(2, nextDue);
        update.setString(3, error == null ? null : truncate(error));
    }

    private static String truncate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 2000) + "...";
    }

    @Override
    public Optional<StoredDelivery> find(long id) throws StoreUnavailableException {
        readLock.lock();
        try (PreparedStatement q = reader.prepareStatement(
                "SELECT " + DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read a delivery", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public List<RunView> runs(long deliveryId) throws StoreUnavailableException {
        readLock.lock();
        try (PreparedStatement q = reader.prepareStatement(
                "SELECT handler, status, attempts, last_error FROM handler_runs WHERE delivery_id = ? ORDER BY handler")) {
            q.setLong(1, deliveryId);
            List<RunView> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    runs.add(new RunView(rs.getString(1), RunStatus.fromCode(rs.getString(2)), rs.getInt(3),
                            rs.getString(4)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw unavailable("read handler runs", e);
        } finally {
            readLock.unlock();
        }
    }

    private static StoredDelivery delivery(ResultSet rs, int first) throws SQLException {
        return new StoredDelivery(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), StoredHeaders.decode(rs.getString(first + 5)),
                rs.getBytes(first + 6), Instant.ofEpochMilli(rs.getLong(first + 7)),
                DeliveryStatus.fromCode(rs.getString(first + 8)));
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed in {}: {}", file, e.getMessage());
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException("store " + file + " could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            closeQuietly(reader);
            closeQuietly(writer);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the store failed: {}", e.getMessage());
        }
    }
}
