package dev.hookyard.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Outcome;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management API over real HTTP on its own port, against a real server: inspect, replay (dead letters after a
 * fix, one named handler, an unrouted delivery after a route was added), purge, health, and the error answers.
 */
class ManagementApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINTS = """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
            handlers:
              a: { type: recording }
              b: { type: recording }
              flaky: { type: recording }
            """;

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String routes) throws Exception {
        if (server != null) {
            server.close();
        }
        server = TestServer.start(home, TestServer.serverSection() + ENDPOINTS + "routes:\n" + routes, recording);
    }

    private long deliver(String type, long recordId) {
        String body = "{\"event\":\"" + type + "\",\"record_id\":" + recordId + "}";
        HttpResponse<String> response = server.post("/hooks/least", LeastFixtures.signed("least").body(body));
        assertEquals(200, response.statusCode(), response.body());
        return server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow().id();
    }

    private HttpResponse<String> get(String path) {
        return TestServer.send(HttpRequest.newBuilder(server.managementUri(path)).GET());
    }

    private HttpResponse<String> post(String path, String json) {
        return TestServer.send(HttpRequest.newBuilder(server.managementUri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertEquals(expectedStatus, response.statusCode(), () -> response.request().method() + " "
                + response.request().uri() + " answered " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private RunStatus runStatus(long id, String handler) {
        try {
            return server.store().runs(id).stream().filter(r -> r.handler().equals(handler)).findFirst()
                    .map(RunView::status).orElse(null);
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitRun(long id, String handler, RunStatus status) {
        Eventually.await(() -> runStatus(id, handler) == status,
                () -> "run " + handler + " of delivery " + id + " is " + runStatus(id, handler) + ", not " + status);
    }

    @Test
    void aDeadLetterIsReplayedAfterTheHandlerIsFixedAndThenDone() throws Exception {
        AtomicBoolean fixed = new AtomicBoolean(false);
        recording.script("flaky", call -> {
            if (!fixed.get()) {
                throw new IllegalStateException("downstream is down");
            }
            return Outcome.done();
        });
        start("  - { from: least, to: [flaky] }\n");
        long id = deliver("record.created", 1);
        awaitRun(id, "flaky", RunStatus.DEAD);
        JsonNode shown = json(get("/deliveries/" + id), 200);
        assertEquals("failed", shown.get("status").asText());
        JsonNode run = shown.get("runs").get(0);
        assertEquals("dead", run.get("status").asText());
        assertEquals(TestServer.FAST_RETRIES.maxAttempts(), run.get("attempts").asInt());
        assertTrue(run.get("lastError").asText().contains("downstream is down"), run.toString());
        int callsBefore = recording.events("flaky").size();

        fixed.set(true);
        JsonNode replayed = json(post("/deliveries/" + id + "/replay", ""), 200);

        assertEquals(List.of("flaky"), List.of(replayed.get("handlers").get(0).asText()));
        awaitRun(id, "flaky", RunStatus.DONE);
        assertEquals(callsBefore + 1, recording.events("flaky").size(), "called once more, and it worked");
        JsonNode after = json(get("/deliveries/" + id), 200);
        assertEquals("done", after.get("status").asText());
        assertEquals(1, after.get("runs").get(0).get("attempts").asInt(), "attempts start again from zero");
        assertTrue(after.get("runs").get(0).get("lastError").isNull(), "the old error is cleared");
    }

    @Test
    void theDeadLettersOfOneHandlerAreReplayedToItAloneNotEveryFailedDelivery() throws Exception {
        AtomicBoolean flakyFixed = new AtomicBoolean(false);
        AtomicBoolean bDown = new AtomicBoolean(false);
        recording.script("flaky", call -> {
            if (!flakyFixed.get()) {
                throw new IllegalStateException("downstream is down");
            }
            return Outcome.done();
        });
        recording.script("b", call -> {
            if (bDown.get()) {
                throw new IllegalStateException("b is down");
            }
            return Outcome.done();
        });
        start("  - { from: least, to: [flaky, b] }\n");
        long first = deliver("record.created", 1);
        long second = deliver("record.created", 2);
        awaitRun(first, "flaky", RunStatus.DEAD);
        awaitRun(second, "flaky", RunStatus.DEAD);
        flakyFixed.set(true);
        bDown.set(true);
        long third = deliver("record.created", 3);
        awaitRun(third, "b", RunStatus.DEAD);
        awaitRun(third, "flaky", RunStatus.DONE);

        JsonNode newest = json(get("/deliveries?order=newest&limit=2"), 200);
        assertEquals(third, newest.get("deliveries").get(0).get("id").asLong());
        assertEquals(second, newest.get("deliveries").get(1).get("id").asLong());
        assertEquals(first, json(get("/deliveries?order=newest&after=" + newest.get("next").asLong()), 200)
                .get("deliveries").get(0).get("id").asLong(), "the cursor goes on downwards");
        assertEquals(3, json(post("/replay", "{\"status\":\"failed\",\"handler\":\"flaky\",\"dryRun\":true}"), 200)
                .get("replayed").asLong(), "every failed delivery, the one flaky handled among them");
        JsonNode dryRun = json(post("/replay",
                "{\"handler\":\"flaky\",\"handlerStatus\":\"dead\",\"dryRun\":true}"), 200);
        assertEquals(2, dryRun.get("replayed").asLong(), dryRun.toString());
        assertEquals(2, json(get("/deliveries?handler=flaky&handlerStatus=dead"), 200).get("deliveries").size());
        assertEquals("handlerStatus", json(post("/replay", "{\"handlerStatus\":\"dead\"}"), 400)
                .get("parameter").asText(), "a run status needs the handler whose runs");

        int flakyCalls = recording.events("flaky").size();
        json(post("/replay", "{\"handler\":\"flaky\",\"handlerStatus\":\"dead\"}"), 200);
        awaitRun(first, "flaky", RunStatus.DONE);
        awaitRun(second, "flaky", RunStatus.DONE);
        assertEquals(flakyCalls + 2, recording.events("flaky").size(), "the delivery flaky handled is not sent again");
        assertEquals(RunStatus.DEAD, runStatus(third, "b"), "b's dead letter is left for b");
        assertEquals(0, json(get("/deliveries?handler=flaky&handlerStatus=dead"), 200).get("deliveries").size());
    }

    @Test
    void replayToOneNamedHandlerLeavesTheOthersAlone() throws Exception {
        start("  - { from: least, to: [a, b] }\n");
        long id = deliver("record.created", 2);
        awaitRun(id, "a", RunStatus.DONE);
        awaitRun(id, "b", RunStatus.DONE);

        json(post("/deliveries/" + id + "/replay?handler=b", ""), 200);

        Eventually.await(() -> recording.events("b").size() == 2, () -> "b calls: " + recording.events("b").size());
        awaitRun(id, "b", RunStatus.DONE);
        // A later delivery to both marks how far dispatching got: a replay of a would have run before it.
        long marker = deliver("record.created", 3);
        awaitRun(marker, "a", RunStatus.DONE);
        assertEquals(2, recording.events("a").size(), "a handled the first delivery once, and the marker");

        JsonNode unknown = json(post("/deliveries/" + id + "/replay?handler=bb", ""), 400);
        assertEquals("handler", unknown.get("parameter").asText());
        assertTrue(unknown.get("error").asText().contains("did you mean 'b'"), unknown.toString());
    }

    @Test
    void anUnroutedDeliveryIsReplayedAfterARouteIsAdded() throws Exception {
        start("  - { from: least, events: [\"record.created\"], to: [a] }\n");
        long id = deliver("record.archived", 4);
        assertEquals(DeliveryStatus.UNROUTED, server.store().find(id).orElseThrow().status());
        JsonNode nothing = json(post("/deliveries/" + id + "/replay", ""), 409);
        assertTrue(nothing.get("error").asText().contains("no route selects a handler"), nothing.toString());

        start("  - { from: least, events: [\"record.created\"], to: [a] }\n"
                + "  - { from: least, events: [\"record.archived\"], to: [b] }\n");
        JsonNode replayed = json(post("/deliveries/" + id + "/replay", ""), 200);

        assertEquals("b", replayed.get("handlers").get(0).asText());
        awaitRun(id, "b", RunStatus.DONE);
        assertEquals(DeliveryStatus.DONE, server.store().find(id).orElseThrow().status());
        assertEquals(1, recording.events("b").size());
    }

    @Test
    void replayAllMatchingAFilterAndDryRun() throws Exception {
        recording.script("flaky", call -> {
            throw new IllegalStateException("down");
        });
        start("  - { from: least, events: [\"record.created\"], to: [flaky] }\n"
                + "  - { from: least, events: [\"record.archived\"], to: [a] }\n");
        long dead1 = deliver("record.created", 5);
        long dead2 = deliver("record.created", 6);
        long done = deliver("record.archived", 7);
        awaitRun(dead1, "flaky", RunStatus.DEAD);
        awaitRun(dead2, "flaky", RunStatus.DEAD);
        awaitRun(done, "a", RunStatus.DONE);

        JsonNode dry = json(post("/replay", "{\"status\":\"failed\",\"dryRun\":true}"), 200);
        assertEquals(2, dry.get("matched").asInt());
        assertEquals(2, dry.get("replayed").asInt());
        assertEquals(RunStatus.DEAD, runStatus(dead1, "flaky"), "a dry run changes nothing");

        recording.script("flaky", call -> Outcome.done());
        JsonNode all = json(post("/replay", "{\"status\":\"failed\",\"type\":\"record.*\"}"), 200);
        assertEquals(2, all.get("replayed").asInt());
        assertEquals(2, all.get("byHandler").get("flaky").asInt());
        awaitRun(dead1, "flaky", RunStatus.DONE);
        awaitRun(dead2, "flaky", RunStatus.DONE);
        assertEquals(1, recording.events("a").size(), "the done delivery did not match and was not replayed");
    }

    @Test
    void listsWithFiltersAndPagesAndShowsMaskedHeaders() throws Exception {
        start("  - { from: least, events: [\"record.created\"], to: [a] }\n");
        long first = deliver("record.created", 10);
        long second = deliver("record.archived", 11);
        long third = deliver("record.created", 12);
        awaitRun(third, "a", RunStatus.DONE);

        JsonNode page = json(get("/deliveries?limit=2"), 200);
        assertEquals(2, page.get("deliveries").size());
        assertEquals(first, page.get("deliveries").get(0).get("id").asLong());
        assertEquals(second, page.get("next").asLong());
        JsonNode rest = json(get("/deliveries?limit=2&after=" + second), 200);
        assertEquals(third, rest.get("deliveries").get(0).get("id").asLong());
        assertTrue(rest.get("next").isNull());

        JsonNode unrouted = json(get("/deliveries?status=unrouted&type=record.*&endpoint=least&vendor=least"
                + "&since=1h&until=2999-01-01T00:00:00Z"), 200);
        assertEquals(1, unrouted.get("deliveries").size());
        assertEquals(second, unrouted.get("deliveries").get(0).get("id").asLong());
        assertEquals(0, json(get("/deliveries?until=2000-01-01"), 200).get("deliveries").size());

        JsonNode shown = json(get("/deliveries/" + first), 200);
        assertEquals("record.created", shown.get("type").asText());
        assertEquals("[\"****\"]", shown.get("headers").get("X-LEAST-Signature").toString(),
                "the signature is masked in the store and so in the API");
        assertEquals("{\"event\":\"record.created\",\"record_id\":10}", shown.get("body").asText());
        assertEquals("utf-8", shown.get("bodyEncoding").asText());
        assertEquals("a", shown.get("runs").get(0).get("handler").asText());
    }

    @Test
    void badInputIs400NamingTheParameterUnknownPaths404WrongMethods405() throws Exception {
        start("  - { from: least, to: [a] }\n");
        assertEquals("status", json(get("/deliveries?status=lost"), 400).get("parameter").asText());
        assertEquals("limit", json(get("/deliveries?limit=0"), 400).get("parameter").asText());
        assertEquals("limit", json(get("/deliveries?limit=many"), 400).get("parameter").asText());
        assertEquals("since", json(get("/deliveries?since=yesterday"), 400).get("parameter").asText());
        assertEquals("after", json(get("/deliveries?after=-1"), 400).get("parameter").asText());
        assertEquals("colour", json(get("/deliveries?colour=red"), 400).get("parameter").asText());
        assertEquals("id", json(get("/deliveries/abc"), 400).get("parameter").asText());
        assertEquals("body", json(post("/replay", "{not json"), 400).get("parameter").asText());
        assertEquals("body", json(post("/replay", "[1]"), 400).get("parameter").asText());
        assertEquals("bogus", json(post("/replay", "{\"bogus\":1}"), 400).get("parameter").asText());
        assertEquals("dryRun", json(post("/purge", "{\"dryRun\":\"yes\"}"), 400).get("parameter").asText());
        assertEquals("olderThan", json(post("/purge", "{\"olderThan\":\"ages\"}"), 400).get("parameter").asText());
        assertEquals("handler", json(post("/replay", "{\"handler\":\"nobody\"}"), 400).get("parameter").asText());

        json(get("/deliveries/424242"), 404);
        json(post("/deliveries/424242/replay", ""), 404);
        json(get("/nothing/here"), 404);
        // "/" is the console's overview now (ConsoleAccessHttpTest): not an API path, and not JSON.
        json(get("/health"), 404);

        HttpResponse<String> postList = post("/deliveries", "{}");
        json(postList, 405);
        assertEquals("GET", postList.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> getPurge = get("/purge");
        json(getPurge, 405);
        assertEquals("POST", getPurge.headers().firstValue("Allow").orElse(""));
        json(get("/deliveries/1/replay"), 405);
        json(post("/health/live", ""), 405);
    }

    @Test
    void healthLiveAndReadyWithTheChecksNamed() throws Exception {
        start("  - { from: least, to: [a] }\n");
        assertEquals("up", json(get("/health/live"), 200).get("status").asText());
        JsonNode ready = json(get("/health/ready"), 200);
        assertEquals("ready", ready.get("status").asText());
        assertEquals("ok", ready.get("checks").get("store").asText());
        assertEquals("ok", ready.get("checks").get("plugins").asText());
        assertEquals("ok", ready.get("checks").get("listener").asText());
    }

    @Test
    void readinessIs503NamingTheFailedCheck() throws Exception {
        Readiness readiness = new Readiness(List.of(
                new Readiness.Check("store", () -> Optional.empty()),
                new Readiness.Check("listener", () -> Optional.of("not accepting"))));
        assertEquals("failed: not accepting", readiness.evaluate().get("listener"));
        assertEquals("ok", readiness.evaluate().get("store"));
        Readiness throwing = new Readiness(List.of(new Readiness.Check("store", () -> {
            throw new StoreUnavailableException("disk full", null);
        })));
        assertEquals("failed: disk full", throwing.evaluate().get("store"));
    }

    @Test
    void purgeThroughTheApiKeepsPendingWorkAndHonoursDryRun() throws Exception {
        recording.script("flaky", call -> Outcome.retryAfter(java.time.Duration.ofHours(1)));
        start("  - { from: least, events: [\"record.created\"], to: [a] }\n"
                // A type LEAST's catalog does not list (parsed as a generic event): a glob, since a literal one is
                // refused at startup as a likely typo.
                + "  - { from: least, events: [\"record.upd*\"], to: [flaky] }\n");
        long done = deliver("record.created", 20);
        long unrouted = deliver("record.archived", 21);
        long pending = deliver("record.updated", 22);
        awaitRun(done, "a", RunStatus.DONE);
        Eventually.await(() -> recording.events("flaky").size() == 1, () -> "flaky not called yet");

        JsonNode dry = json(post("/purge", "{\"olderThan\":\"0s\",\"dryRun\":true}"), 200);
        assertEquals(2, dry.get("wouldPurge").asInt());
        assertTrue(server.store().find(done).isPresent());

        JsonNode none = json(post("/purge", "{}"), 200);
        assertEquals(0, none.get("purged").asInt(), "nothing is older than the default 30 days");

        JsonNode purged = json(post("/purge", "{\"olderThan\":\"0s\"}"), 200);
        assertEquals(2, purged.get("purged").asInt());
        assertFalse(server.store().find(done).isPresent());
        assertFalse(server.store().find(unrouted).isPresent());
        assertTrue(server.store().find(pending).isPresent(), "pending work is never purged unless asked");

        assertEquals(1, json(post("/purge", "{\"olderThan\":\"0s\",\"includePending\":true}"), 200)
                .get("purged").asInt());
        assertFalse(server.store().find(pending).isPresent());
    }
}
