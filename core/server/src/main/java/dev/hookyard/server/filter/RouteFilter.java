package dev.hookyard.server.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A route's compiled {@code filter:}: immutable and thread-safe, built once when the configuration is loaded
 * ({@link FilterCompiler}), so a configuration built anew builds its filters anew. Tested against a delivery's
 * {@link FilterSubject}: {@code body} is its JSON, {@code headers} its headers by lower-case name.
 */
public final class RouteFilter {

    /** The filter of a route without {@code filter:}: selects every delivery. */
    public static final RouteFilter NONE = new RouteFilter(null, false);

    private final Condition condition;
    private final boolean readsBody;

    RouteFilter(Condition condition, boolean readsBody) {
        this.condition = condition;
        this.readsBody = readsBody;
    }

    /** Whether this filter looks at anything (a route without one selects on names and types alone). */
    public boolean isPresent() {
        return condition != null;
    }

    /** Empty when the filter selects the delivery; else the first condition that said no. Never throws. */
    public Optional<FilterMismatch> test(FilterSubject subject) {
        if (condition == null) {
            return Optional.empty();
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("headers", subject.headers());
        if (readsBody) {
            JsonNode body = subject.body();
            if (body != null) {
                document.set("body", body);
            }
        }
        return condition.test(document);
    }
}
