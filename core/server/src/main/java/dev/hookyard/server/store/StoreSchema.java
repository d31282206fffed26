package dev.hookyard.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's tables and their versions ({@code PRAGMA user_version}), brought up to date when the store opens:
 * <ol>
 *   <li>deliveries and their handler runs;</li>
 *   <li>{@code store_settings}, which records the credential header rule the stored headers were last masked with
 *       (see {@link StoredHeaderMasking}); a store of version 1 has none, so its headers are masked on upgrade.</li>
 * </ol>
 * A store of a later version than this Hookyard knows is refused rather than written in a shape it does not know.
 */
public final class StoreSchema {

    /** The version this Hookyard writes ({@code PRAGMA user_version}). */
    public static final int VERSION = 2;

    private StoreSchema() {
    }

    /** Creates or upgrades the tables, each step in its own transaction. */
    static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > VERSION) {
            throw new SQLException("store schema version " + version + " is newer than this Hookyard ("
                    + VERSION + "); upgrade Hookyard");
        }
        if (version < 1) {
            step(c, 1, """
                    CREATE TABLE deliveries (
                      id INTEGER PRIMARY KEY,
                      endpoint TEXT NOT NULL,
                      vendor TEXT NOT NULL,
                      event_type TEXT NOT NULL,
                      delivery_key TEXT NOT NULL,
                      headers TEXT NOT NULL,
                      body BLOB NOT NULL,
                      received_at INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      UNIQUE (endpoint, delivery_key))""", """
                    CREATE TABLE handler_runs (
                      delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
                      handler TEXT NOT NULL,
                      status TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      next_due INTEGER NOT NULL,
                      last_error TEXT,
                      updated_at INTEGER NOT NULL,
                      PRIMARY KEY (delivery_id, handler))""",
                    "CREATE INDEX handler_runs_due ON handler_runs (status, next_due)",
                    "CREATE INDEX deliveries_received ON deliveries (received_at)");
        }
        if (version < 2) {
            step(c, 2, "CREATE TABLE store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
    }

    private static void step(Connection c, int toVersion, String... statements) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version=" + toVersion);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
