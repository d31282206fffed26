package dev.hookyard.server.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's writer thread: drains the appends waiting in its queue, has them written in one transaction, and
 * completes each request's future only once that transaction has committed. A failed transaction fails every
 * append in it (the senders get 503 and deliver again); the thread itself survives any failure, so the store
 * recovers by itself once the cause (a full disk, a lock held elsewhere) goes away.
 *
 * <p>The futures of a batch are completed on a second thread, the acknowledger, so that what each request does
 * next (answer its sender, hand its event to the dispatcher) never delays the next transaction. A watchdog fails
 * appends that wait too long, so that an asynchronous caller is always answered, even by a writer stuck on a hung
 * disk.
 *
 * <p>Batches are written under the store's write lock, the same lock every other write takes: SQLite has one
 * writer, and so has this store (one connection, one lock). The writer takes the lock before it drains the queue,
 * so appends that arrive while another write holds the lock join the next batch.
 *
 * <p>Each batch's outcome goes to the store's {@link CommitHealth}. While it says failing, a writer with no appends
 * to write commits a probe transaction of the size of an append every few seconds, so that a node a load balancer
 * took out of rotation (and so gets no deliveries) finds out by itself when it can commit again. Without group
 * commit there is no writer thread, and only appends tell.
 */
public final class GroupCommit {

    /** Writes to the store; called with the write lock held. */
    public interface BatchWriter {
        /** Writes a batch in one transaction and commits it. */
        List<AppendResult> write(List<PendingAppend> batch) throws SQLException;

        /** Commits a transaction that needs as much new space as an append, and leaves nothing behind. */
        void probe() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How often a failing writer with nothing to write tries a probe transaction. */
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    private static final PendingAppend STOP = new PendingAppend(null, "");

    private final String storeName;
    private final ReentrantLock writeLock;
    private final BatchWriter writer;
    private final CommitPolicy policy;
    private final CommitObserver observer;
    private final CommitHealth health;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong appends = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final Thread thread;
    /** Completes the futures of committed (or failed) batches, in commit order. */
    private final ExecutorService acknowledger;
    /** Fails appends that waited longer than the append timeout. */
    private final ScheduledExecutorService watchdog;
    /** The batch being written, and since when (for the watchdog). */
    private volatile List<PendingAppend> writing = List.of();
    private volatile long writingSince;
    private volatile boolean closed;

    public GroupCommit(String storeName, ReentrantLock writeLock, BatchWriter writer, CommitPolicy policy,
                       CommitObserver observer, CommitHealth health) {
        this.storeName = storeName;
        this.writeLock = writeLock;
        this.writer = writer;
        this.policy = policy;
        this.observer = observer;
        this.health = health;
        if (policy.group()) {
            // Thread names stay within Linux's 15 characters, so that top and /proc tell the threads apart.
            thread = new Thread(this::run, "hookyard-writer");
            // A JVM exit never waits for it: whatever it holds has not been answered yet, so nothing is lost.
            thread.setDaemon(true);
            thread.start();
            acknowledger = Executors.newSingleThreadExecutor(daemon("hookyard-acks"));
            watchdog = Executors.newSingleThreadScheduledExecutor(daemon("hookyard-watchdog"));
            long period = Math.max(10, Math.min(1000, policy.appendTimeout().toMillis() / 4));
            watchdog.scheduleWithFixedDelay(this::expireOverdue, period, period, TimeUnit.MILLISECONDS);
        } else {
            thread = null;
            acknowledger = null;
            watchdog = null;
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Appends one delivery, returning once its transaction has committed durably. */
    public AppendResult append(PendingAppend pending) throws StoreUnavailableException {
        if (!policy.group()) {
            return appendDirectly(pending);
        }
        enqueue(pending);
        return await(pending);
    }

    /**
     * Appends one delivery without waiting: the future completes, on the acknowledger's thread, once its
     * transaction has committed durably, or exceptionally with a {@link StoreUnavailableException}.
     */
    public CompletableFuture<AppendResult> appendAsync(PendingAppend pending) {
        try {
            if (!policy.group()) {
                return CompletableFuture.completedFuture(appendDirectly(pending));
            }
            enqueue(pending);
        } catch (StoreUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pending.result;
    }

    private void enqueue(PendingAppend pending) throws StoreUnavailableException {
        // No lock here: every request thread passes this point, and a monitor around it was contended under load.
        if (closed) {
            throw new StoreUnavailableException("store " + storeName + " is closed", null);
        }
        int queued = queue.size();
        if (queued >= policy.maxQueued()) {
            // Concurrent appends may overshoot the bound by a few (one per request thread): it is a safety limit.
            throw new StoreUnavailableException("store " + storeName + " has " + queued
                    + " appends waiting for its writer", null);
        }
        queue.add(pending);
        submitted.incrementAndGet();
        // close() sets closed before it queues the stop marker, so an append queued behind the marker sees it here;
        // unless the writer has already taken it, it is withdrawn rather than left waiting for a writer that stopped.
        if (closed && pending.abandon()) {
            throw new StoreUnavailableException("store " + storeName + " is closed", null);
        }
    }

    /**
     * The watchdog's round: an append still queued after the append timeout is withdrawn and failed; a batch still
     * being written after twice that is failed too (its senders are told to retry; should it commit after all, the
     * retry is answered as a duplicate).
     */
    private void expireOverdue() {
        long now = System.nanoTime();
        long timeout = policy.appendTimeout().toNanos();
        for (PendingAppend pending : queue) {
            if (pending == STOP || now - pending.queuedNanos < timeout) {
                break; // the queue is in arrival order
            }
            if (pending.abandon()) {
                pending.result.completeExceptionally(new StoreUnavailableException("store " + storeName
                        + " did not commit within " + policy.appendTimeout().toSeconds() + "s", null));
            }
        }
        List<PendingAppend> batch = writing;
        if (!batch.isEmpty() && now - writingSince > 2 * timeout) {
            StoreUnavailableException failure = new StoreUnavailableException("store " + storeName
                    + " is still writing after " + policy.appendTimeout().multipliedBy(2).toSeconds() + "s", null);
            batch.forEach(p -> p.result.completeExceptionally(failure));
        }
    }

    private AppendResult appendDirectly(PendingAppend pending) throws StoreUnavailableException {
        pending.claim();
        writeLock.lock();
        try {
            if (closed) {
                throw new StoreUnavailableException("store " + storeName + " is closed", null);
            }
            List<PendingAppend> one = List.of(pending);
            List<AppendResult> results = writeOrFail(one);
            return results == null ? await(pending) : results.get(0);
        } finally {
            writeLock.unlock();
        }
    }

    private AppendResult await(PendingAppend pending) throws StoreUnavailableException {
        long timeout = policy.appendTimeout().toNanos();
        try {
            try {
                return pending.result.get(timeout, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (pending.abandon()) {
                    throw new StoreUnavailableException("store " + storeName + " did not commit within "
                            + policy.appendTimeout().toSeconds() + "s", e);
                }
                // Already being written: its outcome is close, and a 2xx for it must wait for the commit.
                return pending.result.get(timeout, TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StoreUnavailableException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("store " + storeName + " is still writing after "
                    + policy.appendTimeout().multipliedBy(2).toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.abandon();
            throw new StoreUnavailableException("interrupted while waiting for store " + storeName, e);
        }
    }

    private void run() {
        while (true) {
            PendingAppend first;
            try {
                if (health.status() instanceof CommitHealth.Status.Failing) {
                    first = queue.poll(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        probe();
                        continue;
                    }
                } else {
                    first = queue.take();
                }
            } catch (InterruptedException e) {
                // Only close() stops the writer; an interrupt from elsewhere is not a reason to lose the queue.
                continue;
            }
            if (first == STOP) {
                return;
            }
            List<PendingAppend> batch = new ArrayList<>();
            try {
                if (writeOneBatch(first, batch)) {
                    return;
                }
            } catch (Throwable e) {
                // Nothing may stop the writer: fail what it held (nothing of it was acknowledged) and go on.
                LOG.error("Store {}'s writer failed outside a transaction; carrying on", storeName, e);
                StoreUnavailableException failure = new StoreUnavailableException("store " + storeName
                        + " writer failed: " + e, e);
                batch.forEach(p -> p.result.completeExceptionally(failure));
                if (!batch.contains(first)) {
                    first.result.completeExceptionally(failure);
                }
            }
        }
    }

    /** Takes the write lock, drains, writes and completes one batch; true if the stop marker was reached. */
    private boolean writeOneBatch(PendingAppend first, List<PendingAppend> batch) {
        List<AppendResult> results;
        boolean stopAfter;
        writeLock.lock();
        try {
            stopAfter = drain(first, batch);
            writingSince = System.nanoTime();
            writing = batch;
            results = batch.isEmpty() ? List.of() : writeOrFail(batch);
        } finally {
            writing = List.of();
            writeLock.unlock();
        }
        complete(batch, results);
        return stopAfter;
    }

    /** Fills a batch from {@code first} and whatever is queued behind it; true if the stop marker was reached. */
    private boolean drain(PendingAppend first, List<PendingAppend> batch) {
        long bytes = 0;
        PendingAppend next = first;
        while (true) {
            if (next == STOP) {
                return true;
            }
            if (next.claim()) {
                batch.add(next);
                bytes += next.bytes();
            }
            if (batch.size() >= policy.maxBatch() || bytes >= policy.maxBatchBytes()) {
                return false;
            }
            next = queue.poll();
            if (next == null) {
                return false;
            }
        }
    }

    /** One probe transaction, its outcome told to the health like a batch's. */
    private void probe() {
        writeLock.lock();
        try {
            writer.probe();
            health.committed();
        } catch (SQLException | RuntimeException e) {
            health.failed(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes the batch; on failure completes every member exceptionally and returns null. */
    private List<AppendResult> writeOrFail(List<PendingAppend> batch) {
        long started = System.nanoTime();
        List<AppendResult> results;
        try {
            results = writer.write(batch);
        } catch (SQLException | RuntimeException | Error e) {
            failedBatches.incrementAndGet();
            health.failed(e);
            StoreUnavailableException failure = new StoreUnavailableException("store " + storeName
                    + " could not commit: " + e.getMessage(), e);
            acknowledge(batch, p -> p.result.completeExceptionally(failure));
            observe(() -> observer.failed(batch.size()));
            return null;
        }
        long nanos = System.nanoTime() - started;
        batches.incrementAndGet();
        appends.addAndGet(batch.size());
        health.committed();
        observe(() -> observer.committed(batch.size(), nanos));
        return results;
    }

    /** An observer's failure must never turn a committed batch into a refused one, nor stop the writer. */
    private void observe(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Store {}'s commit observer failed: {}", storeName, e.toString());
        }
    }

    private void complete(List<PendingAppend> batch, List<AppendResult> results) {
        if (results == null || batch.isEmpty()) {
            return;
        }
        List<PendingAppend> members = List.copyOf(batch); // the writer reuses nothing, but the list is its own
        acknowledger().execute(() -> {
            for (int i = 0; i < members.size(); i++) {
                members.get(i).result.complete(results.get(i));
            }
        });
    }

    /** Runs {@code action} for each member of a batch on the acknowledger (on the caller's thread in direct mode). */
    private void acknowledge(List<PendingAppend> batch, java.util.function.Consumer<PendingAppend> action) {
        List<PendingAppend> members = List.copyOf(batch);
        acknowledger().execute(() -> members.forEach(action));
    }

    private Executor acknowledger() {
        return acknowledger != null ? acknowledger : Runnable::run;
    }

    /** Appends waiting for the writer (tests wait on it to line up a batch). */
    int queued() {
        return queue.size();
    }

    /** Appends handed to the writer since the store opened (tests wait on it to order appends). */
    long submitted() {
        return submitted.get();
    }

    public CommitStats stats() {
        return new CommitStats(batches.get(), appends.get(), failedBatches.get());
    }

    /** Refuses new appends, writes those already queued, and stops the writer. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (thread != null) {
                queue.add(STOP);
            }
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(policy.appendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("Store {}'s writer still busy at close; its unanswered appends are not acknowledged",
                        storeName);
            }
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (acknowledger != null) {
            // What the writer committed before it stopped is still acknowledged.
            acknowledger.shutdown();
            try {
                acknowledger.awaitTermination(policy.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
