package dev.hookyard.server.store;

import dev.hookyard.spi.CredentialHeaders;
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

    private static final String SUMMARY_COLUMNS = QueryRows.summaryColumns(
            "(SELECT group_concat(r.handler || '=' || r.status, ',') FROM handler_runs r WHERE r.delivery_id = d.id)",
            "length(d.body)");
    /** Route globs as SQLite GLOB patterns, where {@code [} would start a class. */
    private static final QueryRows.GlobMatch GLOBS = new QueryRows.GlobMatch() {
        @Override
        public String condition(String column) {
            return column + " GLOB ?";
        }

        @Override
        public String argument(String glob) {
            return glob.replace("[", "[[]");
        }
    };

    private final Path file;
    private final Connection connection;
    private final StoredHeaders storedHeaders;

    private SqliteDeliveryQueries(Path file, Connection connection, CredentialHeaders credentials) {
        this.file = file;
        this.connection = connection;
        this.storedHeaders = new StoredHeaders(credentials);
    }

    /**
     * Opens the store in {@code directory} (the configured {@code store.path}); it must exist. Headers are shown
     * masked by {@code credentials}, also those of a store that the server has not yet rewritten under this rule.
     */
    public static SqliteDeliveryQueries open(Path directory, CredentialHeaders credentials)
            throws StoreUnavailableException {
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
            return new SqliteDeliveryQueries(file, connection, credentials);
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
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM deliveries d WHERE "
                + QueryRows.where(filter, arguments, GLOBS)
                + QueryRows.order(filter) + " LIMIT ?";
        arguments.add(filter.limit() + 1);
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            QueryRows.bind(q, arguments);
            List<DeliverySummary> page = new ArrayList<>();
            boolean more = false;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (page.size() == filter.limit()) {
                        more = true;
                        break;
                    }
                    page.add(QueryRows.summary(rs));
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
        String sql = "SELECT count(*) FROM deliveries d WHERE " + QueryRows.where(filter, arguments, GLOBS);
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            QueryRows.bind(q, arguments);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw unavailable("count deliveries", e);
        }
    }

    @Override
    public synchronized RunTotals runTotals() throws StoreUnavailableException {
        try {
            return QueryRows.runTotals(connection);
        } catch (SQLException e) {
            throw unavailable("count handler runs", e);
        }
    }

    @Override
    public synchronized Optional<DeliveryDetail> show(long id) throws StoreUnavailableException {
        try {
            return QueryRows.detail(connection, id, storedHeaders);
        } catch (SQLException e) {
            throw unavailable("read delivery " + id, e);
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
                replayed.addAll(QueryRows.replay(delivery, run, handlersById, now));
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
        String matching = "received_at < ? AND status IN (" + QueryRows.placeholders(statuses.size()) + ")";
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
    public String location() {
        return file.toString();
    }

    // ---- SQL helpers -----------------------------------------------------------------------------------------

    private static void bindPurge(PreparedStatement statement, Instant cutoff, Set<DeliveryStatus> statuses)
            throws SQLException {
        statement.setLong(1, cutoff.toEpochMilli());
        int i = 2;
        for (DeliveryStatus status : statuses) {
            statement.setString(i++, status.code());
        }
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
