package dev.hookyard.server.store.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending handler runs of the whole shared store, as this node knows them: counted in the database every
 * {@link #RECOUNT_PERIOD}, and moved in between by this node's own writes. The nodes share the runs: a node records
 * the outcomes of runs another node stored (a dead node's, or any it claimed first), so its own writes alone would
 * drift away from the truth, below zero included; the recount brings every node back to the shared figure.
 */
final class SharedBacklog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBacklog.class);
    /** How often the count is taken again: what the other nodes wrote shows within this. */
    static final Duration RECOUNT_PERIOD = Duration.ofSeconds(1);

    /** Counts the pending runs in the database. */
    @FunctionalInterface
    interface Count {
        long pending() throws SQLException;
    }

    private final Count count;
    private final AtomicLong pending;
    private final ScheduledExecutorService recounter;

    SharedBacklog(Count count, long initial) {
        this.count = count;
        this.pending = new AtomicLong(initial);
        this.recounter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hookyard-backlog-count");
            thread.setDaemon(true);
            return thread;
        });
        long period = RECOUNT_PERIOD.toMillis();
        recounter.scheduleWithFixedDelay(this::recountQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The count; never below zero, though this node's writes since the last count may take it there for a moment
     * (it recorded runs that another node's appends, not yet counted, had added).
     */
    long get() {
        return Math.max(0, pending.get());
    }

    /** Adds what one of this node's committed transactions changed. */
    void add(long delta) {
        pending.addAndGet(delta);
    }

    /** Counts again now; returns the count. */
    long recount() throws SQLException {
        long counted = count.pending();
        pending.set(counted);
        return counted;
    }

    private void recountQuietly() {
        try {
            recount();
        } catch (SQLException | RuntimeException e) {
            // The database is away: appends fail meanwhile, and the count is taken again once it is back.
            LOG.debug("Could not count the pending handler runs: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        recounter.shutdownNow();
    }
}
