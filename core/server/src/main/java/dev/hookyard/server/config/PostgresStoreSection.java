package dev.hookyard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.server.store.postgres.PostgresSettings;
import dev.hookyard.spi.Secret;
import java.time.Duration;
import java.util.Set;

/**
 * Reads the keys of {@code store:} that {@code type: postgres} adds. Like the rest of the configuration, problems
 * name the key and never echo a value: the URL may carry options, and the password is a secret (a reference such as
 * {@code ${env:HOOKYARD_DB_PASSWORD}}, resolved here and kept only as a {@link Secret}).
 */
final class PostgresStoreSection {

    /** Keys that only the PostgreSQL store reads. */
    static final Set<String> POSTGRES_KEYS = Set.of("url", "user", "password", "poolSize", "schema", "leaseTime");
    /** Keys that only the embedded store reads. */
    static final Set<String> EMBEDDED_KEYS = Set.of("path");

    private PostgresStoreSection() {
    }

    /** Reports the keys given that the chosen store type does not read. */
    static void checkKeysOfType(ConfigLoader.Section section, JsonNode store, boolean postgres) {
        Set<String> foreign = postgres ? EMBEDDED_KEYS : POSTGRES_KEYS;
        store.fieldNames().forEachRemaining(field -> {
            if (foreign.contains(field)) {
                section.problem("store." + field, postgres ? "applies to the embedded store only"
                                : "applies to store.type: postgres only",
                        postgres ? "remove it: the PostgreSQL store keeps nothing on this node's disk"
                                : "remove it, or set type: postgres");
            }
        });
    }

    /** The PostgreSQL settings of {@code store}; null after reporting a problem that leaves them incomplete. */
    static PostgresSettings read(ConfigLoader.Section section, JsonNode store) {
        String url = section.text(store, "store", "url", null);
        boolean complete = true;
        if (url == null || url.isBlank()) {
            section.problem("store.url", "is required for type: postgres",
                    "add url: jdbc:postgresql://HOST:5432/DATABASE");
            complete = false;
        } else if (!url.startsWith(PostgresSettings.URL_PREFIX)) {
            section.problem("store.url", "is not a PostgreSQL JDBC URL",
                    "write url: jdbc:postgresql://HOST:5432/DATABASE");
            complete = false;
        } else if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            // A password in the URL would show wherever the URL does (logs, errors): it has a key of its own.
            section.problem("store.url", "carries a password", "remove it from the URL and set password:"
                    + " \"${env:HOOKYARD_DB_PASSWORD}\"");
            complete = false;
        }
        String user = section.text(store, "store", "user", null);
        if (user == null || user.isBlank()) {
            section.problem("store.user", "is required for type: postgres", "add user: hookyard");
            complete = false;
        }
        Secret password = null;
        if (store.has("password") && !store.path("password").isNull()) {
            section.noteLiteral("store.password", store.path("password"));
            String value = section.text(store, "store", "password", null);
            if (value != null && value.isEmpty()) {
                section.problem("store.password", "is empty", "set password: \"${env:HOOKYARD_DB_PASSWORD}\", or"
                        + " remove it if the server needs no password");
            } else if (value != null) {
                password = Secret.of(value);
            }
        }
        int poolSize = (int) section.number(store, "store", "poolSize", PostgresSettings.DEFAULT_POOL_SIZE,
                PostgresSettings.MIN_POOL_SIZE, PostgresSettings.MAX_POOL_SIZE);
        String schema = section.text(store, "store", "schema", PostgresSettings.DEFAULT_SCHEMA);
        if (!PostgresSettings.SCHEMA_NAME.matcher(schema).matches()) {
            section.problem("store.schema", "is not a lower-case identifier",
                    "use lower-case letters, digits and '_', e.g. schema: " + PostgresSettings.DEFAULT_SCHEMA);
            complete = false;
        }
        Duration lease = section.duration(store, "store", "leaseTime", PostgresSettings.MIN_LEASE_TIME,
                PostgresSettings.MAX_LEASE_TIME);
        if (!complete) {
            return null;
        }
        return new PostgresSettings(url, user, password, poolSize, schema,
                lease != null ? lease : PostgresSettings.DEFAULT_LEASE_TIME);
    }
}
