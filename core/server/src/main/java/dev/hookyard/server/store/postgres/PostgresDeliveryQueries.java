package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.StoredHeaders;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.server.store.DeliveryDetail;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryPage;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliverySummary;
import dev.hookyard.server.store.QueryRows;
import dev.hookyard.server.store.RunTotals;
import dev.hookyard.server.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's view of the shared store (see {@link DeliveryQueries}). A replay clears the claims of the runs it
 * makes pending and announces them on the wake-up channel, so that whichever node is alive runs them at once. A purge
 * runs under an advisory lock of the schema's, so that the nodes' daily retention passes never run at once (the later
 * ones find nothing left to delete).
 */
public final class PostgresDeliveryQueries implements DeliveryQueries {

    /** Deliveries purged per transaction, so that a large purge never holds its locks for long. */
    private static final int PURGE_BATCH = 500;
    /** First key of Hookyard's advisory locks (the second is the schema's hash): "hy". */
    private static final int LOCK_CLASS = 0x6879;

    private static final String SUMMARY_COLUMNS = QueryRows.summaryColumns("(SELECT string_agg(r.handler || '='"
            + " || r.status, ',' ORDER BY r.handler) FROM handler_runs r WHERE r.delivery_id = d.id)",
            "octet_length(d.body)");

    private final PostgresDatabase database;
    private final boolean ownsDatabase;
    private final StoredHeaders storedHeaders;

    PostgresDeliveryQueries(PostgresDatabase database, boolean ownsDatabase, StoredHeaders storedHeaders) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.storedHeaders = storedHeaders;
    }

    /**
     * Connects to the store for the {@code hookyard} commands; like the embedded store's, it never creates nor
     * migrates the store: that is a node's job, and the schema must be at this build's version. Headers are shown
     * masked by {@code credentials}.
     */
    public static PostgresDeliveryQueries open(PostgresSettings settings, CredentialHeaders credentials)
            throws StoreUnavailableException {
        return new PostgresDeliveryQueries(PostgresDatabase.open(settings, false), true,
                new StoredHeaders(credentials));
    }

    @Override
    public DeliveryPage list(DeliveryFilter filter) throws StoreUnavailableException {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM deliveries d WHERE "
                + QueryRows.where(filter, arguments, RegexGlobs.INSTANCE) + QueryRows.order(filter) + " LIMIT ?";
        arguments.add(filter.limit() + 1);
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
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
            return new DeliveryPage(page, more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty());
        } catch (SQLException e) {
            throw unavailable("list deliveries", e);
        }
    }

    @Override
    public long count(DeliveryFilter filter) throws StoreUnavailableException {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT count(*) FROM deliveries d WHERE " + QueryRows.where(filter, arguments, RegexGlobs.INSTANCE);
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            QueryRows.bind(q, arguments);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw unavailable("count deliveries", e);
        }
    }

    @Override
    public RunTotals runTotals() throws StoreUnavailableException {
        try (Connection c = database.connection()) {
            return QueryRows.runTotals(c);
        } catch (SQLException e) {
            throw unavailable("count handler runs", e);
        }
    }

    @Override
    public Optional<DeliveryDetail> show(long id) throws StoreUnavailableException {
        try (Connection c = database.connection()) {
            return QueryRows.detail(c, id, storedHeaders);
        } catch (SQLException e) {
            throw unavailable("read delivery " + id, e);
        }
    }

    @Override
    public List<Long> replay(Map<Long, List<String>> handlersById, Instant now) throws StoreUnavailableException {
        try {
            return database.inTransaction(c -> {
                List<Long> replayed = new ArrayList<>();
                try (PreparedStatement delivery = c.prepareStatement(
                        "UPDATE deliveries SET status = 'pending' WHERE id = ?");
                     PreparedStatement run = c.prepareStatement("""
                             INSERT INTO handler_runs (delivery_id, handler, status, attempts, next_due, last_error,
                               updated_at) VALUES (?, ?, 'pending', 0, ?, NULL, ?)
                             ON CONFLICT (delivery_id, handler) DO UPDATE SET status = 'pending', attempts = 0,
                               next_due = excluded.next_due, last_error = NULL, updated_at = excluded.updated_at,
                               claimed_by = NULL, claim_token = NULL, lease_until = NULL""")) {
                    replayed.addAll(QueryRows.replay(delivery, run, handlersById, now));
                }
                if (!replayed.isEmpty()) {
                    WakeUps.announce(c, database.channel());
                }
                return replayed;
            });
        } catch (SQLException e) {
            throw unavailable("replay deliveries", e);
        }
    }

    @Override
    public long purge(Instant cutoff, boolean includePending, boolean dryRun) throws StoreUnavailableException {
        Set<DeliveryStatus> statuses = EnumSet.of(DeliveryStatus.DONE, DeliveryStatus.FAILED,
                DeliveryStatus.UNROUTED);
        if (includePending) {
            statuses.add(DeliveryStatus.PENDING);
        }
        String matching = "received_at < ? AND status = ANY (?)";
        try (Connection c = database.connection()) {
            if (dryRun) {
                try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM deliveries WHERE " + matching)) {
                    bindPurge(c, q, cutoff, statuses);
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0;
                    }
                }
            }
            advisoryLock(c, "pg_advisory_lock");
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM deliveries WHERE id IN"
                    + " (SELECT id FROM deliveries WHERE " + matching + " LIMIT " + PURGE_BATCH + ")")) {
                long deleted = 0;
                while (true) {
                    bindPurge(c, delete, cutoff, statuses);
                    int batch = delete.executeUpdate();
                    deleted += batch;
                    if (batch < PURGE_BATCH) {
                        return deleted;
                    }
                }
            } finally {
                advisoryLock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw unavailable("purge deliveries", e);
        }
    }

    /** Takes or gives back the schema's purge lock (a session lock: the connection holds it across batches). */
    private void advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setString(2, "purge:" + database.settings().schema());
            lock.execute();
        }
    }

    private static void bindPurge(Connection c, PreparedStatement statement, Instant cutoff,
                                  Set<DeliveryStatus> statuses) throws SQLException {
        statement.setLong(1, cutoff.toEpochMilli());
        statement.setArray(2, c.createArrayOf("text", statuses.stream().map(DeliveryStatus::code).toArray()));
    }

    @Override
    public String location() {
        return database.settings().location();
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException(location() + " could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            database.close();
        }
    }
}
