package dev.hookyard.server.store;

import java.sql.SQLException;
import java.util.List;

/**
 * The store's benchmark hooks, reachable from {@code dev.hookyard.bench} (the benchmarks run on the class path, where
 * this class shares the store's package): one transaction of a chosen number of appends, and {@code synchronous}.
 */
public final class StoreBenchAccess {

    private StoreBenchAccess() {
    }

    /** Writes {@code deliveries} in one transaction, as the group-commit writer writes one batch. */
    public static List<AppendResult> appendBatch(SqliteDeliveryStore store, List<NewDelivery> deliveries)
            throws SQLException {
        return store.appendBatchForBenchmark(deliveries);
    }

    /** {@code PRAGMA synchronous} of the store's writer: FULL (the store's setting) or OFF (no fsync). */
    public static void synchronous(SqliteDeliveryStore store, String mode) throws SQLException {
        store.synchronousForBenchmark(mode);
    }
}
