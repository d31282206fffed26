package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.StoredDelivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Claims due handler runs for this node's dispatcher: in one transaction, the oldest due runs that no other node
 * holds (unclaimed, this node's, or with their lease run out) are locked with {@code FOR UPDATE SKIP LOCKED} (so two
 * nodes claiming at once never wait for, nor take, each other's rows), the ones the dispatcher has in flight are
 * left alone, and the rest are claimed with a fresh token and a lease, and returned with their deliveries.
 */
final class DueRunClaims {

    private final PostgresDatabase database;
    private final HeldClaims claims;

    DueRunClaims(PostgresDatabase database, HeldClaims claims) {
        this.database = database;
        this.claims = claims;
    }

    /**
     * Claims up to {@code limit} runs due at {@code now}, of {@code handler} or (if null) of any handler, oldest
     * first, reading past at most {@code readPast} that {@code skip} names (those this node already runs).
     */
    List<DueRun> claim(Instant now, String handler, int limit, int readPast, Predicate<String> skip)
            throws SQLException {
        UUID token = UUID.randomUUID();
        List<DueRun> claimed = database.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            List<String> handlers = new ArrayList<>();
            List<Integer> attempts = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT r.delivery_id, r.handler, r.attempts"
                    + " FROM handler_runs r WHERE r.status = 'pending' AND r.next_due <= ?"
                    + (handler == null ? "" : " AND r.handler = ?") + " AND " + HeldClaims.CLAIMABLE
                    + " ORDER BY r.next_due, r.delivery_id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                int index = 1;
                q.setLong(index++, now.toEpochMilli());
                if (handler != null) {
                    q.setString(index++, handler);
                }
                q.setString(index++, claims.node());
                q.setInt(index, limit + readPast);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next() && ids.size() < limit) {
                        long id = rs.getLong(1);
                        String name = rs.getString(2);
                        if (!skip.test(DueRun.key(id, name))) {
                            ids.add(id);
                            handlers.add(name);
                            attempts.add(rs.getInt(3));
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE handler_runs SET claimed_by = ?,"
                    + " claim_token = ?, lease_until = " + HeldClaims.LEASE_END
                    + " WHERE delivery_id = ? AND handler = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    update.setString(1, claims.node());
                    update.setObject(2, token);
                    update.setLong(3, claims.leaseMillis());
                    update.setLong(4, ids.get(i));
                    update.setString(5, handlers.get(i));
                    update.addBatch();
                }
                update.executeBatch();
            }
            Map<Long, StoredDelivery> deliveries = DeliveryRows.byIds(c, ids);
            List<DueRun> runs = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                StoredDelivery delivery = deliveries.get(ids.get(i));
                if (delivery != null) { // its runs are locked, so a purge waits for this transaction
                    runs.add(new DueRun(delivery, handlers.get(i), attempts.get(i)));
                }
            }
            return runs;
        });
        for (DueRun run : claimed) {
            claims.hold(run.delivery().id(), run.handler(), token);
        }
        return claimed;
    }
}
