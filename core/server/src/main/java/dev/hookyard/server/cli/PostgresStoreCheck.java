package dev.hookyard.server.cli;

import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.postgres.PostgresSchema;
import dev.hookyard.server.store.postgres.PostgresSchema.SchemaVersion;
import dev.hookyard.server.store.postgres.PostgresSettings;
import java.util.List;

/**
 * What {@code hookyard check} says of a PostgreSQL store: whether it can connect, and the schema's version against
 * this build's. It changes nothing: a schema that is missing or older is migrated by the next node to start.
 */
final class PostgresStoreCheck {

    /**
     * What was found.
     *
     * @param problems what stops a node from starting on this store (empty if none)
     * @param summary  one line on the store for the OK report
     */
    record Result(List<ConfigProblem> problems, String summary) {
    }

    private PostgresStoreCheck() {
    }

    static Result check(PostgresSettings settings) {
        SchemaVersion version;
        try {
            version = PostgresSchema.inspect(settings);
        } catch (StoreUnavailableException e) {
            // The driver's message says what failed (no route, authentication, unknown database); never the password.
            return new Result(List.of(new ConfigProblem("store", e.getMessage(), "check store.url, store.user and"
                    + " store.password, and that this machine may reach the database")), "");
        }
        String applied = version.applied().map(v -> "schema version " + v).orElse("no schema yet");
        String next = version.applied().filter(version.known()::equals).isPresent() ? ""
                : ", which the next node to start migrates to version " + version.known();
        return new Result(List.of(), "store: " + settings.location() + ": connected, " + applied + next);
    }
}
