package dev.hookyard.server.cli;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryPage;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliverySummary;
import dev.hookyard.server.store.StoreUnavailableException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookyard deliveries list}: a filtered page of stored deliveries, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List stored deliveries, oldest first, a page at a time.",
                "Globs (*, ?) work in --endpoint, --vendor and --type. Times: 2024-05-01T10:00:00Z, 2024-05-01 (UTC),"
                        + " or an age such as 2h, 30m, 7d (that long ago)."})
final class ListDeliveriesCommand extends InspectCommand {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--endpoint", paramLabel = "GLOB", description = "Endpoint name.")
    String endpoint;

    @Option(names = "--vendor", paramLabel = "GLOB", description = "Vendor id.")
    String vendor;

    @Option(names = "--type", paramLabel = "GLOB", description = "Event type, e.g. 'record.*'.")
    String type;

    @Option(names = "--status", paramLabel = "STATUS[,STATUS]",
            description = "pending, done, failed (a handler gave up) or unrouted.")
    String status;

    @Option(names = "--since", paramLabel = "TIME|AGE", description = "Received at or after.")
    String since;

    @Option(names = "--until", paramLabel = "TIME|AGE", description = "Received before.")
    String until;

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default 50, at most 1000).")
    String limit;

    @Option(names = "--after", paramLabel = "ID", description = "Continue after this id (the next page).")
    String after;

    @Override
    int run(HookyardConfig config, DeliveryQueries queries, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException {
        DeliveryFilter filter = new FilterArguments(clock.instant())
                .endpoint("--endpoint", endpoint).vendor("--vendor", vendor).type("--type", type)
                .status("--status", status).since("--since", since).until("--until", until)
                .limit("--limit", limit).after("--after", after).filter();
        DeliveryPage page = queries.list(filter);
        if (json) {
            out.println(DeliveryJson.write(DeliveryJson.page(page)));
            return ExitCodes.OK;
        }
        if (page.deliveries().isEmpty()) {
            out.println("No deliveries match.");
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "RECEIVED (UTC)", "STATUS", "ENDPOINT", "VENDOR", "TYPE", "HANDLERS"});
        for (DeliverySummary d : page.deliveries()) {
            rows.add(new String[] {Long.toString(d.id()), TIME.format(d.receivedAt()), d.status().code(),
                    d.endpoint(), d.vendor(), d.eventType(), d.runs().isEmpty() ? "-" : d.runs().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().code()).collect(Collectors.joining(" "))});
        }
        Table.print(out, rows);
        page.next().ifPresent(next -> out.println("More: add --after " + next + " for the next page."));
        return ExitCodes.OK;
    }
}
