package dev.hookyard.server.store;

import java.time.Duration;

/**
 * How appends reach the disk. With group commit, request threads hand their deliveries to the store's single
 * writer thread, which writes everything queued (up to a batch limit) in one transaction and one fsync, then
 * answers every request of the batch; without it, each append commits on its own, on the caller's thread.
 *
 * @param group          whether concurrent appends share commits
 * @param maxBatch       most appends in one transaction (at least 1)
 * @param maxBatchBytes  a batch takes no further append once its bodies and headers reach this many bytes
 * @param appendTimeout  how long an append waits for its commit before it is answered "unavailable"; longer than
 *                       SQLite's busy timeout, so a lock held elsewhere shows as the store's own error
 * @param maxQueued      appends waiting for the writer beyond which new ones are refused at once
 */
public record CommitPolicy(boolean group, int maxBatch, long maxBatchBytes, Duration appendTimeout, int maxQueued) {

    /** The default: group commit, up to 256 appends or 8 MiB per transaction. */
    public static final CommitPolicy GROUP = new CommitPolicy(true, 256, 8L * 1024 * 1024, Duration.ofSeconds(20),
            10_000);

    /** One transaction per append on the caller's thread (the behaviour before group commit; for comparison). */
    public static final CommitPolicy ONE_PER_APPEND = new CommitPolicy(false, 1, Long.MAX_VALUE,
            Duration.ofSeconds(20), 10_000);

    public CommitPolicy {
        if (maxBatch < 1 || maxBatchBytes < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("batch limits and queue bound must be positive");
        }
        if (appendTimeout.isNegative() || appendTimeout.isZero()) {
            throw new IllegalArgumentException("appendTimeout must be positive");
        }
    }
}
