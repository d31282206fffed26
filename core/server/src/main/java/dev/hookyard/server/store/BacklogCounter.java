package dev.hookyard.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pending handler runs (the backlog), kept in memory so that reading it costs nothing per request: counted when
 * the store opens, then moved by each of the writer's commits by what it changed.
 *
 * <p>Other connections write to the same file too: replay and purge, from the management API or from the
 * {@code hookyard} commands in another process. SQLite's {@code data_version} on the writer's connection changes
 * exactly when another connection has committed, so every write transaction first asks it, and counts again when it
 * changed (inside the transaction, which holds SQLite's write lock: no other commit can come between the count and
 * the transaction's own changes). The counter is therefore exact after each of the writer's commits; between two
 * of them it may miss what another connection committed meanwhile, but never goes below zero: a replayed run is
 * counted before its outcome takes it away.
 */
final class BacklogCounter {

    private final AtomicLong pending = new AtomicLong();
    /** {@code data_version} when the writer last counted; touched only under the store's write lock. */
    private long countedAtVersion;

    /** Counts the backlog on {@code writer}, outside any transaction (the store is opening). */
    BacklogCounter(Connection writer) throws SQLException {
        recount(writer);
    }

    long get() {
        return pending.get();
    }

    /** Adds what a committed transaction changed. */
    void add(long delta) {
        pending.addAndGet(delta);
    }

    /**
     * Counts again if another connection committed since the last count. Called by the writer inside each write
     * transaction, before its own changes, with {@code dataVersion} the writer connection's prepared
     * {@code PRAGMA data_version}.
     */
    void catchUp(Connection writer, PreparedStatement dataVersion) throws SQLException {
        if (version(dataVersion) != countedAtVersion) {
            recount(writer);
        }
    }

    /** Counts the pending runs on {@code writer} (under the write lock), sets the counter and returns the count. */
    long recount(Connection writer) throws SQLException {
        // The version first: a commit between the two reads is then counted again at the next write, never missed.
        try (PreparedStatement dataVersion = writer.prepareStatement("PRAGMA data_version")) {
            countedAtVersion = version(dataVersion);
        }
        try (Statement s = writer.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM handler_runs WHERE status = 'pending'")) {
            rs.next();
            long counted = rs.getLong(1);
            pending.set(counted);
            return counted;
        }
    }

    private static long version(PreparedStatement dataVersion) throws SQLException {
        try (ResultSet rs = dataVersion.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
