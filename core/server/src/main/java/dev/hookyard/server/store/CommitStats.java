package dev.hookyard.server.store;

/**
 * What the store's writer has done since it opened.
 *
 * @param batches       transactions committed
 * @param appends       appends they held (stored and duplicates)
 * @param failedBatches transactions that failed and were rolled back (every append in them was refused)
 */
public record CommitStats(long batches, long appends, long failedBatches) {

    /** Appends per committed transaction, 0 before the first. */
    public double averageBatch() {
        return batches == 0 ? 0 : (double) appends / batches;
    }
}
