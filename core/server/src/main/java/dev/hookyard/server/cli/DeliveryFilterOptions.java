package dev.hookyard.server.cli;

import dev.hookyard.server.inspect.FilterArguments;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The options that select stored deliveries, shared by {@code deliveries list} and {@code replay --all}: globs for
 * the endpoint, vendor and event type, statuses, and a window of reception times.
 */
final class DeliveryFilterOptions {

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

    /** Whether any of these options was given. */
    boolean any() {
        return endpoint != null || vendor != null || type != null || status != null || since != null
                || until != null;
    }

    /** The filter these options give, ages counted back from {@code now}; a bad value names its option. */
    FilterArguments arguments(Instant now) {
        return new FilterArguments(now)
                .endpoint("--endpoint", endpoint).vendor("--vendor", vendor).type("--type", type)
                .status("--status", status).since("--since", since).until("--until", until);
    }
}
