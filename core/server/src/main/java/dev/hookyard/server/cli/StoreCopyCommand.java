package dev.hookyard.server.cli;

import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.postgres.CopyResult;
import dev.hookyard.server.store.postgres.EmbeddedStoreCopy;
import dev.hookyard.server.store.postgres.PostgresSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hookyard store copy --to postgres}: an embedded store into the configured PostgreSQL store. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy the embedded (SQLite) store into the PostgreSQL store of the configuration"
                + " (store.type: postgres): every delivery with its handler runs (status, attempts, next due time)."
                + " Deliveries the target holds already (same endpoint and key) are skipped, so running it again"
                + " copies only what is missing. Copied deliveries get new ids.",
                "Refuses to start while any process has the embedded store open: stop its node first. The target's"
                        + " schema is created or migrated as a node would."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:copied (the counts are printed)", "1:unexpected failure",
                "2:the configuration or an argument is invalid",
                "3:the embedded store is in use, missing or of another version, or PostgreSQL cannot be reached"})
final class StoreCopyCommand implements Callable<Integer> {

    /** The only target there is; named on the command line so that the command says what it does. */
    enum Target { postgres }

    @ParentCommand
    StoreCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "TYPE", description = "The target store type: postgres.")
    Target to;

    @Option(names = "--from", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded store (holding hookyard.db), relative to the Hookyard home"
                    + " (default: ${DEFAULT-VALUE}).")
    Path from;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration whose store: section (type: postgres) is the target (default:"
                    + " conf/hookyard.yaml).")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandEnvironment environment = parent.parent.environment();
        Path file = environment.resolve(config != null ? config : Path.of("conf", "hookyard.yaml"));
        PostgresSettings target;
        try {
            // Endpoint secrets are not needed to copy: only the store: section must resolve.
            HookyardConfig loaded = ConfigLoader.forInspection(environment.home(), environment.variables())
                    .load(file);
            target = loaded.store().postgres();
        } catch (InvalidConfigException e) {
            err.println("hookyard: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (target == null) {
            err.println("hookyard: store copy --to postgres: the store: section of " + file + " must be the target,"
                    + " with type: postgres (see README, \"Running several nodes\")");
            return ExitCodes.CONFIG;
        }
        Path source = environment.resolve(from);
        try {
            CopyResult result = EmbeddedStoreCopy.copy(source, target);
            if (result instanceof CopyResult.Copied copied) {
                out.println("Copied " + copied.copied() + " deliveries with " + copied.runs() + " handler runs ("
                        + copied.pendingRuns() + " pending) from " + source + " to " + target.location()
                        + "; skipped " + copied.skipped() + " the target already had (same endpoint and key).");
                out.flush();
                return ExitCodes.OK;
            }
            // The only other result (sealed; Java 17 has no pattern switch).
            err.println("hookyard: store copy: " + ((CopyResult.Refused) result).reason());
            return ExitCodes.UNAVAILABLE;
        } catch (StoreUnavailableException e) {
            err.println("hookyard: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }
}
