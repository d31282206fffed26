package dev.hookyard.server.cli;

import dev.hookyard.server.assembly.PipelineAssembler;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.HandlerConfig;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.inspect.DeliveryReplay;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.StoreUnavailableException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookyard replay}: hand stored deliveries to their handlers again. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay one delivery, or all that match filters, to every handler its routes select now"
                + " (or to one named handler): each run becomes pending, due now, with no attempts and no error.",
                "A running server on the same store handles them within about a second; a stopped one, when it"
                        + " starts. Routes and handler names are those of the configuration file as it is now.",
                "The filters (--endpoint, --vendor, --type, --status, --since, --until) and --dry-run go with --all."})
final class ReplayCommand extends InspectCommand {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The delivery id (or use --all).")
    String id;

    @Option(names = "--all", description = "Replay every delivery that matches the filters.")
    boolean all;

    @Option(names = "--handler", paramLabel = "NAME", description = "Only to this configured handler.")
    String handler;

    @Mixin
    DeliveryFilterOptions filters;

    @Option(names = "--dry-run", description = "With --all: count what would be replayed, change nothing.")
    boolean dryRun;

    @Override
    int run(HookyardConfig config, DeliveryQueries queries, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException {
        boolean filtered = filters.any() || dryRun;
        if (all == (id != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a delivery ID or --all, not both");
        }
        if (!all && filtered) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "filters and --dry-run go with --all; to replay one delivery give only its ID");
        }
        DeliveryReplay replay = new DeliveryReplay(queries, PipelineAssembler.routeTable(config),
                config.handlers().stream().map(HandlerConfig::name).collect(Collectors.toSet()),
                config.endpoints().stream().map(EndpointConfig::name).collect(Collectors.toSet()), clock, () -> { });
        Optional<String> only = Optional.ofNullable(handler);
        try {
            return all ? replayAll(replay, only, out) : replayOne(replay, only, out, err);
        } catch (DeliveryReplay.UnknownHandlerException e) {
            err.println("hookyard: --handler: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }

    private int replayOne(DeliveryReplay replay, Optional<String> only, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException {
        DeliveryReplay.Outcome outcome = replay.replay(FilterArguments.id("ID", id), only);
        if (json) {
            out.println(DeliveryJson.write(DeliveryJson.outcome(outcome)));
        }
        if (outcome instanceof DeliveryReplay.Outcome.Replayed r) {
            if (!json) {
                out.println("Replayed delivery " + r.id() + " to " + String.join(", ", r.handlers())
                        + ": pending now; a running server handles it within about a second.");
            }
            return ExitCodes.OK;
        }
        if (outcome instanceof DeliveryReplay.Outcome.Skipped s) {
            err.println("hookyard: delivery " + s.id() + " not replayed: " + s.reason());
        } else {
            err.println("hookyard: no delivery " + outcome.id());
        }
        return ExitCodes.NOT_FOUND;
    }

    private int replayAll(DeliveryReplay replay, Optional<String> only, PrintWriter out)
            throws StoreUnavailableException {
        DeliveryFilter filter = filters.arguments(clock.instant()).filter();
        DeliveryReplay.Summary summary = replay.replayAll(filter, only, dryRun);
        if (json) {
            out.println(DeliveryJson.write(DeliveryJson.summary(summary)));
            return ExitCodes.OK;
        }
        out.println((dryRun ? "Would replay " : "Replayed ") + summary.replayed() + " of " + summary.matched()
                + " matching deliveries" + (summary.byHandler().isEmpty() ? "." : " (" + summary.byHandler()
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
                + ")."));
        if (summary.skippedCount() > 0) {
            out.println("Skipped " + summary.skippedCount() + ":");
            summary.skipped().forEach(s -> out.println("  " + s.id() + ": " + s.reason()));
            if (summary.skippedCount() > summary.skipped().size()) {
                out.println("  ... and " + (summary.skippedCount() - summary.skipped().size()) + " more");
            }
        }
        return ExitCodes.OK;
    }
}
