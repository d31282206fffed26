package dev.hookyard.server.dispatch;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Selects the handlers for an event: every route that matches contributes its handlers (fan-out), each handler
 * at most once, in route order.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<String> handlersFor(String endpoint, String vendor, String eventType) {
        Set<String> selected = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.matches(endpoint, vendor, eventType)) {
                selected.addAll(route.handlers());
            }
        }
        return List.copyOf(selected);
    }

    public List<Route> routes() {
        return routes;
    }
}
