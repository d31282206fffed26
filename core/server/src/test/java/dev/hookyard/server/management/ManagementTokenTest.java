package dev.hookyard.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code management.token}: required off loopback, checked (as a bearer token, in constant time) on every management
 * request but {@code /health/live} when set, over real HTTP.
 */
class ManagementTokenTest {

    private static final String TOKEN = "mgmt-token-4f1c9a7e2b";
    private static final String ENDPOINT = """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
            """;
    private static final List<String> PROTECTED = List.of("/metrics", "/health/ready", "/deliveries",
            "/deliveries/1", "/nowhere");

    @TempDir
    Path home;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(String management) throws Exception {
        Files.writeString(home.resolve("management-token"), TOKEN + "\n");
        server = TestServer.start(home, TestServer.serverSection() + management + ENDPOINT, new RecordingHandlers());
        return server;
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.managementUri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestServer.send(request);
    }

    @Test
    void loopbackWithoutATokenIsOpen() throws Exception {
        start("management: { host: 127.0.0.1, port: 0 }\n");
        for (String path : List.of("/metrics", "/health/ready", "/health/live", "/deliveries")) {
            assertEquals(200, get(path, null).statusCode(), path);
        }
    }

    @Test
    void withATokenEveryRequestButLivenessNeedsIt() throws Exception {
        start("management: { host: 127.0.0.1, port: 0, token: \"${file:management-token}\" }\n");
        assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 1)).statusCode());

        for (String path : PROTECTED) {
            for (String wrong : new String[] {null, "Bearer not-the-token", "Bearer " + TOKEN + "x", "Bearer ",
                    "Basic " + TOKEN, TOKEN, "Bearer" + TOKEN}) {
                HttpResponse<String> denied = get(path, wrong);
                assertEquals(401, denied.statusCode(), path + " with Authorization " + wrong);
                assertEquals("{\n  \"error\" : \"unauthorized\"\n}\n", denied.body(), "a fixed body, echoing nothing");
                assertEquals("Bearer realm=\"hookyard\"", denied.headers().firstValue("WWW-Authenticate")
                        .orElse(null));
            }
        }
        HttpResponse<String> post = TestServer.send(HttpRequest.newBuilder(server.managementUri("/purge"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\":true}")));
        assertEquals(401, post.statusCode(), "a POST without the token changes nothing");

        assertEquals(200, get("/metrics", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get("/health/ready", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get("/deliveries/1", "bearer " + TOKEN).statusCode(), "the scheme is case-insensitive");
        HttpResponse<String> listed = get("/deliveries", "Bearer " + TOKEN);
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains(TOKEN), listed.body());
        assertEquals(404, get("/nowhere", "Bearer " + TOKEN).statusCode(), "past the token, the routes answer");

        HttpResponse<String> live = get("/health/live", null);
        assertEquals(200, live.statusCode(), "liveness is open to supervisors without the token");
        assertEquals(200, get("/health/live", "Bearer wrong").statusCode());
        assertFalse(get("/metrics", "Bearer " + TOKEN).body().contains(TOKEN), "the token is not a metric");
    }

    @Test
    void aNonLoopbackBindWithATokenStartsAndChecksIt() throws Exception {
        start("management: { host: 0.0.0.0, port: 0, token: \"${file:management-token}\" }\n");
        assertEquals(401, get("/metrics", null).statusCode());
        assertEquals(200, get("/metrics", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void aNonLoopbackBindWithoutATokenStopsAtConfigLoadNamingTheKey() throws Exception {
        for (String host : List.of("0.0.0.0", "::", "192.168.1.20", "ops.example.internal")) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> load("management: { host: \"" + host + "\", port: 9090 }\n", Map.of()), host);
            assertTrue(e.getMessage().contains("management.token: is required when management.host is not a"
                    + " loopback address"), e.getMessage());
            assertTrue(e.getMessage().contains("HOOKYARD_MANAGEMENT_TOKEN"), "the fix names the usual reference");
        }
        for (String host : List.of("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST")) {
            assertNull(load("management: { host: \"" + host + "\", port: 9090 }\n", Map.of()).management().token(),
                    host);
        }
        HookyardConfig disabled = load("management: { enabled: false, host: 0.0.0.0 }\n", Map.of());
        assertFalse(disabled.management().enabled(), "no listener, no token needed");
    }

    @Test
    void theTokenReferenceIsResolvedAndAMissingOneNamesTheKey() throws Exception {
        String yaml = "management: { host: 0.0.0.0, port: 9090, token: \"${env:HOOKYARD_MANAGEMENT_TOKEN}\" }\n";
        HookyardConfig config = load(yaml, Map.of("HOOKYARD_MANAGEMENT_TOKEN", TOKEN));
        assertTrue(config.management().token().matches(TOKEN));
        assertFalse(config.management().toString().contains(TOKEN), "the token is never shown");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(yaml, Map.of()));
        assertTrue(e.getMessage().contains("management.token: environment variable HOOKYARD_MANAGEMENT_TOKEN is not"
                + " set"), e.getMessage());
        assertFalse(e.getMessage().contains("is required when"), "one problem, not two: " + e.getMessage());

        InvalidConfigException empty = assertThrows(InvalidConfigException.class,
                () -> load("management: { token: \" \" }\n", Map.of()));
        assertTrue(empty.getMessage().contains("management.token: is empty"), empty.getMessage());

        // The store commands never start the API: they load without the token's variable.
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, yaml + ENDPOINT);
        HookyardConfig inspected = ConfigLoader.forInspection(home, Map.of("LEAST_SECRET", "s")::get).load(file);
        assertEquals(9090, inspected.management().port());
    }

    private HookyardConfig load(String management, Map<String, String> env) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, management + ENDPOINT);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("LEAST_SECRET", "s");
        return new ConfigLoader(home, all::get).load(file);
    }
}
