package dev.hookyard.server.cli;

import dev.hookyard.server.config.ProblemReport;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.dispatch.RouteVerdict;
import dev.hookyard.server.filter.FilterSubject;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryDetail;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code hookyard check --delivery ID [--route N]}: whether the routes of the configuration being checked select a
 * stored delivery, and for each route that does not, why (the name or type it does not take, or the filter
 * condition that said no), from the delivery's stored headers and body.
 */
final class DeliveryRouteCheck {

    private DeliveryRouteCheck() {
    }

    /** Prints each route's verdict and returns the exit status: selected, not selected, or a problem. */
    static int explain(HookyardConfig config, RouteTable routes, String deliveryText, Integer route, PrintWriter out,
                       PrintWriter err) {
        long id;
        try {
            id = FilterArguments.id("--delivery", deliveryText);
        } catch (BadArgumentException e) {
            err.println("hookyard check: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (route != null && (route < 0 || route >= routes.routes().size())) {
            err.println("hookyard check: --route: there is no routes[" + route + "]; the configuration has "
                    + ProblemReport.count(routes.routes().size(), "route") + " (numbered from 0)");
            return ExitCodes.CONFIG;
        }
        Optional<DeliveryDetail> found;
        String location;
        try (DeliveryQueries queries = InspectCommand.openQueries(config)) {
            found = queries.show(id);
            location = queries.location();
        } catch (StoreUnavailableException e) {
            err.println("hookyard check: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        if (found.isEmpty()) {
            err.println("hookyard check: no delivery " + id + " in " + location);
            return ExitCodes.NOT_FOUND;
        }
        StoredDelivery d = found.get().delivery();
        out.println("delivery " + id + ": endpoint " + d.endpoint() + ", vendor " + d.vendor() + ", type "
                + d.eventType());
        List<RouteVerdict> verdicts = routes.verdicts(d.endpoint(), d.vendor(), d.eventType(),
                FilterSubject.of(d.headers(), d.body()));
        List<RouteVerdict> shown = route == null ? verdicts : List.of(verdicts.get(route));
        for (RouteVerdict verdict : shown) {
            out.println("  routes[" + verdict.index() + "] (" + verdict.route() + "): " + line(verdict));
        }
        List<RouteVerdict> selecting = shown.stream().filter(v -> v instanceof RouteVerdict.Selected).toList();
        if (selecting.isEmpty()) {
            out.println(route == null ? "not selected by any route: it is unrouted" : "not selected by routes["
                    + route + "]");
            return ExitCodes.NOT_SELECTED;
        }
        out.println("selected by " + String.join(", ", selecting.stream().map(v -> "routes[" + v.index() + "]")
                .toList()));
        return ExitCodes.OK;
    }

    private static String line(RouteVerdict verdict) {
        if (verdict instanceof RouteVerdict.Selected selected) {
            return "selected, to " + String.join(", ", selected.handlers());
        } else if (verdict instanceof RouteVerdict.NotMatched notMatched) {
            return "not selected: " + notMatched.reason();
        } else {
            return "not selected by its filter: " + ((RouteVerdict.FilteredOut) verdict).mismatch();
        }
    }
}
