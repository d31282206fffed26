package dev.hookyard.server.inspect;

import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges deliveries by age: those received longer ago than the retention period whose work is over (done, failed
 * or unrouted). Undelivered work (pending) is purged only when asked explicitly. The server runs it once at start
 * and then once a day; the CLI and the management API run it on demand.
 */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final Duration PERIOD = Duration.ofDays(1);

    private final DeliveryQueries queries;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public Retention(DeliveryQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * What a purge did.
     *
     * @param cutoff  deliveries received before this were considered
     * @param count   how many were deleted (on a dry run: would be)
     * @param dryRun  whether nothing was deleted
     */
    public record Result(Instant cutoff, long count, boolean dryRun) {
    }

    /** Purges (or counts, on a dry run) deliveries older than {@code olderThan}. */
    public Result purge(Duration olderThan, boolean includePending, boolean dryRun) throws StoreUnavailableException {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("the age must not be negative");
        }
        Instant cutoff = clock.instant().minus(olderThan);
        return new Result(cutoff, queries.purge(cutoff, includePending, dryRun), dryRun);
    }

    /** Purges finished deliveries older than {@code days} now and then once a day; 0 days keeps everything. */
    public synchronized void schedule(int days) {
        if (days <= 0) {
            LOG.info("Retention off (store.retentionDays: 0): deliveries are kept until purged");
            return;
        }
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hookyard-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleAtFixedRate(() -> purgeQuietly(days), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly(int days) {
        try {
            Result result = purge(Duration.ofDays(days), false, false);
            if (result.count() > 0) {
                LOG.info("Retention: purged {} finished deliveries received before {} ({} days)", result.count(),
                        result.cutoff(), days);
            } else {
                LOG.debug("Retention: nothing received before {} to purge", result.cutoff());
            }
        } catch (StoreUnavailableException | RuntimeException e) {
            // Logged, not thrown: a throwing task would cancel every later run.
            LOG.warn("Retention purge failed, tried again in {}: {}", PERIOD, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            try {
                schedule.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            schedule = null;
        }
    }
}
