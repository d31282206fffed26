package dev.hookyard.server.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Durable home of every accepted delivery and of the work owed to handlers. An append that returns has been
 * committed durably; only then may the sender be answered 2xx.
 */
public interface DeliveryStore extends AutoCloseable {

    /** Stores a delivery and its handler runs in one durable transaction, unless its key is already stored. */
    AppendResult append(NewDelivery delivery) throws StoreUnavailableException;

    /**
     * As {@link #append}, without waiting for the commit: the future completes once the transaction has committed
     * durably, or exceptionally with a {@link StoreUnavailableException}. It may complete on a thread of the
     * store's, so what depends on it must not block. This default appends on the caller's thread.
     */
    default CompletableFuture<AppendResult> appendAsync(NewDelivery delivery) {
        try {
            return CompletableFuture.completedFuture(append(delivery));
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Tells {@code reservations} about the runs of every delivery from now on, inside the transaction that stores
     * them (see {@link RunReservations}); a store that cannot do so ignores it.
     */
    default void reserveRunsWith(RunReservations reservations) {
    }

    /**
     * Tells {@code listener} whenever runs may have become due that no hand-off announced (see
     * {@link RunsDueListener}); a store that only this process writes ignores it.
     */
    default void listenForDueRuns(RunsDueListener listener) {
    }

    /** Runs due at {@code now}, oldest first, at most {@code limit}. */
    List<DueRun> due(Instant now, int limit) throws StoreUnavailableException;

    /** Runs of one handler due at {@code now}, oldest first, at most {@code limit}. */
    List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException;

    /**
     * Runs of one handler due at {@code now}, oldest first, at most {@code limit} of them, leaving out the runs
     * {@code skip} names by {@link DueRun#runKey() run key} (those already in flight: at most {@code readPast} of
     * them are among the oldest). A store may read past the skipped ones without loading their deliveries.
     */
    default List<DueRun> due(Instant now, String handler, int limit, int readPast, Predicate<String> skip)
            throws StoreUnavailableException {
        List<DueRun> due = new ArrayList<>(limit);
        for (DueRun run : due(now, handler, limit + readPast)) {
            if (due.size() < limit && !skip.test(run.runKey())) {
                due.add(run);
            }
        }
        return due;
    }

    /** The earliest next-due time of any pending run, if one exists. */
    Optional<Instant> nextDue() throws StoreUnavailableException;

    /** Records the outcome of one attempt and updates the delivery's status. */
    void record(long deliveryId, String handler, RunResult result) throws StoreUnavailableException;

    /**
     * Records the outcomes of several attempts in one transaction, as {@link #record} would one by one; either all
     * are recorded or none. A store may make outcomes durable lazily (with its next durable commit): an outcome
     * lost in a power cut only means its handler runs again, as delivery to handlers is at-least-once.
     */
    default void recordAll(List<RunOutcome> outcomes) throws StoreUnavailableException {
        for (RunOutcome outcome : outcomes) {
            record(outcome.deliveryId(), outcome.handler(), outcome.result());
        }
    }

    /**
     * The outcome of one attempt of one handler run.
     *
     * @param deliveryId the delivery
     * @param handler    the handler's name
     * @param result     what the attempt came to
     */
    record RunOutcome(long deliveryId, String handler, RunResult result) {
    }

    /**
     * Pending handler runs (the undelivered backlog), from memory: cheap enough to ask on every request. Every
     * write that adds runs or moves one in or out of pending keeps it up to date, and so does the store's next write
     * after another connection's (a replay or purge).
     */
    long backlog();

    /**
     * Counts the pending handler runs in the store, resets {@link #backlog()} to that count and returns it; unless
     * the store is busy writing, which it never waits for: then it returns {@link #backlog()} as it is (the writer's
     * transactions keep it up to date, other connections' writes included).
     */
    long recountBacklog() throws StoreUnavailableException;

    /** Whether the store's writer can commit now, as its last transactions found out; costs no write to ask. */
    CommitHealth commitHealth();

    /** One delivery by id. */
    Optional<StoredDelivery> find(long id) throws StoreUnavailableException;

    /** The handler runs of a delivery: handler name to status. */
    List<RunView> runs(long deliveryId) throws StoreUnavailableException;

    @Override
    void close();

    /**
     * One handler's state for a delivery.
     *
     * @param handler   handler name
     * @param status    run status
     * @param attempts  attempts made
     * @param lastError last error text, if any
     */
    record RunView(String handler, RunStatus status, int attempts, String lastError) {
    }
}
