package dev.hookyard.server.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the commands read from outside their arguments: environment variables (secrets are passed in them) and the
 * Hookyard home directory that relative paths resolve against. Injectable so that tests run commands in-process.
 *
 * @param home      the Hookyard home directory (absolute)
 * @param variables looks up an environment variable; null when it is not set
 */
public record CommandEnvironment(Path home, Function<String, String> variables) {

    public CommandEnvironment {
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        Objects.requireNonNull(variables, "variables");
    }

    /** This process's environment, and the home set by {@code bin/hookyard} (or the working directory). */
    public static CommandEnvironment system() {
        return new CommandEnvironment(HookyardHome.directory(), System::getenv);
    }

    /** A path given on the command line or in the configuration, resolved against the home. */
    Path resolve(Path path) {
        return home.resolve(path).normalize();
    }
}
