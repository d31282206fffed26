package dev.hookyard.server.cli;

import dev.hookyard.server.assembly.PipelineAssembler;
import dev.hookyard.server.assembly.PipelineAssembler.Pipeline;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.DidYouMean;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.config.ProblemReport;
import dev.hookyard.server.config.RouteConfig;
import dev.hookyard.server.dispatch.Glob;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.plugin.InstalledPlugins;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hookyard check}: everything {@code hookyard run} does before it opens the store and the listener (read the
 * configuration, resolve its references, load the plugins, build the endpoints, handlers and routes), then stops.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate the configuration and the plugins without starting: reads the file, resolves its"
                + " $${env:...} and $${file:...} references, loads the plugins and builds every endpoint, handler and"
                + " route as 'run' would, but opens neither the store nor the listener. A PostgreSQL store"
                + " (store.type: postgres) is connected to, to read its schema version; nothing is changed.",
                "Prints 'OK: ...' or every problem found, each with its key and how to fix it.",
                "With --delivery ID, then says whether the routes of this configuration select that stored delivery,"
                        + " and for each route that does not, why: the endpoint, vendor or type it does not take, or"
                        + " the condition of its filter that said no (--route N: only routes[N])."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid (warnings may be printed)",
                "1:unexpected failure", "2:the configuration or a plugin is invalid, or the PostgreSQL store cannot be"
                        + " reached or has a newer schema (or --delivery or --route is not valid)",
                "3:--delivery: the store cannot be opened", "4:--delivery: no such delivery",
                "7:--delivery: no route (with --route: not that route) selects the delivery"})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    HookyardCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file, relative to the Hookyard home as for 'run' (default:"
                    + " conf/hookyard.yaml).")
    Path config;

    @Mixin
    PluginsOption plugins;

    @Option(names = "--delivery", paramLabel = "ID",
            description = "A stored delivery: say whether the routes select it, and why not.")
    String delivery;

    @Option(names = "--route", paramLabel = "N", description = "With --delivery: only routes[N] (from 0).")
    Integer route;

    @Override
    public Integer call() {
        if (route != null && delivery == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--route goes with --delivery ID");
        }
        CommandEnvironment environment = parent.environment();
        Path file = environment.resolve(config != null ? config : Path.of("conf", "hookyard.yaml"));
        PrintWriter out = spec.commandLine().getOut();
        HookyardConfig loaded;
        try {
            loaded = new ConfigLoader(environment.home(), environment.variables()).load(file);
        } catch (InvalidConfigException e) {
            return report(e.file(), e.problems());
        }
        try (InstalledPlugins installed = plugins.discover(environment, loaded.plugins())) {
            List<ConfigProblem> problems = new ArrayList<>();
            Pipeline pipeline = null;
            try {
                pipeline = new PipelineAssembler(installed, Clock.systemUTC()).assemble(loaded);
            } catch (InvalidConfigException e) {
                problems.addAll(e.problems());
            }
            problems.addAll(storeProblems(loaded));
            PostgresStoreCheck.Result shared = loaded.store().postgres() == null ? null
                    : PostgresStoreCheck.check(loaded.store().postgres());
            if (shared != null) {
                problems.addAll(shared.problems());
            }
            // What startup warns about in its log, check says too: a plugin left out under onError: skip.
            List<String> skipped = installed.skipped().stream().map(e -> "PLUGIN SKIPPED, the server starts without"
                    + " it (plugins.onError: skip): " + e.getMessage()).toList();
            try {
                if (!problems.isEmpty()) {
                    skipped.forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
                    return report(loaded.file(), problems);
                }
                List<String> warnings = new ArrayList<>(skipped);
                warnings.addAll(unmatchedEventTypes(loaded, pipeline));
                out.println("OK: " + ProblemReport.count(loaded.endpoints().size(), "endpoint") + ", "
                        + ProblemReport.count(loaded.handlers().size(), "handler") + ", "
                        + ProblemReport.count(loaded.routes().size(), "route")
                        + " (" + loaded.file() + ")");
                for (Endpoint endpoint : pipeline.endpoints().all()) {
                    out.println("  endpoint " + endpoint.name() + ": POST " + endpoint.path() + " (vendor "
                            + endpoint.vendorId() + ")");
                }
                loaded.handlers().forEach(h -> out.println("  handler " + h.name() + ": type " + h.type()
                        + " (from " + installed.originOf(installed.handler(h.type()).orElseThrow()) + ")"));
                if (shared != null) {
                    out.println("  " + shared.summary());
                }
                for (String warning : warnings) {
                    out.println("warning: " + warning);
                }
                return delivery == null ? ExitCodes.OK
                        : DeliveryRouteCheck.explain(loaded, pipeline.routes(), delivery, route, out,
                        spec.commandLine().getErr());
            } finally {
                if (pipeline != null) {
                    pipeline.handlers().close();
                }
            }
        }
    }

    private int report(Path file, List<ConfigProblem> problems) {
        PrintWriter err = spec.commandLine().getErr();
        err.print("hookyard check: " + ProblemReport.render(file, problems));
        err.flush();
        return ExitCodes.CONFIG;
    }

    /**
     * The store is not opened (a running server may hold it), but a directory it could never be created in, or
     * a file in its place, is reported now rather than at the next start.
     */
    private static List<ConfigProblem> storeProblems(HookyardConfig config) {
        Path directory = config.store().directory();
        List<ConfigProblem> problems = new ArrayList<>();
        if (config.store().postgres() != null) {
            return problems; // nothing on this node's disk: PostgresStoreCheck connects instead
        }
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                problems.add(new ConfigProblem("store.path", directory + " is not a directory",
                        "point store.path to a directory (it is created if missing)"));
            } else if (!Files.isWritable(directory)) {
                problems.add(new ConfigProblem("store.path", directory + " is not writable by this user",
                        "run Hookyard as a user that may write there, or change store.path"));
            }
            return problems;
        }
        Path existing = directory.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add(new ConfigProblem("store.path", directory + " does not exist and cannot be created"
                    + (existing == null ? "" : " in " + existing),
                    "create it for the user Hookyard runs as, or change store.path"));
        }
        return problems;
    }

    /**
     * A literal event type in a route that none of the vendors it can receive from sends is most likely a typo;
     * since unknown types still arrive as generic events, it is a warning, not an error.
     */
    private static List<String> unmatchedEventTypes(HookyardConfig config, Pipeline pipeline) {
        List<String> warnings = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            List<Glob> from = route.from().stream().map(Glob::of).toList();
            Glob vendor = Glob.of(route.vendor());
            Set<String> known = new LinkedHashSet<>();
            Set<String> vendors = new LinkedHashSet<>();
            for (Endpoint endpoint : pipeline.endpoints().all()) {
                if (from.stream().anyMatch(g -> g.matches(endpoint.name())) && vendor.matches(endpoint.vendorId())) {
                    known.addAll(endpoint.vendor().catalog().names());
                    vendors.add(endpoint.vendorId());
                }
            }
            if (vendors.isEmpty()) {
                warnings.add(route.key() + " matches no configured endpoint: it never selects a handler");
                continue;
            }
            for (int i = 0; i < route.events().size(); i++) {
                Glob events = Glob.of(route.events().get(i));
                if (known.stream().noneMatch(events::matches)) {
                    warnings.add(route.key() + ".events[" + i + "]: '" + events + "' matches no event type of "
                            + String.join(", ", vendors) + DidYouMean.hint(events.toString(), known)
                            + " (run 'hookyard vendors' to list them)");
                }
            }
        }
        return warnings;
    }
}
