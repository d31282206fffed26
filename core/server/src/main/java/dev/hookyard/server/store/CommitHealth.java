package dev.hookyard.server.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store can commit now, as its writer last found out: readiness and the dispatcher's outcome recorder
 * read it, so neither needs a write of its own to tell.
 *
 * <p>Any write transaction that fails (an append batch, an outcome batch, a recovery probe) makes it failing; only a
 * transaction of the size of an append makes it committing again (an append batch, or the writer's recovery probe,
 * see {@link GroupCommit}): an outcome batch updates rows in place and can commit on a disk that has no room left
 * for a delivery, and readiness must not flap with it. Each change is logged once; while failing, a reminder every
 * 30 seconds.
 */
public final class CommitHealth {

    /** What the writer last found. */
    public sealed interface Status {

        /** Its last transaction committed. */
        record Committing() implements Status {
        }

        /**
         * Its transactions fail.
         *
         * @param since    when the first of them failed
         * @param failures failed transactions since then
         * @param cause    the last one's error
         */
        record Failing(Instant since, long failures, String cause) implements Status {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CommitHealth.class);
    private static final Status COMMITTING = new Status.Committing();
    private static final long REMINDER_NANOS = Duration.ofSeconds(30).toNanos();

    private final String storeName;
    private final Clock clock;
    private volatile Status status = COMMITTING;
    /** When the last line about failing commits was logged; guarded by {@code this}. */
    private long lastLoggedNanos;

    public CommitHealth(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    /** What the writer last found: committing, or failing since when and why. */
    public Status status() {
        return status;
    }

    /** A transaction of the size of an append has committed. */
    public void committed() {
        if (status instanceof Status.Committing) {
            return; // the writer's hot path: one volatile read
        }
        synchronized (this) {
            if (status instanceof Status.Failing failing) {
                LOG.info("Store {} commits again, after {} failed transactions since {}", storeName,
                        failing.failures(), failing.since());
            }
            status = COMMITTING;
        }
    }

    /** A write transaction failed and was rolled back. */
    public synchronized void failed(Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        long now = System.nanoTime();
        if (status instanceof Status.Failing failing) {
            status = new Status.Failing(failing.since(), failing.failures() + 1, reason);
            if (now - lastLoggedNanos >= REMINDER_NANOS) {
                lastLoggedNanos = now;
                LOG.error("Store {} still cannot commit ({} failed transactions since {}): {}", storeName,
                        failing.failures() + 1, failing.since(), reason);
            }
            return;
        }
        status = new Status.Failing(clock.instant(), 1, reason);
        lastLoggedNanos = now;
        LOG.error("Store {} cannot commit: deliveries are answered 503 with Retry-After and /health/ready fails"
                + " until it can: {}", storeName, cause.toString());
    }
}
