package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.filter.FilterSubject;
import dev.hookyard.server.filter.RouteFilter;
import dev.hookyard.spi.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final FilterSubject NO_CONTENT = FilterSubject.of(Headers.empty(), new byte[0]);

    private static Route route(List<String> from, String vendor, List<String> events, List<String> to) {
        return new Route(from.stream().map(Glob::of).toList(), Glob.of(vendor),
                events.stream().map(Glob::of).toList(), to, RouteFilter.NONE);
    }

    @Test
    void everyMatchingRouteContributesItsHandlersOnceInRouteOrder() {
        RouteTable table = new RouteTable(List.of(
                route(List.of("*"), "*", List.of("record.*"), List.of("slack", "archive")),
                route(List.of("least"), "least", List.of("record.created"), List.of("crm", "slack")),
                route(List.of("*"), "*", List.of("*"), List.of("archive", "log")),
                route(List.of("other"), "*", List.of("*"), List.of("never"))));

        assertEquals(List.of("slack", "archive", "crm", "log"), table.handlersFor("least", "least", "record.created", NO_CONTENT));
        assertEquals(List.of("slack", "archive", "log"), table.handlersFor("least", "least", "record.archived", NO_CONTENT));
        assertEquals(List.of("archive", "log"), table.handlersFor("least", "least", "lesson.completed", NO_CONTENT));
        assertEquals(List.of("archive", "log", "never"), table.handlersFor("other", "falkor", "x", NO_CONTENT));
    }

    @Test
    void noMatchingRouteSelectsNoHandler() {
        RouteTable table = new RouteTable(List.of(route(List.of("least"), "least", List.of("record.*"),
                List.of("a"))));

        assertEquals(List.of(), table.handlersFor("least", "least", "lesson.completed", NO_CONTENT));
        assertEquals(List.of(), table.handlersFor("other", "least", "record.created", NO_CONTENT));
        assertEquals(List.of(), table.handlersFor("least", "leah", "record.created", NO_CONTENT));
        assertEquals(List.of(), new RouteTable(List.of()).handlersFor("least", "least", "record.created", NO_CONTENT));
    }

    @Test
    void aRouteNeedsItsVendorAndAnyOfItsEndpointsAndAnyOfItsEvents() {
        Route route = route(List.of("a", "b*"), "le*", List.of("x", "y.*"), List.of("h"));

        assertTrue(route.matches("a", "least", "x"));
        assertTrue(route.matches("beta", "leah", "y.z"));
        assertFalse(route.matches("c", "least", "x"));
        assertFalse(route.matches("a", "falkor", "x"));
        assertFalse(route.matches("a", "least", "z"));
    }
}
