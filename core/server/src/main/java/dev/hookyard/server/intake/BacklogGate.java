package dev.hookyard.server.intake;

import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new deliveries while the undelivered backlog (pending handler runs) is at {@code store.maxBacklog}: what
 * handlers cannot keep up with is better left with the sender (503 with Retry-After) than piled up without bound.
 *
 * <p>Asked on every request, so it reads only the store's in-memory counter. It closes at the limit and opens
 * again once the backlog is a tenth below it, so that a backlog hovering at the limit does not flip it (and its
 * log line) on every request; each change is logged once. Before closing it recounts the store (at most once a
 * second), so a counter that drifted high can never keep it closed; and it recounts once a minute anyway, since
 * writes made beside the store's own (replay and purge through the management API or the CLI, which may run in
 * another process) change the backlog without telling the counter.
 */
public final class BacklogGate {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogGate.class);
    private static final long RECOUNT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long RESYNC_INTERVAL_NANOS = 60_000_000_000L;

    private final DeliveryStore store;
    private final long limit;
    private final long reopenBelow;
    private final AtomicLong lastRecount = new AtomicLong(System.nanoTime() - RECOUNT_INTERVAL_NANOS);
    private volatile boolean closed;

    public BacklogGate(DeliveryStore store, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxBacklog must be at least 1");
        }
        this.store = store;
        this.limit = limit;
        this.reopenBelow = Math.max(1, limit - Math.max(1, limit / 10));
    }

    /** Whether a new delivery may be accepted now. */
    public boolean admits() {
        long backlog = resyncIfDue();
        if (closed) {
            if (backlog < reopenBelow) {
                open(backlog);
                return true;
            }
            return false;
        }
        if (backlog < limit) {
            return true;
        }
        backlog = recount(backlog);
        if (backlog < limit) {
            return true;
        }
        close(backlog);
        return false;
    }

    /** The configured bound. */
    public long limit() {
        return limit;
    }

    private long resyncIfDue() {
        long now = System.nanoTime();
        long last = lastRecount.get();
        if (now - last >= RESYNC_INTERVAL_NANOS && lastRecount.compareAndSet(last, now)) {
            try {
                return store.recountBacklog();
            } catch (StoreUnavailableException e) {
                // keep the counter; the next minute tries again
            }
        }
        return store.backlog();
    }

    private long recount(long backlog) {
        long now = System.nanoTime();
        long last = lastRecount.get();
        if (now - last < RECOUNT_INTERVAL_NANOS || !lastRecount.compareAndSet(last, now)) {
            return backlog;
        }
        try {
            return store.recountBacklog();
        } catch (StoreUnavailableException e) {
            return backlog;
        }
    }

    private synchronized void close(long backlog) {
        if (!closed) {
            closed = true;
            LOG.warn("Backlog of {} pending handler runs reached store.maxBacklog ({}): new deliveries are answered"
                    + " 503 with Retry-After until handlers bring it below {}", backlog, limit, reopenBelow);
        }
    }

    private synchronized void open(long backlog) {
        if (closed) {
            closed = false;
            LOG.info("Backlog down to {} pending handler runs (store.maxBacklog {}): accepting deliveries again",
                    backlog, limit);
        }
    }
}
