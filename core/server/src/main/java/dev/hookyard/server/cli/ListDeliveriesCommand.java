package dev.hookyard.server.cli;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.inspect.DeliveryJson;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hookyard deliveries list}: a filtered page of stored deliveries, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List stored deliveries, oldest first, a page at a time.",
                "Globs (*, ?) work in --endpoint, --vendor and --type. Times: 2024-05-01T10:00:00Z, 2024-05-01 (UTC),"
                        + " or an age such as 2h, 30m, 7d (that long ago)."})
final class ListDeliveriesCommand extends InspectCommand {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    DeliveryFilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default 50, at most 1000).")
    String limit;

    @Option(names = "--after", paramLabel = "ID", description = "Continue after this id (the next page).")
    String after;

    @Override
    int run(HookyardConfig config, DeliveryQueries queries, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException {
        DeliveryFilter filter = filters.arguments(clock.instant())
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
