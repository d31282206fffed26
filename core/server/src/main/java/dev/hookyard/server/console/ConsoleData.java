package dev.hookyard.server.console;

import dev.hookyard.server.activity.IntakeActivity;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.inspect.DeliveryReplay;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.store.DeliveryQueries;
import java.net.URI;
import java.time.Clock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the console's pages read and act on: the same queries and replay the management API and the commands use,
 * the running configuration, and the intake's in-memory activity.
 *
 * @param receiver the delivery listener's base URL, known once it listens (the vendors page posts test deliveries
 *                 to it)
 */
public record ConsoleData(HookyardConfig config, EndpointTable endpoints, RouteTable routes, DeliveryQueries queries,
                          DeliveryReplay replay, IntakeActivity activity, ServerMetrics metrics, LongSupplier backlog,
                          Clock clock, Supplier<URI> receiver) {
}
