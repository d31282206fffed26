package dev.hookyard.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database from a thread and connection of its own, so that no commit ever
 * waits for a checkpoint. SQLite would otherwise checkpoint inside whichever commit crosses its threshold: that
 * commit's senders then wait for thousands of pages to be copied and the database file to be flushed.
 *
 * <p>Every round is a passive checkpoint (it never blocks the writer, and copies what has been committed so far).
 * Under steady load a passive checkpoint rarely catches up with the last commit, and the log can only start over
 * once one has; so when the log has grown past its limit, a restart checkpoint holds the store's write lock (commits
 * wait) while it copies the rest and lets the next transaction start the log from the beginning. By then nearly
 * everything has been copied, so that wait is short.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final String storeName;
    private final Connection connection;
    private final long restartPages;
    private final ReentrantLock writeLock;
    private final ScheduledExecutorService thread;
    private long failures;

    /**
     * @param connection   a connection of the checkpointer's own (closed by {@link #close()})
     * @param periodMillis how often a passive checkpoint runs
     * @param restartPages log pages beyond which a round restarts the log
     * @param writeLock    the store's write lock, held through a restart
     */
    WalCheckpointer(String storeName, Connection connection, long periodMillis, long restartPages,
                    ReentrantLock writeLock) {
        this.storeName = storeName;
        this.writeLock = writeLock;
        this.connection = connection;
        this.restartPages = restartPages;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "hookyard-checkpt");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::round, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** One round; also callable directly (tests). Returns the log's size in pages after it, or -1 on failure. */
    synchronized long round() {
        try {
            long logPages = checkpoint("PASSIVE");
            if (logPages > restartPages) {
                // Under the store's write lock: SQLite would make the restart wait for a moment between two of the
                // writer's transactions, and a writer that never pauses would starve it.
                writeLock.lock();
                try {
                    logPages = checkpoint("RESTART");
                } finally {
                    writeLock.unlock();
                }
            }
            failures = 0;
            return logPages;
        } catch (SQLException e) {
            // Nothing is lost: the log keeps everything until a later round (or the next start) copies it.
            if (failures++ % 100 == 0) {
                LOG.warn("Store {}: checkpoint failed ({} in a row), will retry: {}", storeName, failures,
                        e.getMessage());
            }
            return -1;
        }
    }

    private long checkpoint(String mode) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            // One row: busy (could not finish), pages in the log, pages copied.
            return rs.next() ? rs.getLong(2) : 0;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Store {}: closing the checkpointer failed: {}", storeName, e.getMessage());
            }
        }
    }
}
