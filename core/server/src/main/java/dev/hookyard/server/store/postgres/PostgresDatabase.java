package dev.hookyard.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.hookyard.server.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The connections of one node to the shared PostgreSQL store: a HikariCP pool whose connections all work in the
 * configured schema, and single connections outside the pool for whoever holds one for long (the wake-up listener).
 * Opening it migrates the schema ({@link PostgresSchema}) and checks that commits are durable.
 */
public final class PostgresDatabase implements AutoCloseable {

    /**
     * How long a caller waits for a pooled connection: well inside the append timeout, so that with the database
     * gone an append fails (503) with the pool's reason rather than the writer's timeout.
     */
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;
    /** Seconds pgjdbc waits for a TCP connection, and for any answer on one (a hung server, a lost network). */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int SOCKET_TIMEOUT_SECONDS = 120;
    /**
     * Run on every new pooled connection: a session whose commits return before they are durable
     * ({@code synchronous_commit = off}, from the role, the database, the server or the URL's options) is refused,
     * since a delivery answered 2xx on it could be lost in a crash of the database server. At start this stops the
     * node; later (someone changed the setting meanwhile) it fails the appends that would have used the connection.
     */
    private static final String REFUSE_ASYNCHRONOUS_COMMITS = """
            DO $$ BEGIN
              IF current_setting('synchronous_commit') = 'off' THEN
                RAISE EXCEPTION 'synchronous_commit = off for user %: a delivery answered 2xx could be lost in a'
                  ' crash of the database server. Turn it on (ALTER ROLE % SET synchronous_commit = on; or in'
                  ' postgresql.conf, or remove it from the URL''s options)', current_user, current_user;
              END IF;
            END $$""";

    private final PostgresSettings settings;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Connects, migrates the schema to this build's version (or, unless {@code migrate}, checks that it is at that
     * version) and checks {@code synchronous_commit}; throws if the database cannot be reached, its schema is newer
     * than this build knows (or, unless {@code migrate}, older), or commits would not be durable.
     */
    public static PostgresDatabase open(PostgresSettings settings, boolean migrate) throws StoreUnavailableException {
        return open(settings, migrate, null);
    }

    /** As above, the pool's figures (connections in use, idle, waited for) reported to {@code registry} if given. */
    static PostgresDatabase open(PostgresSettings settings, boolean migrate, MeterRegistry registry)
            throws StoreUnavailableException {
        HikariConfig config = new HikariConfig();
        if (registry != null) {
            // hikaricp_connections_* tagged pool="hookyard-db", on the node's /metrics.
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        config.setPoolName("hookyard-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(2_000);
        // Fail at once when the database cannot be reached at start: the schema must be checked before serving.
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        // Every pooled connection works in Hookyard's schema (which the migration below may only now create).
        config.setSchema(settings.schema());
        config.setConnectionInitSql(REFUSE_ASYNCHRONOUS_COMMITS);
        connectionProperties(settings).forEach((k, v) -> config.addDataSourceProperty((String) k, v));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to " + settings.location() + ": "
                    + rootMessage(e), e);
        }
        try {
            if (migrate) {
                PostgresSchema.migrate(settings);
            } else {
                PostgresSchema.requireCurrent(settings);
            }
        } catch (StoreUnavailableException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresDatabase(settings, pool);
    }

    /** pgjdbc's options: the same for the pool and the single connections. Never holds the password. */
    private static Properties connectionProperties(PostgresSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "hookyard");
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    /** A pooled connection, working in Hookyard's schema, in auto-commit mode; close it to give it back. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** A connection of its own, outside the pool (to hold for long); the caller closes it. */
    Connection dedicatedConnection() throws SQLException {
        Properties properties = connectionProperties(settings);
        properties.setProperty("user", settings.user());
        if (settings.password() != null) {
            properties.setProperty("password", settings.password().reveal());
        }
        Connection connection = DriverManager.getConnection(settings.url(), properties);
        try (Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + settings.schema());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Work done in one transaction on one pooled connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction and commits it; rolls it back if it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is likely gone; the pool discards it
                }
                throw e;
            }
        }
    }

    public PostgresSettings settings() {
        return settings;
    }

    /** The channel of wake-ups between the nodes sharing this schema (an identifier: the schema is one too). */
    String channel() {
        return "hookyard_" + settings.schema();
    }

    /** A failure's message, as the operator needs it: the innermost cause says what went wrong. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}
