package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hookyard check --delivery ID [--route N]} on deliveries a real server stored: whether the routes of the
 * configuration being checked select each, and which name or filter condition said no.
 */
class CheckDeliveryRoutingTest {

    private static final Map<String, String> ENV = Map.of("LEAST_SECRET", LeastFixtures.SPEC_SECRET);
    private static final String CHECKED = """
            store: { path: data }
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
            handlers:
              closer: { type: log }
              other: { type: log }
            routes:
              - from: least
                events: ["record.action"]
                filter: { body: { data: { status: { $in: [open, pending] } } } }
                to: [closer]
              - { from: least, events: ["lesson.*"], to: [other] }
            """;

    @TempDir
    Path home;

    private long open;
    private long closed;

    @BeforeEach
    void storeTwoDeliveries() throws Exception {
        try (TestServer server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC,
                new RecordingHandlers())) {
            open = store(server, "{\"event\":\"record.action\",\"record_id\":1,\"action_id\":8,"
                    + "\"data\":{\"status\":\"open\"}}");
            closed = store(server, "{\"event\":\"record.action\",\"record_id\":2,\"action_id\":8,"
                    + "\"data\":{\"status\":\"closed\"}}");
        }
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("plugins"));
        Files.writeString(home.resolve("conf/hookyard.yaml"), CHECKED);
    }

    private static long store(TestServer server, String body) {
        assertEquals(200, server.post("/hooks/least", LeastFixtures.signed("least").body(body)).statusCode());
        return server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow().id();
    }

    @Test
    void aSelectedDeliveryNamesItsRouteAndHandlers() {
        CommandRun run = CommandRun.of(home, ENV, "check", "--delivery", Long.toString(open));

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("delivery " + open + ": endpoint least, vendor least, type record.action"),
                run.transcript());
        assertTrue(run.out().contains("  routes[0] (from least, events record.action): selected, to closer"),
                run.transcript());
        assertTrue(run.out().contains("  routes[1] (from least, events lesson.*): not selected: type 'record.action'"
                + " is not in events [lesson.*]"), run.transcript());
        assertTrue(run.out().endsWith("selected by routes[0]\n"), run.transcript());
    }

    @Test
    void aDeliveryNoRouteSelectsSaysWhichFilterConditionSaidNo() {
        CommandRun run = CommandRun.of(home, ENV, "check", "--delivery", Long.toString(closed));

        assertEquals(7, run.status(), run.transcript());
        assertTrue(run.out().contains("  routes[0] (from least, events record.action): not selected by its filter:"
                + " body.data.status.$in: expected one of [\"open\", \"pending\"], found \"closed\""), run.transcript());
        assertTrue(run.out().endsWith("not selected by any route: it is unrouted\n"), run.transcript());
    }

    @Test
    void oneRouteAlone() {
        CommandRun selected = CommandRun.of(home, ENV, "check", "--route", "0", "--delivery", Long.toString(open));
        CommandRun notSelected = CommandRun.of(home, ENV, "check", "--route", "1", "--delivery",
                Long.toString(open));

        assertEquals(0, selected.status(), selected.transcript());
        assertTrue(!selected.out().contains("routes[1]"), selected.transcript());
        assertEquals(7, notSelected.status(), notSelected.transcript());
        assertTrue(notSelected.out().endsWith("not selected by routes[1]\n"), notSelected.transcript());
    }

    @Test
    void aMissingDeliveryAnUnknownRouteAndABadIdAreRefused() throws IOException {
        CommandRun missing = CommandRun.of(home, ENV, "check", "--delivery", "999");
        CommandRun noRoute = CommandRun.of(home, ENV, "check", "--route", "2", "--delivery", Long.toString(open));
        CommandRun badId = CommandRun.of(home, ENV, "check", "--delivery", "01");
        CommandRun routeAlone = CommandRun.of(home, ENV, "check", "--route", "0");

        assertEquals(4, missing.status(), missing.transcript());
        assertTrue(missing.err().contains("no delivery 999"), missing.transcript());
        assertEquals(2, noRoute.status(), noRoute.transcript());
        assertTrue(noRoute.err().contains("there is no routes[2]; the configuration has 2 routes"),
                noRoute.transcript());
        assertEquals(2, badId.status(), badId.transcript());
        assertEquals(2, routeAlone.status(), routeAlone.transcript());
    }
}
