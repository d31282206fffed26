package dev.hookyard.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's view of the store: list, show, replay and purge deliveries. The {@code hookyard} commands and the
 * management API use the very same implementation, so they cannot drift apart; each backend opens its own
 * connections for it, beside the {@link DeliveryStore}'s hot path, and every operation is correct across
 * connections (and processes).
 */
public interface DeliveryQueries extends AutoCloseable {

    /** The deliveries matching {@code filter}, oldest first (or newest first if it says so), at most its limit. */
    DeliveryPage list(DeliveryFilter filter) throws StoreUnavailableException;

    /** How many deliveries match {@code filter} (its limit and cursor aside from {@code after}). */
    long count(DeliveryFilter filter) throws StoreUnavailableException;

    /** Each handler's runs by status, and the oldest pending delivery's receipt. */
    RunTotals runTotals() throws StoreUnavailableException;

    /** One delivery with its handler runs. */
    Optional<DeliveryDetail> show(long id) throws StoreUnavailableException;

    /**
     * Replays deliveries, all in one transaction: for each, every named handler's run is set (or created) to
     * pending, with no attempts, due at {@code now} and no error, and the delivery becomes pending again. A
     * delivery that no longer exists (purged meanwhile) is left out.
     *
     * @return the ids that were replayed
     */
    List<Long> replay(Map<Long, List<String>> handlersById, Instant now) throws StoreUnavailableException;

    /**
     * Deletes (or, on a dry run, counts) the deliveries received before {@code cutoff} whose work is over (done,
     * failed or unrouted), and pending ones too only if asked; their runs go with them.
     *
     * @return how many were (or would be) deleted
     */
    long purge(Instant cutoff, boolean includePending, boolean dryRun) throws StoreUnavailableException;

    /** Where the store is, for messages (a file, or a database and schema; never a password). */
    String location();

    @Override
    void close();
}
