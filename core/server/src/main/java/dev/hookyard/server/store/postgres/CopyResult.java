package dev.hookyard.server.store.postgres;

/** What {@link EmbeddedStoreCopy} came to. */
public sealed interface CopyResult {

    /**
     * The copy ran to its end.
     *
     * @param copied      deliveries written to the target
     * @param skipped     deliveries the target had already (same endpoint and key): left as they are there
     * @param runs        handler runs written with the copied deliveries
     * @param pendingRuns of those, runs still owed to their handler (the target's nodes run them)
     */
    record Copied(long copied, long skipped, long runs, long pendingRuns) implements CopyResult {
    }

    /** The source cannot be copied now (a node has it open) or at all (missing, another version); nothing was done. */
    record Refused(String reason) implements CopyResult {
    }
}
