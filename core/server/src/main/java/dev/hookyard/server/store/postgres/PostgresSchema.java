package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.StoreUnavailableException;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The store's tables, by versioned Flyway migrations ({@code db/migration/postgresql/V<n>__*.sql} in this module),
 * applied when a node starts. Nodes starting together are safe: Flyway migrates under a lock of the database's. A
 * node never runs against a schema that a newer Hookyard has migrated further: it refuses to start and says so,
 * since it would not know what those changes mean.
 */
public final class PostgresSchema {

    /** Where the migrations are, on the class path or in this module. */
    static final String DIRECTORY = "db/migration/postgresql";
    static final String LOCATION = "classpath:" + DIRECTORY;

    private PostgresSchema() {
    }

    private static Flyway flyway(PostgresSettings settings) {
        return Flyway.configure(new MigrationResources(PostgresSchema.class.getClassLoader(), DIRECTORY))
                .dataSource(settings.url(), settings.user(),
                        settings.password() == null ? null : settings.password().reveal())
                .schemas(settings.schema())
                .createSchemas(true)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies the migrations this build has and the schema lacks; refuses a schema newer than this build. */
    static void migrate(PostgresSettings settings) throws StoreUnavailableException {
        try {
            Flyway flyway = flyway(settings);
            refuseNewer(flyway.info(), settings);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("cannot migrate " + settings.location() + ": "
                    + PostgresDatabase.rootMessage(e), e);
        }
    }

    /**
     * The schema's version and this build's, without changing anything ({@code hookyard check}); throws if the
     * database cannot be reached or its schema is newer than this build.
     */
    public static SchemaVersion inspect(PostgresSettings settings) throws StoreUnavailableException {
        try {
            MigrationInfoService info = flyway(settings).info();
            refuseNewer(info, settings);
            return new SchemaVersion(Optional.ofNullable(info.current()).map(m -> m.getVersion().getVersion()),
                    latestKnown(info));
        } catch (FlywayException e) {
            throw new StoreUnavailableException("cannot read the schema of " + settings.location() + ": "
                    + PostgresDatabase.rootMessage(e), e);
        }
    }

    /** Throws unless the schema is at exactly this build's version (for commands that never migrate). */
    static void requireCurrent(PostgresSettings settings) throws StoreUnavailableException {
        SchemaVersion version = inspect(settings);
        if (version.applied().isEmpty()) {
            throw new StoreUnavailableException("no Hookyard store in " + settings.location() + " (has a node"
                    + " started with this configuration?)", null);
        }
        if (!version.applied().get().equals(version.known())) {
            throw new StoreUnavailableException("the store's schema (" + settings.location() + ") is at version "
                    + version.applied().get() + ", older than this Hookyard's (" + version.known() + "): start a"
                    + " node of this version first, which migrates it", null);
        }
    }

    /**
     * Versions of the store's schema.
     *
     * @param applied the version the database is at; empty before the first node has started
     * @param known   the newest version this build has
     */
    public record SchemaVersion(Optional<String> applied, String known) {
    }

    private static void refuseNewer(MigrationInfoService info, PostgresSettings settings)
            throws StoreUnavailableException {
        Optional<MigrationInfo> future = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second);
        if (future.isPresent()) {
            throw new StoreUnavailableException("the store's schema (" + settings.location() + ") is at version "
                    + future.get().getVersion() + ", newer than this Hookyard knows (" + latestKnown(info)
                    + "): a newer Hookyard has migrated it; upgrade this node to that version", null);
        }
    }

    private static String latestKnown(MigrationInfoService info) {
        return Arrays.stream(info.all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .reduce((first, second) -> second)
                .orElse("none");
    }
}
