package dev.hookyard.server.store.postgres;

import dev.hookyard.spi.Secret;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where and how a node reaches the shared PostgreSQL store ({@code store.type: postgres}).
 *
 * @param url       the JDBC URL, {@code jdbc:postgresql://host:port/database}; never carries the password
 * @param user      the database user
 * @param password  that user's password, or null when the server needs none (trust or peer authentication)
 * @param poolSize  the most connections this node holds open (besides one that listens for wake-ups)
 * @param schema    the schema that holds Hookyard's tables: nodes sharing a store name the same one
 * @param leaseTime how long a node's claim on a handler run holds without being renewed: after a node dies, its
 *                  claimed work waits this long before another node runs it
 */
public record PostgresSettings(String url, String user, Secret password, int poolSize, String schema,
                               Duration leaseTime) {

    /** Default {@link #poolSize}. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Fewest connections that work: the append writer and one for everything else. */
    public static final int MIN_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 200;
    /** Default {@link #schema}. */
    public static final String DEFAULT_SCHEMA = "hookyard";
    /** Default {@link #leaseTime}. */
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);
    public static final Duration MIN_LEASE_TIME = Duration.ofSeconds(1);
    public static final Duration MAX_LEASE_TIME = Duration.ofHours(1);
    /** Unquoted PostgreSQL identifiers, lower case (so they never need quoting). */
    public static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** The URL prefix pgjdbc answers to. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public PostgresSettings {
        if (url == null || !url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("the URL must start with " + URL_PREFIX);
        }
        if (poolSize < MIN_POOL_SIZE || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize must be between " + MIN_POOL_SIZE + " and " + MAX_POOL_SIZE);
        }
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("the schema must be a lower-case identifier");
        }
        if (leaseTime.compareTo(MIN_LEASE_TIME) < 0 || leaseTime.compareTo(MAX_LEASE_TIME) > 0) {
            throw new IllegalArgumentException("leaseTime must be between 1s and 1h");
        }
    }

    /** The URL without its query string (where options, and a misplaced password, would be): for messages. */
    public String shownUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Where the store is, for messages and logs: never the password. */
    public String location() {
        return "PostgreSQL schema " + schema + " at " + shownUrl();
    }
}
