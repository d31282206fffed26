package dev.hookyard.server.cli;

import dev.hookyard.server.config.HookyardConfig.PluginSettings;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.plugin.PluginConflictException;
import dev.hookyard.server.plugin.PluginFailurePolicy;
import dev.hookyard.server.plugin.PluginLoadException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}, shared by the commands that need the installed vendors and handler types: what ships in
 * {@code lib/} plus every plugin in the plugins directory, discovered exactly as {@code hookyard run} does.
 */
final class PluginsOption {

    @Option(names = {"--plugins"}, paramLabel = "DIR",
            description = "Plugins directory: one JAR, or one folder of JARs, per plugin; relative to the Hookyard"
                    + " home as for 'run' (default: for check, plugins.directory of the configuration; else"
                    + " plugins/).")
    Path plugins;

    /** The plugins directory, absolute. */
    Path directory(CommandEnvironment environment) {
        return environment.resolve(plugins != null ? plugins : Path.of("plugins"));
    }

    /**
     * Discovers the installed plugins; a plugin that cannot be loaded, or two contributing the same id, is a
     * {@link CommandFailedException} with {@link ExitCodes#CONFIG}. The caller closes the result.
     */
    InstalledPlugins discover(CommandEnvironment environment) {
        return discover(directory(environment), PluginFailurePolicy.FAIL);
    }

    /** As {@link #discover(CommandEnvironment)}, where the configuration says (unless {@code --plugins} is given). */
    InstalledPlugins discover(CommandEnvironment environment, PluginSettings settings) {
        return discover(plugins != null ? directory(environment) : settings.directory(), settings.onError());
    }

    private static InstalledPlugins discover(Path directory, PluginFailurePolicy onError) {
        try {
            return InstalledPlugins.discover(directory, onError);
        } catch (PluginLoadException | PluginConflictException e) {
            throw new CommandFailedException(ExitCodes.CONFIG, e.getMessage());
        }
    }
}
