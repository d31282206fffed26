package dev.hookyard.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the management API takes as input, over real HTTP against a real server with one stored, handled delivery:
 * a request must say exactly one thing. A field given twice, a bulk operation without a body, or an id spelled any
 * other way than plain ASCII digits is refused with 400 and changes nothing, rather than being read as something the
 * caller may not have meant.
 */
class ManagementInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;
    private long id;

    @BeforeEach
    void startWithOneHandledDelivery() throws Exception {
        server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC, recording);
        String body = "{\"event\":\"record.created\",\"record_id\":1}";
        assertEquals(200, server.post("/hooks/least", LeastFixtures.signed("least").body(body)).statusCode());
        id = server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow().id();
        Eventually.await(() -> runStatus() == RunStatus.DONE, () -> "run of delivery " + id + " is " + runStatus());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RunStatus runStatus() {
        try {
            return server.store().runs(id).get(0).status();
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean stored() throws StoreUnavailableException {
        return server.store().find(id).isPresent();
    }

    /** A request whose path is sent exactly as written (no encoding by the client). */
    private HttpResponse<String> send(String method, String rawPath, String body) {
        URI uri = URI.create("http://127.0.0.1:" + server.hookyard().managementPort().orElseThrow() + rawPath);
        return TestServer.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertEquals(expectedStatus, response.statusCode(), () -> response.request().method() + " "
                + response.request().uri() + " answered " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanTheLastOneWinning() throws Exception {
        JsonNode purge = json(send("POST", "/purge", "{\"olderThan\":\"0s\",\"dryRun\":true,\"dryRun\":false}"), 400);
        assertEquals("dryRun", purge.get("parameter").asText());
        assertEquals("dryRun: is given more than once", purge.get("error").asText());
        assertTrue(stored(), "nothing was purged");

        JsonNode replay = json(send("POST", "/replay", "{\"dryRun\":true,\"status\":\"done\",\"dryRun\":false}"), 400);
        assertEquals("dryRun", replay.get("parameter").asText());
        // A real replay makes the run pending in the same transaction, before it answers.
        assertEquals(RunStatus.DONE, runStatus(), "nothing was replayed");

        // The same in any case: a field repeated with equal values says the same thing twice, still refused.
        assertEquals("olderThan", json(send("POST", "/purge", "{\"olderThan\":\"0s\",\"olderThan\":\"0s\","
                + "\"dryRun\":true}"), 400).get("parameter").asText());
        assertTrue(stored());
    }

    @Test
    void aBulkOperationWithoutABodyIsRefused() throws Exception {
        for (String body : new String[] {"", "  \n"}) {
            JsonNode purge = json(send("POST", "/purge", body), 400);
            assertEquals("body", purge.get("parameter").asText());
            assertTrue(purge.get("error").asText().contains("is required"), purge.toString());
            JsonNode replay = json(send("POST", "/replay", body), 400);
            assertEquals("body", replay.get("parameter").asText());
        }
        assertTrue(stored());
        assertEquals(RunStatus.DONE, runStatus(), "nothing was replayed");

        // An explicit body, even an empty object, is an explicit request.
        assertEquals(0, json(send("POST", "/purge", "{}"), 200).get("purged").asInt(),
                "nothing is older than the default 30 days");
    }

    @Test
    void anIdIsPlainAsciiDigitsOnly() throws Exception {
        assertEquals(1, id, "the delivery these spellings would alias");
        assertEquals(id, json(send("GET", "/deliveries/1", ""), 200).get("id").asLong());

        String[] spellings = {"+1", "%2B1", "01", "001", "%D9%A1" /* Arabic-Indic one */, "%EF%BC%91" /* fullwidth */,
                "1;x", "1%3Bx", "1;", "%201", "1%20", "0x1", "1.0", "1e0", "-1", "12345678901234567890123"};
        for (String spelling : spellings) {
            HttpResponse<String> shown = send("GET", "/deliveries/" + spelling, "");
            assertEquals(400, shown.statusCode(), () -> "GET /deliveries/" + spelling + " answered "
                    + shown.statusCode() + " " + shown.body());
            assertEquals("id", JSON.readTree(shown.body()).get("parameter").asText(), shown.body());

            HttpResponse<String> replayed = send("POST", "/deliveries/" + spelling + "/replay", "");
            assertEquals(400, replayed.statusCode(), () -> "POST /deliveries/" + spelling + "/replay answered "
                    + replayed.statusCode() + " " + replayed.body());
        }
        assertEquals(RunStatus.DONE, runStatus(), "no spelling replayed delivery 1");

        // In range and well-formed, but not stored: 404.
        json(send("GET", "/deliveries/9223372036854775807", ""), 404);
        assertEquals("id", json(send("GET", "/deliveries/0", ""), 400).get("parameter").asText());
    }

    @Test
    void pathParametersDoNotReachAnotherRoute() throws Exception {
        json(send("POST", "/purge;x", "{\"olderThan\":\"0s\"}"), 404);
        json(send("GET", "/deliveries;x/1", ""), 404);
        json(send("POST", "/deliveries/1/replay;x", ""), 404);
        assertTrue(stored(), "nothing was purged");
        assertEquals(RunStatus.DONE, runStatus(), "nothing was replayed");
    }
}
