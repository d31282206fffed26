package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.StoredHeaders;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.QueryRows;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoredDelivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The store's plain reads: one delivery, its runs, the next due time, the pending count. */
final class StoreReads {

    private final PostgresDatabase database;
    private final HeldClaims claims;
    private final StoredHeaders storedHeaders;

    StoreReads(PostgresDatabase database, HeldClaims claims, StoredHeaders storedHeaders) {
        this.database = database;
        this.claims = claims;
        this.storedHeaders = storedHeaders;
    }

    Optional<StoredDelivery> find(long id) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT " + QueryRows.DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(QueryRows.delivery(rs, 1, storedHeaders)) : Optional.empty();
            }
        }
    }

    List<RunView> runs(long deliveryId) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement("SELECT handler, status,"
                + " attempts, last_error FROM handler_runs WHERE delivery_id = ? ORDER BY handler")) {
            q.setLong(1, deliveryId);
            List<RunView> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    runs.add(new RunView(rs.getString(1), RunStatus.fromCode(rs.getString(2)), rs.getInt(3),
                            rs.getString(4)));
                }
            }
            return runs;
        }
    }

    /** The earliest next-due time of the pending runs this node may claim (not those another node holds). */
    Optional<Instant> nextDue() throws SQLException {
        try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
                "SELECT MIN(r.next_due) FROM handler_runs r WHERE r.status = 'pending' AND " + HeldClaims.CLAIMABLE)) {
            q.setString(1, claims.node());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    long value = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
                }
                return Optional.empty();
            }
        }
    }

    /** Pending handler runs in the whole store (all nodes'). */
    long countPending() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM handler_runs WHERE status = 'pending'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
