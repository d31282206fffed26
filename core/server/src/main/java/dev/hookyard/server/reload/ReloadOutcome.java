package dev.hookyard.server.reload;

import dev.hookyard.server.config.ConfigProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What one reload came to. Names, key paths and a hash only: never a value from the configuration. */
public sealed interface ReloadOutcome {

    /** What asked for it. */
    ReloadTrigger trigger();

    /** When it finished. */
    Instant at();

    /** The configuration file read. */
    Path file();

    /**
     * The new configuration is in use.
     *
     * @param fileSha256   the SHA-256 of the file now in use
     * @param endpoints    endpoint names added, removed and changed (secrets, options, limits, access rules)
     * @param handlers     handler names added, removed and rebuilt (type or options changed); the others kept their
     *                     instance
     * @param routes       how many routes are in use now
     * @param needsRestart keys whose new value is not applied until the next restart
     */
    record Applied(ReloadTrigger trigger, Instant at, Path file, String fileSha256, Changes endpoints, Changes handlers,
                   int routes, List<String> needsRestart) implements ReloadOutcome {

        public Applied {
            needsRestart = List.copyOf(needsRestart);
        }
    }

    /**
     * The configuration was refused; the running one stays in use.
     *
     * @param problems what {@code hookyard check} reports for the file, by key
     */
    record Refused(ReloadTrigger trigger, Instant at, Path file, List<ConfigProblem> problems) implements ReloadOutcome {

        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** Names added, removed and changed by a reload, each list in configuration order. */
    record Changes(List<String> added, List<String> removed, List<String> changed) {

        public Changes {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }
}
