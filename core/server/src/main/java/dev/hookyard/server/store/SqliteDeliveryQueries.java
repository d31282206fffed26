package dev.hookyard.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operator's view of the embedded store. It opens its own connection to the
 * store's SQLite file rather than going through {@link DeliveryStore}, for three reasons: the {@code hookyard}
 * commands must work on the file of a running server from another process, which is only correct if every
 * operation is correct across connections; the running server then uses the very same code (so the CLI and the
 * management API cannot drift apart); and the intake/dispatch interface stays small and tuned for its hot path.
 * WAL lets these reads run beside the server's writer; writes (replay, purge) are short {@code BEGIN IMMEDIATE}
 * transactions that wait for the writer through SQLite's busy timeout.
 *
 * <p>It never creates or migrates a store: opening a directory without one is an error.
 */
public final class SqliteDeliveryQueries implements DeliveryQueries {

    /** Deliveries purged per transaction, so a large purge never holds the write lock for long. */
    private static final int PURGE_BATCH = 500;

    private static final String SUMMARY_COLUMNS = "d.id, d.endpoint, d.vendor, d.event_type, d.delivery_key,"
            + " d.received_at, d.status, length(d.body),"
            + " (SELECT group_concat(r.handler || '=' || r.status, ',') FROM handler_runs r WHERE r.delivery_id = d.id)";

    private final Path file;
    private final Connection connection;

    private SqliteDeliveryQueries(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the store in {@code directory} (the configured {@code store.path}); it must exist. */
    public static SqliteDeliveryQueries open(Path directory) throws StoreUnavailableException {
        Path file = directory.resolve(SqliteDeliveryStore.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StoreUnavailableException("no store at " + file + " (has Hookyard run with this"
                    + " configuration? store.path points to " + directory + ")", null);
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
                s.executeQuery("SELECT 1 FROM deliveries JOIN handler_runs LIMIT 0").close();
            }
            return new SqliteDeliveryQueries(file, connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the open failed already
                }
            }
            throw new StoreUnavailableException("cannot open the store at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized DeliveryPage list(DeliveryFilter filter) throws StoreUnavailableException {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM deliveries d WHERE " + where(filter, arguments)
                + " ORDER BY d.id LIMIT ?";
        arguments.add(filter.limit() + 1);
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            bind(q, arguments);
            List<DeliverySummary> page = new ArrayList<>();
            boolean more = false;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (page.size() == filter.limit()) {
                        more = true;
                        break;
                    }
                    page.add(summary(rs));
                }
            }
            Optional<Long> next = more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty();
            return new DeliveryPage(page, next);
        } catch (SQLException e) {
            throw unavailable("list deliveries", e);
        }
    }

    @Override
    public synchronized long count(DeliveryFilter filter) throws StoreUnavailableException {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT count(*) FROM deliveries d WHERE " + where(filter, arguments);
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            bind(q, arguments);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw unavailable("count deliveries", e);
        }
    }

    @Override
    public synchronized Optional<DeliveryDetail> show(long id) throws StoreUnavailableException {
        try (PreparedStatement q = connection.prepareStatement("SELECT d.id, d.endpoint, d.vendor, d.event_type,"
                + " d.delivery_key, d.headers, d.body, d.received_at, d.status FROM deliveries d WHERE d.id = ?")) {
            q.setLong(1, id);
            StoredDelivery delivery;
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                delivery = new StoredDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), StoredHeaders.decode(rs.getString(6)), rs.getBytes(7),
                        Instant.ofEpochMilli(rs.getLong(8)), DeliveryStatus.fromCode(rs.getString(9)));
            }
            return Optional.of(new DeliveryDetail(delivery, runs(id)));
        } catch (SQLException e) {
            throw unavailable("read delivery " + id, e);
        }
    }

    private List<RunDetail> runs(long id) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT handler, status, attempts, last_error,"
                + " next_due, updated_at FROM handler_runs WHERE delivery_id = ? ORDER BY handler")) {
            q.setLong(1, id);
            List<RunDetail> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    RunStatus status = RunStatus.fromCode(rs.getString(2));
                    runs.add(new RunDetail(rs.getString(1), status, rs.getInt(3), rs.getString(4),
                            status == RunStatus.PENDING ? Instant.ofEpochMilli(rs.getLong(5)) : null,
                            Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
            return runs;
        }
    }

    @Override
    public synchronized List<Long> replay(Map<Long, List<String>> handlersById, Instant now)
            throws StoreUnavailableException {
        List<Long> replayed = new ArrayList<>();
        try {
            begin();
            try (PreparedStatement delivery = connection.prepareStatement(
                    "UPDATE deliveries SET status = 'pending' WHERE id = ?");
                 PreparedStatement run = connection.prepareStatement("""
                         INSERT INTO handler_runs (delivery_id, handler, status, attempts, next_due, last_error,
                           updated_at) VALUES (?, ?, 'pending', 0, ?, NULL, ?)
                         ON CONFLICT (delivery_id, handler) DO UPDATE SET status = 'pending', attempts = 0,
                           next_due = excluded.next_due, last_error = NULL, updated_at = excluded.updated_at""")) {
                for (Map.Entry<Long, List<String>> entry : handlersById.entrySet()) {
                    if (entry.getValue().isEmpty()) {
                        continue;
                    }
                    delivery.setLong(1, entry.getKey());
                    if (delivery.executeUpdate() == 0) {
                        continue;
                    }
                    for (String handler : entry.getValue()) {
                        run.setLong(1, entry.getKey());
                        run.setString(2, handler);
                        run.setLong(3, now.toEpochMilli());
                        run.setLong(4, now.toEpochMilli());
                        run.executeUpdate();
                    }
                    replayed.add(entry.getKey());
                }
            }
            commit();
            return replayed;
        } catch (SQLException e) {
            rollbackQuietly();
            throw unavailable("replay deliveries", e);
        }
    }

    @Override
    public synchronized long purge(Instant cutoff, boolean includePending, boolean dryRun)
            throws StoreUnavailableException {
        Set<DeliveryStatus> statuses = EnumSet.of(DeliveryStatus.DONE, DeliveryStatus.FAILED,
                DeliveryStatus.UNROUTED);
        if (includePending) {
            statuses.add(DeliveryStatus.PENDING);
        }
        String matching = "received_at < ? AND status IN (" + placeholders(statuses.size()) + ")";
        try {
            if (dryRun) {
                try (PreparedStatement q = connection.prepareStatement(
                        "SELECT count(*) FROM deliveries WHERE " + matching)) {
                    bindPurge(q, cutoff, statuses);
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0;
                    }
                }
            }
            long deleted = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM deliveries WHERE id IN"
                    + " (SELECT id FROM deliveries WHERE " + matching + " LIMIT " + PURGE_BATCH + ")")) {
                while (true) {
                    bindPurge(delete, cutoff, statuses);
                    int batch = delete.executeUpdate();
                    deleted += batch;
                    if (batch < PURGE_BATCH) {
                        return deleted;
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable("purge deliveries", e);
        }
    }

    @Override
    public synchronized void checkWritable() throws StoreUnavailableException {
        try {
            begin();
            rollbackQuietly();
        } catch (SQLException e) {
            throw unavailable("start a write", e);
        }
    }

    @Override
    public String location() {
        return file.toString();
    }

    // ---- SQL helpers -----------------------------------------------------------------------------------------

    private static String where(DeliveryFilter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder("1 = 1");
        glob(where, arguments, "d.endpoint", filter.endpoint());
        glob(where, arguments, "d.vendor", filter.vendor());
        glob(where, arguments, "d.event_type", filter.type());
        if (!filter.statuses().isEmpty()) {
            where.append(" AND d.status IN (").append(placeholders(filter.statuses().size())).append(')');
            filter.statuses().stream().map(DeliveryStatus::code).sorted().forEach(arguments::add);
        }
        if (filter.since() != null) {
            where.append(" AND d.received_at >= ?");
            arguments.add(filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            where.append(" AND d.received_at < ?");
            arguments.add(filter.until().toEpochMilli());
        }
        if (filter.after() != null) {
            where.append(" AND d.id > ?");
            arguments.add(filter.after());
        }
        return where.toString();
    }

    /** Route globs ({@code *}, {@code ?}) as SQLite GLOB patterns, where {@code [} would start a class. */
    private static void glob(StringBuilder where, List<Object> arguments, String column, String glob) {
        if (glob == null || glob.isEmpty() || glob.equals("*")) {
            return;
        }
        where.append(" AND ").append(column).append(" GLOB ?");
        arguments.add(glob.replace("[", "[[]"));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            Object argument = arguments.get(i);
            if (argument instanceof String text) {
                statement.setString(i + 1, text);
            } else {
                statement.setLong(i + 1, ((Number) argument).longValue());
            }
        }
    }

    private static void bindPurge(PreparedStatement statement, Instant cutoff, Set<DeliveryStatus> statuses)
            throws SQLException {
        statement.setLong(1, cutoff.toEpochMilli());
        int i = 2;
        for (DeliveryStatus status : statuses) {
            statement.setString(i++, status.code());
        }
    }

    private static DeliverySummary summary(ResultSet rs) throws SQLException {
        Map<String, RunStatus> runs = new TreeMap<>();
        String concatenated = rs.getString(9);
        if (concatenated != null) {
            for (String pair : concatenated.split(",")) {
                int eq = pair.lastIndexOf('=');
                runs.put(pair.substring(0, eq), RunStatus.fromCode(pair.substring(eq + 1)));
            }
        }
        return new DeliverySummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), DeliveryStatus.fromCode(rs.getString(7)),
                rs.getInt(8), runs);
    }

    /**
     * {@code BEGIN IMMEDIATE}: takes the write lock up front (waiting through the busy timeout), so a transaction
     * that reads before it writes cannot fail on a snapshot another connection has moved past.
     */
    private void begin() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    private void commit() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("COMMIT");
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction open, or the connection is gone; nothing was committed either way
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException("store " + file + " could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to do
        }
    }
}
