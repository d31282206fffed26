package dev.hookyard.server.dispatch;

import dev.hookyard.server.filter.FilterMismatch;
import dev.hookyard.server.filter.FilterSubject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Selects the handlers for an event: every route that matches its endpoint, vendor and type and whose filter
 * selects its content contributes its handlers (fan-out), each handler at most once, in route order. Immutable:
 * a configuration built anew makes a new table.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The handlers that get this delivery; the subject is read only by the filters of routes that match names. */
    public List<String> handlersFor(String endpoint, String vendor, String eventType, FilterSubject content) {
        Set<String> selected = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.matches(endpoint, vendor, eventType) && route.filter().test(content).isEmpty()) {
                selected.addAll(route.handlers());
            }
        }
        return List.copyOf(selected);
    }

    /**
     * Whether a route that takes this endpoint, vendor and type has a filter: only then does routing need the
     * delivery's headers and body (a stored delivery's are read from the store for it).
     */
    public boolean filtersContent(String endpoint, String vendor, String eventType) {
        return routes.stream().anyMatch(r -> r.filter().isPresent() && r.matches(endpoint, vendor, eventType));
    }

    /** Each route's decision for this delivery, with the reason of those that do not select it, in route order. */
    public List<RouteVerdict> verdicts(String endpoint, String vendor, String eventType, FilterSubject content) {
        List<RouteVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            Optional<String> unmatched = route.unmatchedName(endpoint, vendor, eventType);
            if (unmatched.isPresent()) {
                verdicts.add(new RouteVerdict.NotMatched(i, route.describe(), unmatched.get()));
                continue;
            }
            Optional<FilterMismatch> mismatch = route.filter().test(content);
            verdicts.add(mismatch.isPresent() ? new RouteVerdict.FilteredOut(i, route.describe(), mismatch.get())
                    : new RouteVerdict.Selected(i, route.describe(), route.handlers()));
        }
        return verdicts;
    }

    public List<Route> routes() {
        return routes;
    }
}
