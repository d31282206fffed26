package dev.hookyard.server.dispatch;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One handler's runs in memory: those waiting for a free call slot (bounded in number and in body bytes, so a slow
 * handler's backlog stays in the store rather than on the heap), the calls running now (bounded by the handler's
 * concurrency limit), and everything not yet recorded. Every method is safe to call from any thread.
 *
 * <p>A reload that removes the handler, or changes how it is called, {@link #retire() retires} its lane: the lane
 * starts no more calls and gives its waiting runs back to the store, and once its last call has returned it is
 * {@link #idle() idle}, and its handler may be closed.
 */
final class HandlerLane {

    /** Runs a lane holds waiting: enough to keep a handler busy between two store reads. */
    static final int MAX_WAITING_RUNS = 1024;
    /** Body bytes a lane holds waiting: the heap a slow handler's backlog may take, whatever its bodies' sizes. */
    static final long MAX_WAITING_BYTES = 16L * 1024 * 1024;

    private final HandlerRunner runner;
    private final Queue<ReadyRun> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingRuns = new AtomicInteger();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();
    /** Waiting, running, or ended and not yet recorded: all still pending in the store. */
    private final AtomicInteger unrecorded = new AtomicInteger();
    /** Drain requests not yet served: non-zero while a thread drains the lane (see {@link #enterDrain()}). */
    private final AtomicInteger drainRequests = new AtomicInteger();
    /** Set when a run the lane had no room for stayed in the store only: the next store read should find it. */
    private volatile boolean overflowed;
    private volatile boolean retired;
    private final CompletableFuture<Void> idle = new CompletableFuture<>();

    HandlerLane(HandlerRunner runner) {
        this.runner = runner;
    }

    String name() {
        return runner.name();
    }

    HandlerRunner runner() {
        return runner;
    }

    /** Whether a run with a body of this size may wait here; an empty lane takes any one run. */
    boolean hasRoomFor(int bodyBytes) {
        int runs = waitingRuns.get();
        return runs == 0 || runs < MAX_WAITING_RUNS && waitingBytes.get() + bodyBytes <= MAX_WAITING_BYTES;
    }

    /** How many more runs may wait here, by count alone. */
    int roomByCount() {
        return MAX_WAITING_RUNS - waitingRuns.get();
    }

    void add(ReadyRun run) {
        unrecorded.incrementAndGet();
        waitingRuns.incrementAndGet();
        waitingBytes.addAndGet(run.run().delivery().body().length);
        waiting.add(run);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** The oldest waiting run, or null. */
    ReadyRun poll() {
        ReadyRun run = waiting.poll();
        if (run != null) {
            waitingRuns.decrementAndGet();
            waitingBytes.addAndGet(-run.run().delivery().body().length);
        }
        return run;
    }

    /** Asks to drain; true if the caller is now the one thread draining (else the drainer goes round again). */
    boolean enterDrain() {
        return drainRequests.getAndIncrement() == 0;
    }

    /**
     * The drainer has served {@code served} requests with the round it just finished; returns the requests that came
     * in the meantime (serve them with another round), or 0: it is no longer draining.
     */
    int drained(int served) {
        return drainRequests.addAndGet(-served);
    }

    /** Takes a call slot if the handler's concurrency limit leaves one. */
    boolean acquireCall() {
        int max = runner.policy().maxConcurrent();
        while (true) {
            int now = calls.get();
            if (now >= max) {
                return false;
            }
            if (calls.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void releaseCall() {
        calls.decrementAndGet();
    }

    int calls() {
        return calls.get();
    }

    /** A run of this lane is recorded (or given back to the store): it no longer counts as in memory. */
    void runEnded() {
        unrecorded.decrementAndGet();
    }

    /** Runs of this handler in memory or in flight: pending in the store, to be read past. */
    int inFlight() {
        return unrecorded.get();
    }

    void overflowed() {
        overflowed = true;
    }

    /** Called just before a store read that looks for everything the lane could not take. */
    void caughtUp() {
        overflowed = false;
    }

    /** Whether runs are known to wait in the store only, and the lane has drained enough to take a read's worth. */
    boolean runsLow() {
        return overflowed && waitingRuns.get() <= MAX_WAITING_RUNS / 2;
    }

    /** No call starts from now on; the dispatcher gives the waiting runs back. */
    void retire() {
        retired = true;
    }

    boolean retired() {
        return retired;
    }

    /** Completes once the lane is retired and its last call has returned. */
    CompletableFuture<Void> idle() {
        return idle;
    }

    /** Completes {@link #idle()} if the lane is retired and no call runs; called by the one thread draining it. */
    void completeIfIdle() {
        if (retired && calls.get() == 0) {
            idle.complete(null);
        }
    }
}
