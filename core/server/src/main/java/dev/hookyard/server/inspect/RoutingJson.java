package dev.hookyard.server.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.dispatch.RouteVerdict;
import dev.hookyard.server.filter.FilterMismatch;
import java.util.List;

/**
 * The {@code routing} of a delivery in the management API: for each route, whether it selects the delivery now,
 * and if not, why (it does not take the endpoint, vendor or type; or its filter said no, at which condition).
 */
public final class RoutingJson {

    private RoutingJson() {
    }

    public static ArrayNode verdicts(List<RouteVerdict> verdicts) {
        ArrayNode list = DeliveryJson.MAPPER.createArrayNode();
        verdicts.forEach(v -> list.add(verdict(v)));
        return list;
    }

    private static ObjectNode verdict(RouteVerdict verdict) {
        ObjectNode node = DeliveryJson.MAPPER.createObjectNode();
        node.put("index", verdict.index());
        node.put("route", verdict.route());
        if (verdict instanceof RouteVerdict.Selected selected) {
            node.put("selected", true);
            ArrayNode handlers = node.putArray("handlers");
            selected.handlers().forEach(handlers::add);
        } else if (verdict instanceof RouteVerdict.NotMatched notMatched) {
            node.put("selected", false);
            node.put("reason", "not_matched");
            node.put("detail", notMatched.reason());
        } else {
            FilterMismatch mismatch = ((RouteVerdict.FilteredOut) verdict).mismatch();
            node.put("selected", false);
            node.put("reason", "filtered_out");
            node.put("detail", mismatch.toString());
            node.putObject("filter").put("path", mismatch.path()).put("expected", mismatch.expected())
                    .put("found", mismatch.found());
        }
        return node;
    }
}
