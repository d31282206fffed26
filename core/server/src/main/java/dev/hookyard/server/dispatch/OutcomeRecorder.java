package dev.hookyard.server.dispatch;

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
 */
final class OutcomeRecorder implements AutoCloseable {

    /**
     * One attempt's outcome, waiting to be recorded.
     *
     * @param timedOut whether the call ran past its timeout (metrics tell timeouts from other failures)
     */
    record Pending(DueRun run, String handler, RunResult result, boolean timedOut) {
        Pending(DueRun run, String handler, RunResult result) {
            this(run, handler, result, false);
        }
    }

    /** Told about each outcome once its batch is written, or failed to be. */
    @FunctionalInterface
    interface Listener {
        void recorded(Pending outcome, boolean stored);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final int MAX_BATCH = 512;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DeliveryStore store;
    private final Listener listener;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;
    private long lastFailureLog;

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

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                // Only close() ends the recorder, after the queue is empty.
            } catch (RuntimeException | Error e) {
                LOG.error("Recording handler outcomes failed; the runs will be tried again", e);
                batch.forEach(p -> listener.recorded(p, false));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<RunOutcome> outcomes = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            outcomes.add(new RunOutcome(p.run().delivery().id(), p.handler(), p.result()));
        }
        boolean stored;
        try {
            store.recordAll(outcomes);
            stored = true;
        } catch (StoreUnavailableException e) {
            stored = false;
            long now = System.nanoTime();
            if (now - lastFailureLog >= FAILURE_LOG_INTERVAL_NANOS) {
                lastFailureLog = now;
                LOG.error("Could not record {} handler outcome(s); those runs will run again once the store"
                        + " commits: {}", batch.size(), e.getMessage());
            }
        }
        for (Pending p : batch) {
            listener.recorded(p, stored);
        }
    }

    /** Records what is queued, then stops (waiting at most {@code millis}). */
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
