package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.DueRun;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler runs this node has claimed and not yet finished, each with the token of its claim, and the thread that
 * renews their leases while they wait or run. A claim is made in the transaction that stores a delivery (its runs
 * are this node's from the start, so the hand-off to its own dispatcher stays valid and no other node takes them)
 * or that reads due runs; it ends when the run's outcome is recorded, or when the lease is lost: another node may
 * then have claimed the run, and an outcome of ours for it is no longer recorded (the run is handled at least once).
 */
final class HeldClaims implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldClaims.class);
    /** The lease a claim gets, in SQL: now (the database's clock) plus the lease time in milliseconds (bound). */
    static final String LEASE_END = "now() + ? * interval '1 millisecond'";
    /** Who may claim a run: nobody holds it, this node holds it (bound), or its holder's lease has run out. */
    static final String CLAIMABLE = "(r.claimed_by IS NULL OR r.claimed_by = ? OR r.lease_until < now())";

    private final PostgresDatabase database;
    private final String node;
    private final Duration lease;
    private final Map<String, UUID> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    HeldClaims(PostgresDatabase database, String node, Duration lease) {
        this.database = database;
        this.node = node;
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hookyard-leases");
            thread.setDaemon(true);
            return thread;
        });
        // Three renewals per lease: one may fail (or come late) without the lease running out.
        long period = Math.max(100, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** This node's name in the claims: unique to this process. */
    String node() {
        return node;
    }

    long leaseMillis() {
        return lease.toMillis();
    }

    /** The run is claimed by {@code token} (committed). */
    void hold(long deliveryId, String handler, UUID token) {
        held.put(DueRun.key(deliveryId, handler), token);
    }

    /** The token this node holds the run by, or null if it holds no claim on it. */
    UUID token(long deliveryId, String handler) {
        return held.get(DueRun.key(deliveryId, handler));
    }

    /** The claim {@code token} on the run ended (its outcome is recorded, or it was lost). */
    void release(long deliveryId, String handler, UUID token) {
        held.remove(DueRun.key(deliveryId, handler), token);
    }

    /** Claims held. */
    int count() {
        return held.size();
    }

    /**
     * Extends the lease of every claim this node holds; a claim whose run is no longer pending under it (finished,
     * replayed, or taken by another node after its lease ran out) is forgotten.
     */
    void renew() throws SQLException {
        Map<String, UUID> snapshot = Map.copyOf(held);
        if (snapshot.isEmpty()) {
            return;
        }
        Set<UUID> tokens = new HashSet<>(snapshot.values());
        Set<String> renewed = new HashSet<>();
        database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE handler_runs r SET lease_until = "
                    + LEASE_END + " WHERE r.claimed_by = ? AND r.claim_token = ANY (?) AND r.status = 'pending'"
                    + " RETURNING r.delivery_id, r.handler, r.claim_token")) {
                update.setLong(1, lease.toMillis());
                update.setString(2, node);
                Array array = c.createArrayOf("uuid", tokens.toArray());
                update.setArray(3, array);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        renewed.add(DueRun.key(rs.getLong(1), rs.getString(2)) + "#" + rs.getObject(3));
                    }
                }
            }
            return null;
        });
        snapshot.forEach((key, token) -> {
            if (!renewed.contains(key + "#" + token)) {
                held.remove(key, token);
            }
        });
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (SQLException | RuntimeException e) {
            // The next round tries again; should the database stay away longer than the lease, the runs go to
            // whichever node reaches it first (at-least-once), and outcomes for lost claims are not recorded.
            LOG.warn("Could not renew the leases of {} claimed handler runs: {}", held.size(), e.getMessage());
        }
    }

    /** Stops renewing (the leases then run out: what a node that dies leaves behind). */
    void stopRenewing() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops renewing and gives back every run this node still has claimed, so that the other nodes run them at
     * once rather than after the lease; tells them (on the wake-up channel) that runs are waiting.
     */
    @Override
    public void close() {
        stopRenewing();
        try {
            int released = database.inTransaction(c -> {
                int count;
                try (PreparedStatement update = c.prepareStatement("UPDATE handler_runs SET claimed_by = NULL,"
                        + " claim_token = NULL, lease_until = NULL WHERE claimed_by = ? AND status = 'pending'")) {
                    update.setString(1, node);
                    count = update.executeUpdate();
                }
                if (count > 0) {
                    WakeUps.announce(c, database.channel());
                }
                return count;
            });
            if (released > 0) {
                LOG.info("Released {} claimed handler runs to the other nodes", released);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not release this node's claimed handler runs; other nodes take them once their leases"
                    + " end: {}", e.getMessage());
        }
        held.clear();
    }
}
