package dev.hookyard.server.dispatch;

import dev.hookyard.server.store.CommitHealth;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DeliveryStore.RunOutcome;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes handler outcomes to the store in batches: every outcome that finished while the previous batch was being
 * flushed goes into the next transaction, so recording costs one disk flush per batch rather than one per handler
 * call. An outcome lost in a crash before its batch commits only means the handler runs again (at-least-once).
 *
 * <p>An outcome the store cannot take (a full disk, a locked file) is held in memory and recorded once the store
 * commits again, never dropped to have its run started again: the handler has done the work, and repeating it every
 * few seconds while the disk is full is what this prevents. Held outcomes are tried again with exponential backoff
 * (1 s doubling to 30 s), and within a second once the store's writer finds that it can commit again
 * ({@link CommitHealth}). While outcomes are held, {@link #holding()} tells the dispatcher to start no new calls,
 * whose outcomes could not be recorded either; held outcomes are small (no delivery body), and few: those of the calls
 * that were running when recording began to fail.
 */
final class OutcomeRecorder implements AutoCloseable {

    /**
     * One attempt's outcome, waiting to be recorded.
     *
     * @param deliveryId the delivery
     * @param attempts   attempts made before this one
     * @param handler    the handler's name
     * @param result     what the attempt came to
     * @param timedOut   whether the call ran past its timeout (metrics tell timeouts from other failures)
     * @param lane       the lane the run was in (it counts the run until it is recorded), or null for none: after a
     *                   reload it may no longer be the handler's lane
     */
    record Pending(long deliveryId, int attempts, String handler, RunResult result, boolean timedOut,
                   HandlerLane lane) {

        Pending(DueRun run, HandlerLane lane, RunResult result, boolean timedOut) {
            this(run.delivery().id(), run.attempts(), lane.name(), result, timedOut, lane);
        }

        /** An outcome of a run that was in no lane. */
        Pending(DueRun run, String handler, RunResult result) {
            this(run.delivery().id(), run.attempts(), handler, result, false, null);
        }

        String runKey() {
            return DueRun.key(deliveryId, handler);
        }
    }

    /** Told about outcomes once they are committed; called on the recorder's thread. */
    interface Listener {

        /** This outcome is recorded. */
        void recorded(Pending outcome);

        /** Outcomes were held and are all recorded now: calls may start again. */
        void resumed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final int MAX_BATCH = 512;
    private static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DeliveryStore store;
    private final Listener listener;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;
    /** Outcomes the store could not take, oldest first; touched by the recorder's thread only. */
    private final List<Pending> held = new ArrayList<>();
    private volatile boolean holding;
    // Backoff of the held outcomes, touched by the recorder's thread only.
    private int failures;
    private long lastFailureNanos;
    private long nextRetryNanos;
    private long lastFailureLogNanos;

    OutcomeRecorder(DeliveryStore store, Listener listener) {
        this.store = store;
        this.listener = listener;
        this.thread = new Thread(this::run, "hookyard-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(Pending outcome) {
        queue.add(outcome);
    }

    /** Whether outcomes are held because the store could not take them (start no new calls meanwhile). */
    boolean holding() {
        return holding;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                if (holding) {
                    held.addAll(batch); // behind the held ones: the store takes outcomes in the order they came
                    if (retryDue()) {
                        recordHeld();
                    }
                } else if (!batch.isEmpty()) {
                    record(batch);
                }
            } catch (InterruptedException e) {
                // Only close() ends the recorder, after the queue is empty.
            } finally {
                batch.clear();
            }
        }
        if (holding) {
            recordHeld();
            if (holding) {
                LOG.warn("Stopping with {} handler outcome(s) the store could not take: those runs run again at the"
                        + " next start", held.size());
            }
        }
    }

    /** Records a batch of new outcomes; what the store cannot take is held. */
    private void record(List<Pending> batch) {
        List<Pending> rest = write(batch);
        if (!rest.isEmpty()) {
            held.addAll(rest);
            holding = true;
        }
    }

    /** Tries the held outcomes again; once all are recorded, calls may start again. */
    private void recordHeld() {
        List<Pending> rest = write(List.copyOf(held));
        int recorded = held.size() - rest.size();
        held.clear();
        held.addAll(rest);
        if (rest.isEmpty()) {
            holding = false;
            failures = 0;
            LOG.info("Recorded the {} handler outcome(s) held while the store could not take them; handler calls"
                    + " start again", recorded);
            listener.resumed();
        }
    }

    /**
     * Writes outcomes, a transaction per {@link #MAX_BATCH}, telling the listener about each recorded one; returns
     * those not recorded (from the first transaction that failed on), and schedules their next try.
     */
    private List<Pending> write(List<Pending> outcomes) {
        for (int from = 0; from < outcomes.size(); from += MAX_BATCH) {
            List<Pending> chunk = outcomes.subList(from, Math.min(outcomes.size(), from + MAX_BATCH));
            List<RunOutcome> rows = new ArrayList<>(chunk.size());
            for (Pending p : chunk) {
                rows.add(new RunOutcome(p.deliveryId(), p.handler(), p.result()));
            }
            try {
                store.recordAll(rows);
            } catch (StoreUnavailableException | RuntimeException e) {
                List<Pending> rest = outcomes.subList(from, outcomes.size());
                failed(rest.size(), e);
                return new ArrayList<>(rest);
            }
            chunk.forEach(listener::recorded);
        }
        return List.of();
    }

    private void failed(int count, Exception e) {
        long now = System.nanoTime();
        failures++;
        lastFailureNanos = now;
        nextRetryNanos = now + Math.min(MAX_RETRY_NANOS, FIRST_RETRY_NANOS << Math.min(failures - 1, 10));
        if (failures == 1 || now - lastFailureLogNanos >= FAILURE_LOG_INTERVAL_NANOS) {
            lastFailureLogNanos = now;
            LOG.error("Could not record {} handler outcome(s) ({} tries so far): they are kept in memory and recorded"
                    + " once the store commits again, and no handler call starts meanwhile: {}", count, failures,
                    e.getMessage());
        }
    }

    /** Whether to try the held outcomes now: their backoff is over, or the store commits again. */
    private boolean retryDue() {
        long now = System.nanoTime();
        if (now - nextRetryNanos >= 0) {
            return true;
        }
        return store.commitHealth().status() instanceof CommitHealth.Status.Committing
                && now - lastFailureNanos >= FIRST_RETRY_NANOS;
    }

    /** Records what is queued (and held, if the store takes it), then stops, waiting at most 5 seconds. */
    @Override
    public void close() {
        close(5_000);
    }

    void close(long millis) {
        stopping = true;
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
