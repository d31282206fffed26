package dev.hookyard.server.cli;

import dev.hookyard.server.config.ProblemReport;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.plugin.LoadedPlugin;
import dev.hookyard.server.plugin.PluginFailurePolicy;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.VendorFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hookyard plugins}: each plugin in the plugins directory, loaded as {@code run} loads it, with how it was
 * isolated and what it contributes; each one that cannot be loaded with the message startup would stop with.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the plugins in the plugins directory, each loaded as 'run' loads it: its JAR or folder,"
                + " how it was loaded (own module layer, or own class loader), the vendors and handler types it"
                + " contributes, and each one's options. A plugin that cannot be loaded is listed with the message"
                + " startup would stop with."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every plugin loads", "1:unexpected failure", "2:a plugin cannot be loaded"})
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    HookyardCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        CommandEnvironment environment = parent.environment();
        Path directory = plugins.directory(environment);
        PrintWriter out = spec.commandLine().getOut();
        // Each plugin on its own: one that fails is reported and the others are still listed.
        try (InstalledPlugins installed = InstalledPlugins.discover(directory, PluginFailurePolicy.SKIP)) {
            for (LoadedPlugin plugin : installed.loaded()) {
                print(out, environment, plugin);
            }
            for (RuntimeException failure : installed.skipped()) {
                out.println("NOT LOADED: " + failure.getMessage());
            }
            out.println(ProblemReport.count(installed.loaded().size() + installed.skipped().size(), "plugin") + " in "
                    + directory + ": " + installed.loaded().size() + " loaded, " + installed.skipped().size()
                    + " cannot be loaded");
            return installed.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.CONFIG;
        }
    }

    private static void print(PrintWriter out, CommandEnvironment environment, LoadedPlugin plugin) {
        Path origin = plugin.source().origin();
        Path shown = origin.startsWith(environment.home()) ? environment.home().relativize(origin) : origin;
        out.println(shown + " (" + plugin.isolation() + ")");
        for (VendorFactory vendor : plugin.vendors()) {
            out.println("  vendor " + vendor.id() + " - " + vendor.description());
            OptionLines.print(out, "    ", vendor.options());
        }
        for (HandlerFactory handler : plugin.handlers()) {
            out.println("  handler type " + handler.type() + " - " + handler.description());
            OptionLines.print(out, "    ", handler.options());
        }
        if (plugin.vendors().isEmpty() && plugin.handlers().isEmpty()) {
            out.println("  contributes nothing");
        }
        out.println();
    }
}
