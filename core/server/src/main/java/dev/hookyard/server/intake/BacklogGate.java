package dev.hookyard.server.intake;

import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new deliveries that would take the undelivered backlog (pending handler runs) past {@code store.maxBacklog}:
 * what handlers cannot keep up with is better left with the sender (503 with Retry-After) than piled up without bound.
 *
 * <p>Asked on every request, so it reads only the store's in-memory counter. That counter moves when a transaction
 * commits, but many deliveries wait for the same commit; so each admitted delivery reserves its runs here until its
 * append is answered, and a delivery is admitted only if the backlog, the runs reserved and its own runs stay within
 * the bound. The bound is therefore exact for deliveries: they never take the backlog past it (a replay, which is
 * not a delivery, can; and so can an append whose request the store stopped waiting for after twice its append
 * timeout, should it commit after all). The reservations are counted as two totals that only grow (reserved, released), so that an
 * admission can claim its runs with one compare-and-set that no interleaving can fool.
 *
 * <p>It closes when a delivery does not fit and opens again once the backlog is a tenth below the bound, so that a
 * backlog hovering at the bound does not flip it (and its log line) on every request; each change is logged once.
 * Before closing it recounts the store (at most once a second), so a counter that drifted high can never keep it
 * closed.
 */
public final class BacklogGate {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogGate.class);
    private static final long RECOUNT_INTERVAL_NANOS = 1_000_000_000L;

    private final DeliveryStore store;
    private final long limit;
    private final long reopenBelow;
    private final AtomicLong lastRecount = new AtomicLong(System.nanoTime() - RECOUNT_INTERVAL_NANOS);
    /** Runs ever reserved by admitted deliveries. */
    private final AtomicLong reservedTotal = new AtomicLong();
    /** Runs ever released again, once their delivery's append was answered. */
    private final AtomicLong releasedTotal = new AtomicLong();
    private volatile boolean closed;

    public BacklogGate(DeliveryStore store, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxBacklog must be at least 1");
        }
        this.store = store;
        this.limit = limit;
        this.reopenBelow = Math.max(1, limit - Math.max(1, limit / 10));
    }

    /**
     * Admits a delivery with {@code runs} handler runs, reserving them, if the backlog can take them; the caller then
     * {@link #release releases} them once the delivery's append is answered, whatever the answer.
     */
    public boolean reserve(int runs) {
        if (closed && backlogWithReserved() >= reopenBelow) {
            return false;
        }
        boolean recounted = false;
        while (true) {
            // In this order: a delivery released after the first read is still reserved in it, and one released
            // before it had committed its runs (the store counts them) before it was released.
            long reserved = reservedTotal.get();
            long inFlight = reserved - releasedTotal.get();
            long backlog = store.backlog();
            if (backlog + inFlight + runs > limit) {
                if (!recounted && recount()) {
                    recounted = true;
                    continue;
                }
                close(backlog + inFlight);
                return false;
            }
            // reservedTotal only grows: unchanged since it was read means no admission came in between.
            if (reservedTotal.compareAndSet(reserved, reserved + runs)) {
                if (closed) {
                    open(backlog + inFlight);
                }
                return true;
            }
        }
    }

    /** Gives back the runs a delivery reserved, once its append is answered (stored, duplicate or refused). */
    public void release(int runs) {
        releasedTotal.addAndGet(runs);
    }

    /** The configured bound. */
    public long limit() {
        return limit;
    }

    private long backlogWithReserved() {
        long inFlight = reservedTotal.get() - releasedTotal.get();
        return store.backlog() + inFlight;
    }

    /** Recounts the store unless it was recounted less than a second ago; whether it did. */
    private boolean recount() {
        long now = System.nanoTime();
        long last = lastRecount.get();
        if (now - last < RECOUNT_INTERVAL_NANOS || !lastRecount.compareAndSet(last, now)) {
            return false;
        }
        try {
            store.recountBacklog();
            return true;
        } catch (StoreUnavailableException e) {
            return false;
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
