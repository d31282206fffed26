package dev.hookyard.server.pipeline;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.dispatch.ConfiguredHandlers;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.endpoint.EndpointAdmissions;
import dev.hookyard.server.endpoint.EndpointTable;

/**
 * Everything a delivery is served with, built from one configuration and never changed afterwards. A request takes
 * the {@link LivePipeline#current() current} one once, when it starts, and finishes on it whatever a reload swaps in
 * meanwhile: its endpoint, admission rules, verifier and routes all come from the same configuration.
 *
 * @param config     the configuration it was built from
 * @param endpoints  the endpoints, by path and by name
 * @param admissions each endpoint's access rules and rate limiter
 * @param routes     which handlers an event goes to
 * @param handlers   the handler instances, with their policies (shared with the next pipeline where unchanged)
 */
public record ServingPipeline(HookyardConfig config, EndpointTable endpoints, EndpointAdmissions admissions,
                              RouteTable routes, ConfiguredHandlers handlers) {
}
