package dev.hookyard.server.dispatch;

import java.util.List;

/**
 * Events from matching endpoints and vendors, of matching types, go to these handlers.
 *
 * @param endpoints endpoint-name globs (any may match)
 * @param vendor    vendor-id glob
 * @param events    event-type globs (any may match)
 * @param handlers  handler names, in order
 */
public record Route(List<Glob> endpoints, Glob vendor, List<Glob> events, List<String> handlers) {

    public Route {
        endpoints = List.copyOf(endpoints);
        events = List.copyOf(events);
        handlers = List.copyOf(handlers);
    }

    public boolean matches(String endpoint, String vendorId, String eventType) {
        return vendor.matches(vendorId)
                && endpoints.stream().anyMatch(g -> g.matches(endpoint))
                && events.stream().anyMatch(g -> g.matches(eventType));
    }
}
