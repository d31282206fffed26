package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.StoreFiles;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credential headers sent with a genuine delivery, over real HTTP to a real server: once the signature is verified,
 * their values are nowhere in clear, neither in the store file, nor for the handler, nor in the management API, nor
 * in {@code deliveries show}; other headers are kept as sent.
 */
class CredentialMaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEPT_HEADER = "X-Request-Id";
    private static final String KEPT_VALUE = "kept-request-id-4410";

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

    private void start(String serverSection) throws Exception {
        // An absolute store path: the command line resolves relative ones against the installation's home.
        server = TestServer.start(home, serverSection + "store: { path: '" + home.resolve("data").toAbsolutePath()
                + "' }\n" + TestServer.LEAST_TO_REC, recording);
    }

    /** Posts a genuine LEAST delivery with these extra headers; answers the stored delivery's id. */
    private long deliver(Map<String, String> extraHeaders) {
        String body = "{\"event\":\"record.created\",\"record_id\":7}";
        Delivery signed = LeastFixtures.signed("least").body(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/hooks/least"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.headers().toMap().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        extraHeaders.forEach(request::header);
        request.header(KEPT_HEADER, KEPT_VALUE);
        HttpResponse<String> response = TestServer.send(request);
        assertEquals(200, response.statusCode(), response.body());
        return server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow().id();
    }

    /** What every later stage sees of a masked header, and of the kept one. */
    private void assertMaskedEverywhere(long id, Map<String, String> credentials) throws Exception {
        Map<String, String> masked = new LinkedHashMap<>(credentials);
        masked.put(LeastFixtures.SIGNATURE_HEADER, "signature value");

        Eventually.await(() -> recording.events("rec").size() == 1, () -> "the handler was not called");
        Headers handed = recording.events("rec").get(0).delivery().headers();
        masked.keySet().forEach(name -> assertEquals(List.of("****"), handed.all(name), "handler's " + name));
        assertEquals(List.of(KEPT_VALUE), handed.all(KEPT_HEADER));

        HttpResponse<String> shown = TestServer.send(HttpRequest.newBuilder(server.managementUri("/deliveries/" + id)));
        assertEquals(200, shown.statusCode(), shown.body());
        JsonNode apiHeaders = JSON.readTree(shown.body()).get("headers");
        masked.keySet().forEach(name -> assertEquals("[\"****\"]", apiHeaders.get(name).toString(), "API's " + name));
        assertEquals("[\"" + KEPT_VALUE + "\"]", apiHeaders.get(KEPT_HEADER).toString());

        CommandRun show = CommandRun.of(home, Map.of(), "deliveries", "show", Long.toString(id),
                "--config", home.resolve("hookyard.yaml").toString());
        assertEquals(ExitCodes.OK, show.status(), show.transcript());
        masked.keySet().forEach(name -> assertTrue(show.out().contains("  " + name + ": ****\n"),
                "deliveries show of " + name + ":\n" + show.transcript()));
        assertTrue(show.out().contains("  " + KEPT_HEADER + ": " + KEPT_VALUE + "\n"), show.transcript());

        // The store's own files: a value the scan can find is there, and no credential is.
        String files = StoreFiles.bytes(home.resolve("data"));
        assertTrue(files.contains(KEPT_VALUE), "the scan sees stored header values");
        credentials.values().forEach(value -> assertFalse(files.contains(value), "in clear in the store: " + value));
        String signature = LeastFixtures.signed("least").body("{\"event\":\"record.created\",\"record_id\":7}")
                .headers().first(LeastFixtures.SIGNATURE_HEADER).orElseThrow();
        assertFalse(files.contains(signature), "the signature in clear in the store");
    }

    @Test
    void everyHeaderNamedLikeACredentialIsMaskedAfterVerification() throws Exception {
        start("server: { host: 127.0.0.1, port: 0 }\n");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("X-Api-Key", "clear-x-api-key-7f3a");
        credentials.put("Api-Key", "clear-api-key-19bd");
        credentials.put("X-API_KEY", "clear-underscore-key-2c41");
        credentials.put("X-Password", "clear-password-88e0");
        credentials.put("X-Credential", "clear-credential-5d17");
        credentials.put("X-Client-Key", "clear-client-key-a9c2");
        credentials.put("X-Session", "clear-session-3b6e");
        credentials.put("Authorization", "Bearer clear-bearer-61f0");
        credentials.put("Cookie", "sid=clear-cookie-0e7d");

        long id = deliver(credentials);

        assertMaskedEverywhere(id, credentials);
    }

    @Test
    void headersNamedInTheConfigurationAreMaskedToo() throws Exception {
        start("server: { host: 127.0.0.1, port: 0, maskHeaders: [\"x-tenant-*\", \"X_Internal_Ref\"] }\n");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("X-Tenant-Id", "clear-tenant-d3c8");
        credentials.put("x-internal-ref", "clear-internal-ref-77a1");
        credentials.put("X-Api-Key", "clear-x-api-key-0b52");

        long id = deliver(credentials);

        assertMaskedEverywhere(id, credentials);
    }
}
