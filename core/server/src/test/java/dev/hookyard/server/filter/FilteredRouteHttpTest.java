package dev.hookyard.server.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route filters on a real server, over real HTTP: signed LEAST deliveries reach the handlers of the routes whose
 * filters select them, a delivery no filter selects is stored unrouted, and the management API says which filter
 * condition said no.
 */
class FilteredRouteHttpTest {

    private static final String CONFIG = TestServer.serverSection() + TestServer.LEAST_ENDPOINT + """
            handlers:
              closer: { type: recording }
              acme: { type: recording }
              signed: { type: recording }
            routes:
              - from: least
                events: ["record.action"]
                filter: { body: { action_id: 8, data: { status: { $in: [open, pending] } } } }
                to: [closer]
              - { from: least, filter: { headers: { X-Tenant: acme } }, to: [acme] }
              - { from: least, filter: { headers: { X-LEAST-Signature: { $startsWith: "sha256=" } } }, to: [signed] }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(home, CONFIG, recording);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDeliveryReachesOnlyTheRoutesWhoseFiltersSelectIt() {
        String open = "{\"event\":\"record.action\",\"record_id\":1,\"action_id\":8,\"data\":{\"status\":\"open\"}}";
        String tenant = "{\"event\":\"record.created\",\"record_id\":2}";

        assertEquals(200, post(open, Map.of("X-Tenant", "other")).statusCode());
        assertEquals(200, post(tenant, Map.of("x-TENANT", "acme")).statusCode());

        Eventually.await(() -> recording.events("closer").size() == 1 && recording.events("acme").size() == 1,
                () -> "calls: " + recording.calls());
        assertEquals(LeastFixtures.keyOf(open), recording.events("closer").get(0).deliveryKey());
        assertEquals(LeastFixtures.keyOf(tenant), recording.events("acme").get(0).deliveryKey());
        StoredDelivery first = server.findByKey("least", LeastFixtures.keyOf(open)).orElseThrow();
        assertEquals(List.of("closer"), server.runs(first.id()).stream().map(r -> r.handler()).toList());
    }

    @Test
    void aDeliveryNoFilterSelectsIsUnroutedAndTheApiSaysWhichConditionSaidNo() throws Exception {
        // LEAST's parser takes "8" for action 8, but the filter compares the body as sent, types included.
        String body = "{\"event\":\"record.action\",\"record_id\":3,\"action_id\":\"8\",\"data\":{\"status\":\"open\"}}";

        HttpResponse<String> response = post(body, Map.of());

        assertEquals(200, response.statusCode());
        StoredDelivery stored = server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow();
        assertEquals(DeliveryStatus.UNROUTED, server.status(stored.id()));
        assertEquals(List.of(), server.runs(stored.id()));

        JsonNode detail = JSON.readTree(TestServer.send(HttpRequest.newBuilder(
                server.managementUri("/deliveries/" + stored.id())).GET()).body());
        JsonNode routing = detail.get("routing");
        assertEquals(3, routing.size(), routing::toPrettyString);
        assertEquals("filtered_out", routing.get(0).get("reason").asText());
        assertEquals("body.action_id", routing.get(0).get("filter").get("path").asText());
        assertEquals("8", routing.get(0).get("filter").get("expected").asText());
        assertEquals("\"8\"", routing.get(0).get("filter").get("found").asText());
        assertEquals("from least, events record.action", routing.get(0).get("route").asText());
        assertEquals("headers.X-Tenant", routing.get(1).get("filter").get("path").asText());
        assertEquals("nothing (missing)", routing.get(1).get("filter").get("found").asText());
        // Filters see credential headers masked, as stored: no route can select by a signature's value.
        assertEquals("headers.X-LEAST-Signature.$startsWith", routing.get(2).get("filter").get("path").asText());
        assertEquals("\"****\"", routing.get(2).get("filter").get("found").asText());
        assertTrue(routing.findValues("selected").stream().noneMatch(JsonNode::asBoolean));

        // A replay routes with the filters too: nothing selects it, so nothing is replayed.
        HttpResponse<String> replay = TestServer.send(HttpRequest.newBuilder(
                server.managementUri("/deliveries/" + stored.id() + "/replay")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(409, replay.statusCode(), replay.body());
    }

    @Test
    void theApiShowsTheRouteThatSelectedADelivery() throws Exception {
        String body = "{\"event\":\"record.action\",\"record_id\":4,\"action_id\":8,\"data\":{\"status\":\"pending\"}}";
        assertEquals(200, post(body, Map.of()).statusCode());
        StoredDelivery stored = server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow();

        JsonNode routing = JSON.readTree(TestServer.send(HttpRequest.newBuilder(
                server.managementUri("/deliveries/" + stored.id())).GET()).body()).get("routing");

        assertTrue(routing.get(0).get("selected").asBoolean(), routing::toPrettyString);
        assertEquals("closer", routing.get(0).get("handlers").get(0).asText());
        assertEquals("filtered_out", routing.get(1).get("reason").asText());
    }

    /** A LEAST delivery of {@code body}, signed, with extra headers. */
    private HttpResponse<String> post(String body, Map<String, String> extra) {
        Delivery signed = LeastFixtures.signed("least").body(body);
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers().toMap());
        extra.forEach((name, value) -> headers.put(name, List.of(value)));
        return server.post("/hooks/least", new Delivery("least", Headers.of(headers), signed.body(),
                signed.receivedAt()));
    }
}
