package dev.hookyard.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements the store's writer runs for every delivery and every outcome, prepared on first use and reused
 * until the store closes, so that SQLite compiles each once rather than once per batch (or per outcome). Used only
 * under the store's write lock, like the connection they belong to. After a failed write they are all discarded
 * ({@link #close()}) and prepared afresh: a statement that failed mid-way is not trusted again.
 */
final class WriterStatements implements AutoCloseable {

    private final Connection writer;
    private final List<PreparedStatement> prepared = new ArrayList<>();
    private PreparedStatement insertDelivery;
    private PreparedStatement insertRun;
    private PreparedStatement existingId;
    private PreparedStatement updateRun;
    private PreparedStatement updatePendingRun;
    private PreparedStatement updateDeliveryStatus;
    private PreparedStatement dataVersion;

    WriterStatements(Connection writer) {
        this.writer = writer;
    }

    /**
     * Inserts a delivery unless its endpoint and key are stored; a query whose one row is the new id, or no row for
     * a duplicate (the id comes back with the insert, not from a second statement).
     */
    PreparedStatement insertDelivery() throws SQLException {
        if (insertDelivery == null) {
            insertDelivery = track(writer.prepareStatement("""
                    INSERT INTO deliveries (endpoint, vendor, event_type, delivery_key, headers, body, received_at,
                      status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (endpoint, delivery_key) DO NOTHING RETURNING id"""));
        }
        return insertDelivery;
    }

    /** Inserts one pending handler run. */
    PreparedStatement insertRun() throws SQLException {
        if (insertRun == null) {
            insertRun = track(writer.prepareStatement("""
                    INSERT INTO handler_runs (delivery_id, handler, status, attempts, next_due, updated_at)
                    VALUES (?, ?, 'pending', 0, ?, ?)"""));
        }
        return insertRun;
    }

    /** The id of the delivery stored for an endpoint and key. */
    PreparedStatement existingId() throws SQLException {
        if (existingId == null) {
            existingId = track(writer.prepareStatement(
                    "SELECT id FROM deliveries WHERE endpoint = ? AND delivery_key = ?"));
        }
        return existingId;
    }

    /** Records one attempt of a handler run. */
    PreparedStatement updateRun() throws SQLException {
        if (updateRun == null) {
            updateRun = track(writer.prepareStatement("""
                    UPDATE handler_runs SET status = ?, attempts = attempts + 1, next_due = ?, last_error = ?,
                      updated_at = ? WHERE delivery_id = ? AND handler = ?"""));
        }
        return updateRun;
    }

    /** Records one attempt of a handler run that is pending (no row changed: it was not pending, or is gone). */
    PreparedStatement updatePendingRun() throws SQLException {
        if (updatePendingRun == null) {
            updatePendingRun = track(writer.prepareStatement("""
                    UPDATE handler_runs SET status = ?, attempts = attempts + 1, next_due = ?, last_error = ?,
                      updated_at = ? WHERE delivery_id = ? AND handler = ? AND status = 'pending'"""));
        }
        return updatePendingRun;
    }

    /** Derives a delivery's status from its handler runs. */
    PreparedStatement updateDeliveryStatus() throws SQLException {
        if (updateDeliveryStatus == null) {
            updateDeliveryStatus = track(writer.prepareStatement("""
                    UPDATE deliveries SET status = CASE
                      WHEN EXISTS (SELECT 1 FROM handler_runs WHERE delivery_id = ?1 AND status = 'pending')
                        THEN 'pending'
                      WHEN EXISTS (SELECT 1 FROM handler_runs WHERE delivery_id = ?1
                                   AND status IN ('dead', 'dropped')) THEN 'failed'
                      ELSE 'done' END
                    WHERE id = ?1"""));
        }
        return updateDeliveryStatus;
    }

    /** SQLite's {@code data_version}: changes when another connection has committed (see {@link BacklogCounter}). */
    PreparedStatement dataVersion() throws SQLException {
        if (dataVersion == null) {
            dataVersion = track(writer.prepareStatement("PRAGMA data_version"));
        }
        return dataVersion;
    }

    private PreparedStatement track(PreparedStatement statement) {
        prepared.add(statement);
        return statement;
    }

    /** Closes every statement prepared so far; the next use prepares them again. */
    @Override
    public void close() {
        for (PreparedStatement statement : prepared) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing the connection releases it anyway
            }
        }
        prepared.clear();
        insertDelivery = null;
        insertRun = null;
        existingId = null;
        updateRun = null;
        updatePendingRun = null;
        updateDeliveryStatus = null;
        dataVersion = null;
    }
}
