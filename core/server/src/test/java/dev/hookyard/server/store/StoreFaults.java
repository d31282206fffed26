package dev.hookyard.server.store;

import java.sql.SQLException;

/**
 * Real faults for a real {@link SqliteDeliveryStore}, for tests in other packages: a full disk, simulated by
 * capping the database file at its current size on the writer connection ({@code PRAGMA max_page_count}), so
 * every write that needs a new page fails with SQLITE_FULL exactly as it would on a full file system.
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

    private static void limit(DeliveryStore store, long pages) {
        try {
            ((SqliteDeliveryStore) store).limitPages(pages);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
