package dev.hookyard.server.store.postgres;

import java.sql.Statement;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.GroupCommit;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.PendingAppend;
import dev.hookyard.server.store.RunReservations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes a batch of appends in one transaction (the group-commit writer's, see {@link GroupCommit}): each delivery
 * unless its endpoint and key are stored already, and its handler runs, claimed by this node.
 *
 * <p>Dedup is the unique constraint on endpoint and key, inside the committing transaction ({@code ON CONFLICT DO
 * NOTHING}): when two nodes write the same key at once, the second waits for the first's transaction and, once it
 * commits, finds its row and answers a duplicate of it (both senders get their 2xx; the delivery is stored once).
 * The batch is written in endpoint and key order, so that two nodes' batches holding the same keys wait for each
 * other in one order and never deadlock.
 */
final class AppendWriter implements GroupCommit.BatchWriter {

    private static final Comparator<PendingAppend> KEY_ORDER = Comparator
            .comparing((PendingAppend p) -> p.delivery().endpoint())
            .thenComparing(p -> p.delivery().deliveryKey());

    private final PostgresDatabase database;
    private final HeldClaims claims;
    private final SharedBacklog backlog;
    private final Supplier<RunReservations> reservations;

    AppendWriter(PostgresDatabase database, HeldClaims claims, SharedBacklog backlog,
                 Supplier<RunReservations> reservations) {
        this.database = database;
        this.claims = claims;
        this.backlog = backlog;
        this.reservations = reservations;
    }

    /**
     * A transaction with a transaction id of its own, so that its commit is a real one (written to the server's WAL
     * and, with {@code synchronous_commit} on, flushed), and that leaves no row behind.
     */
    @Override
    public void probe() throws SQLException {
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT txid_current()").close();
            }
            return null;
        });
    }

    @Override
    public List<AppendResult> write(List<PendingAppend> batch) throws SQLException {
        Integer[] order = new Integer[batch.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(batch::get, KEY_ORDER));
        AppendResult[] results = new AppendResult[batch.size()];
        UUID token = UUID.randomUUID();
        RunReservations reserving = reservations.get();
        List<NewDelivery> reserved = new ArrayList<>();
        List<Long> reservedIds = new ArrayList<>();
        try {
            database.inTransaction(c -> {
                writeSorted(c, batch, order, results, token);
                for (int i = 0; i < results.length; i++) {
                    NewDelivery d = batch.get(i).delivery();
                    if (results[i] instanceof AppendResult.Stored stored && !d.handlers().isEmpty()) {
                        // Before the commit: this node's dispatcher must know of the runs before it can read them.
                        reserving.reserve(stored.id(), d.handlers());
                        reserved.add(d);
                        reservedIds.add(stored.id());
                    }
                }
                return null;
            });
        } catch (SQLException | RuntimeException | Error e) {
            for (int i = 0; i < reserved.size(); i++) {
                reserving.release(reservedIds.get(i), reserved.get(i).handlers());
            }
            throw e;
        }
        long added = 0;
        for (int i = 0; i < reserved.size(); i++) {
            for (String handler : reserved.get(i).handlers()) {
                claims.hold(reservedIds.get(i), handler, token);
                added++;
            }
        }
        backlog.add(added);
        return List.of(results);
    }

    private void writeSorted(Connection c, List<PendingAppend> batch, Integer[] order, AppendResult[] results,
                             UUID token) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO deliveries (endpoint, vendor, event_type, delivery_key, headers, body, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (endpoint, delivery_key) DO NOTHING RETURNING id""");
             PreparedStatement existing = c.prepareStatement(
                     "SELECT id FROM deliveries WHERE endpoint = ? AND delivery_key = ?");
             PreparedStatement runs = c.prepareStatement("INSERT INTO handler_runs (delivery_id, handler, status,"
                     + " attempts, next_due, updated_at, claimed_by, claim_token, lease_until)"
                     + " VALUES (?, ?, 'pending', 0, ?, ?, ?, ?, " + HeldClaims.LEASE_END + ")")) {
            boolean anyRuns = false;
            for (int index : order) {
                PendingAppend pending = batch.get(index);
                NewDelivery d = pending.delivery();
                insert.setString(1, d.endpoint());
                insert.setString(2, d.vendor());
                insert.setString(3, d.eventType());
                insert.setString(4, d.deliveryKey());
                insert.setString(5, pending.encodedHeaders());
                insert.setBytes(6, d.body());
                insert.setLong(7, d.receivedAt().toEpochMilli());
                insert.setString(8, (d.handlers().isEmpty() ? DeliveryStatus.UNROUTED : DeliveryStatus.PENDING).code());
                Long id = null;
                try (ResultSet inserted = insert.executeQuery()) {
                    if (inserted.next()) {
                        id = inserted.getLong(1);
                    }
                }
                if (id == null) {
                    results[index] = new AppendResult.Duplicate(existingId(existing, d));
                    continue;
                }
                long now = d.receivedAt().toEpochMilli();
                for (String handler : d.handlers()) {
                    runs.setLong(1, id);
                    runs.setString(2, handler);
                    runs.setLong(3, now);
                    runs.setLong(4, now);
                    runs.setString(5, claims.node());
                    runs.setObject(6, token);
                    runs.setLong(7, claims.leaseMillis());
                    runs.addBatch();
                    anyRuns = true;
                }
                results[index] = new AppendResult.Stored(id);
            }
            if (anyRuns) {
                runs.executeBatch();
            }
        }
    }

    /**
     * The id of the stored delivery a conflicting insert met. Read committed: this statement sees the row of the
     * transaction the insert waited for (or the batch's own earlier row of the same key).
     */
    private static long existingId(PreparedStatement existing, NewDelivery d) throws SQLException {
        existing.setString(1, d.endpoint());
        existing.setString(2, d.deliveryKey());
        try (ResultSet rs = existing.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the delivery this one duplicates vanished (purged meanwhile)");
            }
            return rs.getLong(1);
        }
    }
}
