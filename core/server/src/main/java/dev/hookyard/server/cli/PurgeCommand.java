package dev.hookyard.server.cli;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.inspect.Retention;
import dev.hookyard.server.inspect.TimeArguments;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.StoreUnavailableException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookyard purge}: delete old deliveries whose work is over. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Delete deliveries older than an age whose work is over (done, failed or unrouted), with"
                + " their handler runs. Pending deliveries are kept unless --include-pending.",
                "The server does this by itself once a day with store.retentionDays (default 30)."})
final class PurgeCommand extends InspectCommand {

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Received longer ago than this, e.g. 30d, 12h (default: store.retentionDays, else 30d).")
    String olderThan;

    @Option(names = "--include-pending", description = "Also delete deliveries still owed to a handler.")
    boolean includePending;

    @Option(names = "--dry-run", description = "Count what would be deleted, delete nothing.")
    boolean dryRun;

    @Override
    int run(HookyardConfig config, DeliveryQueries queries, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException {
        Duration age;
        if (olderThan == null) {
            int days = config.store().retentionDays();
            age = Duration.ofDays(days > 0 ? days : HookyardConfig.StoreSettings.DEFAULT_RETENTION_DAYS);
        } else {
            try {
                age = TimeArguments.duration(olderThan);
            } catch (IllegalArgumentException e) {
                throw new BadArgumentException("--older-than", e.getMessage());
            }
        }
        Retention.Result result = new Retention(queries, clock).purge(age, includePending, dryRun);
        if (json) {
            out.println(DeliveryJson.write(DeliveryJson.purge(result, includePending)));
        } else {
            out.println((dryRun ? "Would purge " : "Purged ") + result.count() + " deliveries received before "
                    + result.cutoff() + (includePending ? " (pending ones included)." : " (pending ones kept)."));
        }
        return ExitCodes.OK;
    }
}
