package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.DeliveryStore.RunOutcome;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.RunStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Records the outcomes of handler runs, each only under the claim this node holds the run by: a run whose claim was
 * lost (its lease ran out and another node claimed it, or it was replayed) is left to its new holder, and the
 * outcome of ours is dropped. Delivery to handlers is at least once, so this costs at most one more call.
 */
final class OutcomeWriter {

    private static final Comparator<RunOutcome> ROW_ORDER = Comparator.comparingLong(RunOutcome::deliveryId)
            .thenComparing(RunOutcome::handler);

    private final PostgresDatabase database;
    private final HeldClaims claims;

    OutcomeWriter(PostgresDatabase database, HeldClaims claims) {
        this.database = database;
        this.claims = claims;
    }

    /**
     * Records the outcomes in one transaction; returns by how much the pending runs changed.
     *
     * <p>Committed with {@code synchronous_commit = off}: atomic, and durable a moment later rather than before the
     * call returns, so that recording never waits for the disk. An outcome lost in a crash of the database server
     * only means its handler runs again; every accepted delivery is still committed durably (see
     * {@link AppendWriter}).
     */
    long recordAll(List<RunOutcome> outcomes, long now) throws SQLException {
        List<RunOutcome> sorted = new ArrayList<>(outcomes);
        // Rows in one order in every transaction (replays too lock the delivery first): no deadlocks between nodes.
        sorted.sort(ROW_ORDER);
        List<UUID> tokens = new ArrayList<>(sorted.size());
        for (RunOutcome outcome : sorted) {
            tokens.add(claims.token(outcome.deliveryId(), outcome.handler()));
        }
        long change = database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
            long pendingChange = 0;
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT 1 FROM deliveries WHERE id = ? FOR NO KEY UPDATE");
                 PreparedStatement run = c.prepareStatement("UPDATE handler_runs SET status = ?,"
                         + " attempts = attempts + 1, next_due = ?, last_error = ?, updated_at = ?, claimed_by = NULL,"
                         + " claim_token = NULL, lease_until = NULL"
                         + " WHERE delivery_id = ? AND handler = ? AND claim_token = ? AND status = 'pending'");
                 PreparedStatement status = c.prepareStatement(DeliveryStatusUpdate.SQL)) {
                for (int i = 0; i < sorted.size(); i++) {
                    RunOutcome outcome = sorted.get(i);
                    UUID token = tokens.get(i);
                    if (token == null) {
                        continue; // not (or no longer) this node's
                    }
                    // The delivery first: its status is derived from all its runs, which other nodes may be
                    // recording at the same time; holding its row, this transaction reads their committed state.
                    lock.setLong(1, outcome.deliveryId());
                    lock.executeQuery().close();
                    bind(run, outcome, now);
                    run.setObject(7, token);
                    if (run.executeUpdate() == 0) {
                        continue; // the claim was lost
                    }
                    DeliveryStatusUpdate.bind(status, outcome.deliveryId());
                    status.executeUpdate();
                    if (!(outcome.result() instanceof RunResult.RetryAt)) {
                        pendingChange--;
                    }
                }
            }
            return pendingChange;
        });
        for (int i = 0; i < sorted.size(); i++) {
            if (tokens.get(i) != null) {
                claims.release(sorted.get(i).deliveryId(), sorted.get(i).handler(), tokens.get(i));
            }
        }
        return change;
    }

    private static void bind(PreparedStatement update, RunOutcome outcome, long now) throws SQLException {
        RunResult result = outcome.result();
        RunStatus status;
        long nextDue = now;
        String error;
        if (result instanceof RunResult.RetryAt retry) {
            status = RunStatus.PENDING;
            nextDue = retry.nextDue().toEpochMilli();
            error = retry.error();
        } else if (result instanceof RunResult.Dead dead) {
            status = RunStatus.DEAD;
            error = dead.error();
        } else if (result instanceof RunResult.Dropped dropped) {
            status = RunStatus.DROPPED;
            error = dropped.reason();
        } else {
            status = RunStatus.DONE;
            error = null;
        }
        update.setString(1, status.code());
        update.setLong(2, nextDue);
        update.setString(3, error == null ? null : truncate(error));
        update.setLong(4, now);
        update.setLong(5, outcome.deliveryId());
        update.setString(6, outcome.handler());
    }

    private static String truncate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 2000) + "...";
    }
}
