package dev.hookyard.server.dispatch;

import dev.hookyard.server.filter.RouteFilter;
import java.util.List;
import java.util.Optional;

/**
 * Events from matching endpoints and vendors, of matching types, whose content its filter selects, go to these
 * handlers.
 *
 * @param endpoints endpoint-name globs (any may match)
 * @param vendor    vendor-id glob
 * @param events    event-type globs (any may match)
 * @param handlers  handler names, in order
 * @param filter    the compiled {@code filter:} on headers and body ({@link RouteFilter#NONE} without one)
 */
public record Route(List<Glob> endpoints, Glob vendor, List<Glob> events, List<String> handlers, RouteFilter filter) {

    public Route {
        endpoints = List.copyOf(endpoints);
        events = List.copyOf(events);
        handlers = List.copyOf(handlers);
    }

    /** Whether it takes events of this endpoint, vendor and type (before its filter looks at their content). */
    public boolean matches(String endpoint, String vendorId, String eventType) {
        return unmatchedName(endpoint, vendorId, eventType).isEmpty();
    }

    /** Empty when it takes events of this endpoint, vendor and type; else which of them it does not take. */
    Optional<String> unmatchedName(String endpoint, String vendorId, String eventType) {
        if (endpoints.stream().noneMatch(g -> g.matches(endpoint))) {
            return Optional.of("endpoint '" + endpoint + "' is not in from " + endpoints);
        }
        if (!vendor.matches(vendorId)) {
            return Optional.of("vendor '" + vendorId + "' does not match '" + vendor + "'");
        }
        if (events.stream().noneMatch(g -> g.matches(eventType))) {
            return Optional.of("type '" + eventType + "' is not in events " + events);
        }
        return Optional.empty();
    }

    /** What it takes, as a person finds it in the file: "from least, events record.action". */
    public String describe() {
        return "from " + join(endpoints) + (vendor.toString().equals("*") ? "" : ", vendor " + vendor)
                + ", events " + join(events);
    }

    private static String join(List<Glob> globs) {
        return String.join(" ", globs.stream().map(Glob::toString).toList());
    }
}
