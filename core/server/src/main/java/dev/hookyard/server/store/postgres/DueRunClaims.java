package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.StoredHeaders;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.StoredDelivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final StoredHeaders storedHeaders;

    DueRunClaims(PostgresDatabase database, HeldClaims claims, StoredHeaders storedHeaders) {
        this.database = database;
        this.claims = claims;
        this.storedHeaders = storedHeaders;
    }

    /**
     * Claims up to {@code limit} runs due at {@code now}, of {@code handler} or (if null) of any handler, oldest
     * first, reading past at most {@code readPast} that {@code skip} names (those this node already runs).
     */
    List<DueRun> claim(Instant now, String handler, int limit, int readPast, Predicate<String> skip)
            throws SQLException {
        UUID token = UUID.randomUUID();
        Map<String, UUID> tokens = new HashMap<>();
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
            // A run this node already holds keeps its token: an attempt of it may be running, and must still be able
            // to record its outcome under the claim it started with.
            try (PreparedStatement update = c.prepareStatement("UPDATE handler_runs r SET claimed_by = ?,"
                    + " claim_token = CASE WHEN r.claimed_by = ? AND r.lease_until >= now() THEN r.claim_token"
                    + " ELSE ? END, lease_until = " + HeldClaims.LEASE_END
                    + " FROM unnest(?::bigint[], ?::text[]) AS chosen (id, handler)"
                    + " WHERE r.delivery_id = chosen.id AND r.handler = chosen.handler"
                    + " RETURNING r.delivery_id, r.handler, r.claim_token")) {
                update.setString(1, claims.node());
                update.setString(2, claims.node());
                update.setObject(3, token);
                update.setLong(4, claims.leaseMillis());
                update.setArray(5, c.createArrayOf("bigint", ids.toArray()));
                update.setArray(6, c.createArrayOf("text", handlers.toArray()));
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        tokens.put(DueRun.key(rs.getLong(1), rs.getString(2)), rs.getObject(3, UUID.class));
                    }
                }
            }
            Map<Long, StoredDelivery> deliveries = DeliveryRows.byIds(c, ids, storedHeaders);
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
            claims.hold(run.delivery().id(), run.handler(), tokens.get(run.runKey()));
        }
        return claimed;
    }
}
