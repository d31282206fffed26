package dev.hookyard.server.store;

/**
 * Told by a store shared between nodes that handler runs may have become due without a hand-off of this node's:
 * another node (or the CLI) replayed deliveries, or released its claims as it stopped. The dispatcher registers one
 * to read the store at once instead of at its next poll. Called on a thread of the store's: it must be quick.
 */
@FunctionalInterface
public interface RunsDueListener {

    /** Runs may be due now. */
    void runsDue();
}
