package dev.hookyard.server.store;

import java.util.List;

/**
 * Told by the store's writer about the handler runs a transaction adds, before it commits: no reader can see those
 * runs pending before whoever dispatches them in memory knows they are coming, so a store read cannot start a run
 * that is about to be handed over. Called on the writer's thread with the write lock held: it must be quick.
 */
public interface RunReservations {

    /** Nobody dispatches from memory. */
    RunReservations NONE = new RunReservations() {
        @Override
        public void reserve(long deliveryId, List<String> handlers) {
        }

        @Override
        public void release(long deliveryId, List<String> handlers) {
        }
    };

    /** The delivery's runs are written and about to be committed. */
    void reserve(long deliveryId, List<String> handlers);

    /** The transaction that wrote them failed: they do not exist. */
    void release(long deliveryId, List<String> handlers);
}
