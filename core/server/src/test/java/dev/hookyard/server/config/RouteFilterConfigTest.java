package dev.hookyard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.ConfigFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A route's filter is compiled when the file is loaded: each mistake in it stops the configuration with the
 * route (index, and what it takes) and the path inside the filter.
 */
class RouteFilterConfigTest {

    private static final String HEAD = """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
            handlers:
              log: { type: log }
            routes:
              - { to: [log] }
              - { from: least, to: [log], filter: { body: { ok: 1 } } }
            """;

    @TempDir
    Path home;

    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(home, Map.of("LEAST_SECRET", "s3cret-value"));
    }

    private static String route(String filter) {
        return HEAD + "  - { from: least, events: [\"record.action\"], to: [log], filter: " + filter + " }\n";
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("{ body: { data: { status: { $in: open } } } }", "routes[2].filter.body.data.status.$in",
                        "expected a list"),
                Arguments.of("{ body: { s: { $in: [] } } }", "routes[2].filter.body.s.$in", "expected a list"),
                Arguments.of("{ body: { s: { $in: [a, [b]] } } }", "routes[2].filter.body.s.$in[1]",
                        "expected a string, number, boolean or null"),
                Arguments.of("{ body: { s: { $inn: [a] } } }", "routes[2].filter.body.s.$inn", "is not an operator"),
                Arguments.of("{ body: { s: { $eq: 1, other: 2 } } }", "routes[2].filter.body.s",
                        "mixes operators ($eq) with field names (other)"),
                Arguments.of("{ body: { s: { $eq: { a: 1 } } } }", "routes[2].filter.body.s.$eq",
                        "expected a string, number, boolean or null"),
                Arguments.of("{ body: { n: { $gt: [1] } } }", "routes[2].filter.body.n.$gt",
                        "expected a number or a string"),
                Arguments.of("{ body: { n: { $gt: true } } }", "routes[2].filter.body.n.$gt",
                        "expected a number or a string"),
                Arguments.of("{ body: { n: { $startsWith: 1 } } }", "routes[2].filter.body.n.$startsWith",
                        "expected a string"),
                Arguments.of("{ body: { n: { $exist: \"yes\" } } }", "routes[2].filter.body.n.$exist",
                        "expected true or false"),
                Arguments.of("{ body: { $or: [] } }", "routes[2].filter.body.$or", "expected a list of conditions"),
                Arguments.of("{ body: { $and: { a: 1 } } }", "routes[2].filter.body.$and",
                        "expected a list of conditions"),
                Arguments.of("{ body: { n: 1e400 } }", "routes[2].filter.body.n", "is not a finite number"),
                Arguments.of("{ body: { s: \"${env:LEAST_SECRET}\" } }", "routes[2].filter.body.s", "is a reference"),
                Arguments.of("{ bdy: { a: 1 } }", "routes[2].filter.bdy", "is not a part of a delivery"),
                Arguments.of("{ }", "routes[2].filter", "is empty"),
                Arguments.of("[ { body: { a: 1 } } ]", "routes[2].filter", "must be a map with body: and/or headers:"),
                Arguments.of("{ $eq: 1 }", "routes[2].filter.$eq", "compares a value"),
                Arguments.of("{ headers: { x-count: 8 } }", "routes[2].filter.headers.x-count",
                        "is not a string, but a header's value is text"),
                Arguments.of("{ headers: { x-count: { $gt: 8 } } }", "routes[2].filter.headers.x-count.$gt",
                        "expected a string (a header's value is text)"),
                Arguments.of("{ headers: { x-a: { b: c } } }", "routes[2].filter.headers.x-a",
                        "is a map of fields, but a header's value is text"),
                Arguments.of("{ headers: { \"x a\": b } }", "routes[2].filter.headers.x a", "is not a header name"),
                Arguments.of("{ headers: { X-A: b, x-a: c } }", "routes[2].filter.headers.x-a",
                        "names a header already named in another case"),
                Arguments.of("{ headers: [x-a] }", "routes[2].filter.headers",
                        "must be a map of header names to values"),
                Arguments.of("{ headers: { } }", "routes[2].filter.headers", "names no header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeNamesTheRouteAndThePathInsideTheFilter(String filter, String key, String problem) throws IOException {
        InvalidConfigException e = files.loadFails(route(filter));

        ConfigProblem found = ConfigFiles.problemAt(e, key).orElseThrow(() -> new AssertionError(
                "no problem at " + key + ": " + e.problems()));
        assertTrue(found.problem().startsWith(problem), found::toString);
        assertTrue(found.problem().endsWith("(route from least, events record.action)"), found::toString);
        assertTrue(!found.fix().isBlank(), found::toString);
        assertEquals(1, e.problems().size(), () -> "one problem only: " + e.problems());
    }

    @Test
    void everyMistakeIsReportedAtOnce() throws IOException {
        InvalidConfigException e = files.loadFails(route("{ body: { a: { $in: 1 }, b: { $gt: [] } },"
                + " headers: { x-n: 1 } }"));

        assertEquals(List.of("routes[2].filter.body.a.$in", "routes[2].filter.body.b.$gt",
                "routes[2].filter.headers.x-n"), e.problems().stream().map(ConfigProblem::key).toList());
    }

    @Test
    void aFilterNestedTooDeeplyIsRefusedAtTheLevelPastTheLimit() throws IOException {
        String nested = Stream.generate(() -> "{ a: ").limit(20).collect(Collectors.joining()) + "1"
                + " }".repeat(20);
        InvalidConfigException e = files.loadFails(route("{ body: " + nested + " }"));

        // The filter is level 1, body level 2, then a, a, ...: the 15th a is at level 17.
        String key = "routes[2].filter.body" + ".a".repeat(15);
        assertTrue(ConfigFiles.problemAt(e, key).orElseThrow(() -> new AssertionError(e.problems().toString()))
                .problem().startsWith("is nested more than 16 levels deep"));
    }

    @Test
    void aFilterWithTooManyValuesIsRefusedOnce() throws IOException {
        String values = Stream.iterate(0, i -> i + 1).limit(600).map(String::valueOf).collect(Collectors.joining(", "));
        InvalidConfigException e = files.loadFails(route("{ body: { n: { $in: [" + values + "] } } }"));

        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertEquals("routes[2].filter", e.problems().get(0).key());
        assertTrue(e.problems().get(0).problem().startsWith("has more than 512 values and conditions"));
    }

    @Test
    void aLongStringIsRefused() throws IOException {
        InvalidConfigException e = files.loadFails(route("{ body: { s: \"" + "x".repeat(1025) + "\" } }"));

        assertTrue(ConfigFiles.problemAt(e, "routes[2].filter.body.s").orElseThrow().problem()
                .startsWith("is longer than 1024 characters"));
    }

    @Test
    void aValidFilterLoadsAndARouteWithoutOneHasNone() throws IOException {
        HookyardConfig config = files.load(route("{ body: { action_id: 8, data: { status: { $in: [open, pending] } }"
                + " }, headers: { X-Least-Channel: { $exist: false } } }"));

        assertTrue(!config.routes().get(0).filter().isPresent());
        assertTrue(config.routes().get(1).filter().isPresent());
        assertTrue(config.routes().get(2).filter().isPresent());
    }
}
