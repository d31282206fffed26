package dev.hookyard.server.cli;

import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.SqliteDeliveryQueries;
import dev.hookyard.server.store.postgres.PostgresDeliveryQueries;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.spi.CredentialHeaders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the store commands share: they read the configuration (to find {@code store.path}, and for replay the routes
 * and handler names) and work directly on the store file. SQLite in WAL mode lets them do so while a server runs on
 * the same file; a replayed run is then picked up by that server's dispatcher on its next poll.
 */
abstract class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: conf/hookyard.yaml in the Hookyard home); its store.path is"
                    + " the store worked on.")
    Path config;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The clock of the command (the system's). */
    final Clock clock = Clock.systemUTC();

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HookyardConfig loaded;
        try {
            Path home = HookyardHome.directory();
            // Secrets are not needed to inspect or replay: unresolvable references are tolerated outside store:.
            loaded = ConfigLoader.forInspection(home, System::getenv)
                    .load(config != null ? config : HookyardHome.defaultConfig());
        } catch (InvalidConfigException e) {
            err.println("hookyard: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (DeliveryQueries queries = openQueries(loaded)) {
            int status = run(loaded, queries, out, err);
            out.flush();
            return status;
        } catch (BadArgumentException e) {
            err.println("hookyard: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (StoreUnavailableException e) {
            err.println("hookyard: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }

    /** The configured store's queries: the embedded store's file, or the shared PostgreSQL schema. */
    static DeliveryQueries openQueries(HookyardConfig config) throws StoreUnavailableException {
        HookyardConfig.StoreSettings store = config.store();
        CredentialHeaders credentials = config.server().credentialHeaders();
        return store.postgres() != null ? PostgresDeliveryQueries.open(store.postgres(), credentials)
                : SqliteDeliveryQueries.open(store.directory(), credentials);
    }

    /** Does the work; returns the exit status. */
    abstract int run(HookyardConfig config, DeliveryQueries queries, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException;
}
