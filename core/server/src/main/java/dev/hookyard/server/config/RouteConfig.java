package dev.hookyard.server.config;

import dev.hookyard.server.filter.RouteFilter;
import java.util.List;

/**
 * One route: events matching all of its globs go to every handler it names.
 *
 * @param index  its position under {@code routes:}, for error messages
 * @param from   endpoint-name globs
 * @param vendor vendor-id glob
 * @param events event-type globs
 * @param to     handler names
 * @param filter its compiled {@code filter:} ({@link RouteFilter#NONE} without one)
 */
public record RouteConfig(int index, List<String> from, String vendor, List<String> events, List<String> to,
                          RouteFilter filter) {

    public RouteConfig {
        from = List.copyOf(from);
        events = List.copyOf(events);
        to = List.copyOf(to);
    }

    /** The key path of this route in the file, for error messages. */
    public String key() {
        return "routes[" + index + "]";
    }
}
