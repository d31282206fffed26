package dev.hookyard.server.store;

import java.sql.SQLException;

/**
 * Real faults for a real {@link SqliteDeliveryStore}, for tests in other packages: SQLite itself refuses the writes.
 * A full disk is simulated by capping the database file at its current size on the writer connection
 * ({@code PRAGMA max_page_count}), so every write that needs a new page fails with SQLITE_FULL exactly as it would on
 * a full file system; a store that cannot write at all, by making the writer connection read-only
 * ({@code PRAGMA query_only}), so every write fails with SQLITE_READONLY, as on a file it may not write.
 */
public final class StoreFaults {

    private StoreFaults() {
    }

    /** From now on the file cannot grow: writes that need a new page fail with SQLITE_FULL. */
    public static void fillDisk(DeliveryStore store) {
        limit(store, 1);
    }

    /** Space again: the file may grow as far as SQLite allows. */
    public static void freeDisk(DeliveryStore store) {
        limit(store, Integer.MAX_VALUE);
    }

    /** From now on every write fails with SQLITE_READONLY, updates in place included. */
    public static void refuseWrites(DeliveryStore store) {
        try {
            sqlite(store).refuseWrites(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes are allowed again. */
    public static void allowWrites(DeliveryStore store) {
        try {
            sqlite(store).refuseWrites(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Holds the store's write lock on the calling thread until the handle is closed (on the same thread): appends
     * queue up for the writer meanwhile.
     */
    public static AutoCloseable holdWrites(DeliveryStore store) {
        return sqlite(store).holdWrites();
    }

    /** Appends handed to the writer since the store opened (committed, waiting, or being written). */
    public static long submittedAppends(DeliveryStore store) {
        return sqlite(store).submittedAppends();
    }

    private static void limit(DeliveryStore store, long pages) {
        try {
            sqlite(store).limitPages(pages);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SqliteDeliveryStore sqlite(DeliveryStore store) {
        return (SqliteDeliveryStore) store;
    }
}
