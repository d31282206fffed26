package dev.hookyard.server.dispatch;

import dev.hookyard.server.filter.FilterMismatch;
import java.util.List;

/** What one route decided for one delivery, and why: for the API, {@code check --delivery} and the console. */
public sealed interface RouteVerdict {

    /** The route's index under {@code routes:}. */
    int index();

    /** What the route takes, e.g. "from least, events record.action". */
    String route();

    /** The route selects the delivery: its handlers get it. */
    record Selected(int index, String route, List<String> handlers) implements RouteVerdict {
        public Selected {
            handlers = List.copyOf(handlers);
        }
    }

    /** The route does not take this endpoint, vendor or event type; its filter was not consulted. */
    record NotMatched(int index, String route, String reason) implements RouteVerdict {
    }

    /** The route takes the endpoint, vendor and type, but its filter said no, at this condition. */
    record FilteredOut(int index, String route, FilterMismatch mismatch) implements RouteVerdict {
    }
}
