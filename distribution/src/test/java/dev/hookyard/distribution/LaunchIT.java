package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real {@code bin/hookyard run} of the unpacked distribution as a child process: the module-path launch a
 * user types, which catches missing {@code requires}/{@code opens} that Surefire's module patching hides. Drives it
 * over real HTTP, restarts it on the same store, and reads the store with SQLite.
 */
class LaunchIT {

    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    private static final String LOG_HANDLER_LOGGER = "hookyard.handler.log";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    /** LEAST's published test vector (shared/vendor-docs/SPEC.md). */
    private static final String SECRET = ChildServer.SECRET;
    private static final String CREATED_BODY = "{\"event\":\"record.created\",\"record_id\":42}";
    private static final String CREATED_SIGNATURE =
            "sha256=f644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607f";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    private ChildServer server;

    @AfterEach
    void killChild() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void signatureHelperReproducesTheLeastTestVector() throws Exception {
        assertEquals(CREATED_SIGNATURE,
                LeastSigning.signature(SECRET, CREATED_BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void launchedDistributionVerifiesStoresDispatchesAndDeduplicatesAcrossARestart() throws Exception {
        Path home = ChildServer.distributionHome();
        Path launcher = home.resolve("bin/hookyard");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable");
        Path store = work.resolve("store");
        Path config = ChildServer.writeConfig(work, store, "{ channel: any }", "  log: { type: log }",
                "  - { from: \"*\", events: [\"*\"], to: [log] }");
        byte[] created = CREATED_BODY.getBytes(StandardCharsets.UTF_8);
        String signature = LeastSigning.signature(SECRET, created);

        // First run: the four answers of the delivery path, and the log handler's line.
        server = ChildServer.start(launcher, config, work);
        URI base = server.awaitReady();
        server.assertJvmReplacedTheLauncher();
        URI least = base.resolve("/hooks/least");

        assertStatus(200, post(least, created, signature), "a correctly signed LEAST delivery");
        assertStatus(401, post(least, created, LeastSigning.signature("not-the-secret", created)),
                "a forged signature");
        assertStatus(401, post(least, created, null), "a delivery without a signature");
        assertStatus(404, post(base.resolve("/hooks/nobody"), created, signature), "an unknown path");
        assertStatus(405, send(HttpRequest.newBuilder(least).GET()), "GET on a delivery endpoint");

        String logged = server.awaitLine(line -> isLogHandlerLine(line, "record.created"),
                "the log handler's line for record.created");
        Matcher key = Pattern.compile("key=(\\S+)").matcher(logged);
        assertTrue(key.find(), () -> "no key=... in the log handler's line: " + logged);
        String deliveryKey = key.group(1);
        assertEquals(LeastSigning.deliveryKey(created), deliveryKey,
                "LEAST's delivery key is the SHA-256 of the raw body");
        assertTrue(logged.contains("endpoint=least vendor=least type=record.created key="),
                () -> "unexpected log handler line: " + logged);

        // The management API of the launched server answers on its own port.
        String managementLine = server.awaitLine(l -> MANAGEMENT.matcher(l).find(), "the management API line");
        Matcher management = MANAGEMENT.matcher(managementLine);
        assertTrue(management.find());
        URI managementBase = URI.create("http://127.0.0.1:" + management.group(1) + "/");
        assertStatus(200, send(HttpRequest.newBuilder(managementBase.resolve("/health/ready")).GET()),
                "GET /health/ready of the management API");

        // Replay from a second real process, on the running server's store: its dispatcher handles it again.
        CommandProcess listed = CommandProcess.run(launcher, work, Map.of(), "deliveries", "list", "--type", "record.created",
                "--json", "--config", config.toString());
        assertEquals(0, listed.status(), () -> "deliveries list failed:\n" + listed.output());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(listed.output());
        assertTrue(id.find(), () -> "no id in the JSON of 'deliveries list':\n" + listed.output());
        CommandProcess replayed = CommandProcess.run(launcher, work, Map.of(), "replay", id.group(1), "--config", config.toString());
        assertEquals(0, replayed.status(), () -> "replay failed:\n" + replayed.output());
        assertTrue(replayed.output().contains("Replayed delivery " + id.group(1) + " to log"), replayed.output());
        awaitCount(line -> isLogHandlerLine(line, "record.created"), 2,
                "a second log handler line for record.created, after 'bin/hookyard replay'");

        // SIGTERM (the launcher exec'd java, so the JVM gets it) must stop the server.
        server.stop();

        // Second run on the same store: the same delivery is a duplicate, answered 200 and not dispatched again.
        server = ChildServer.start(launcher, config, work);
        base = server.awaitReady();
        least = base.resolve("/hooks/least");
        assertStatus(200, post(least, created, signature), "the same signed delivery again, after a restart");
        // A second, different delivery marks how far dispatching has got: once its line is there, a
        // re-dispatch of the duplicate (queued before it) would have shown up too.
        byte[] archived = "{\"event\":\"record.archived\",\"record_id\":43}".getBytes(StandardCharsets.UTF_8);
        assertStatus(200, post(least, archived, LeastSigning.signature(SECRET, archived)), "a new signed delivery");
        server.awaitLine(line -> isLogHandlerLine(line, "record.archived"),
                "the log handler's line for record.archived");
        assertFalse(server.output().stream().anyMatch(line -> isLogHandlerLine(line, "record.created")),
                () -> "the duplicate delivery was dispatched again after the restart\n" + server.transcript());
        String secondRun = server.transcript();
        server.stop();

        // The store holds the first delivery exactly once, with its raw body.
        Path db = store.resolve("hookyard.db");
        assertTrue(Files.isRegularFile(db), () -> "no store at " + db + "\n" + secondRun);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<Row> rows = rows(connection, "SELECT endpoint, vendor, event_type, delivery_key, body, status"
                    + " FROM deliveries WHERE delivery_key = ?", deliveryKey);
            assertEquals(1, rows.size(), () -> "rows with delivery key " + deliveryKey + ": " + rows);
            Row row = rows.get(0);
            assertEquals("least", row.endpoint(), "endpoint");
            assertEquals("least", row.vendor(), "vendor");
            assertEquals("record.created", row.eventType(), "event type");
            assertArrayEquals(created, row.body(), "the stored body is the raw request body");
            assertNotNull(row.status(), "status");
            List<Row> all = rows(connection, "SELECT endpoint, vendor, event_type, delivery_key, body, status"
                    + " FROM deliveries", null);
            assertEquals(2, all.size(), () -> "all stored deliveries (record.created once, record.archived once): "
                    + all);
        }
    }

    /** The exit status and the merged output of a finished {@code bin/hookyard} command. */
    /** Waits until {@code count} lines of the server's output match. */
    private void awaitCount(Predicate<String> wanted, int count, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(EVENT_TIMEOUT);
        while (server.output().stream().filter(wanted).count() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("no " + what + " within " + EVENT_TIMEOUT.toSeconds() + "s\n" + server.transcript());
            }
            Thread.sleep(25);
        }
    }

    private static boolean isLogHandlerLine(String line, String type) {
        return line.contains(LOG_HANDLER_LOGGER) && line.contains(" type=" + type + " ");
    }

    private HttpResponse<String> post(URI uri, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-LEAST-Signature", signature);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e + "\n" + server.transcript(), e);
        }
    }

    private void assertStatus(int expected, HttpResponse<String> response, String what) {
        assertEquals(expected, response.statusCode(), () -> what + ": " + response.request().method() + " "
                + response.request().uri() + " answered " + response.statusCode() + " with body '"
                + response.body() + "'\n" + server.transcript());
    }

    private static List<Row> rows(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (key != null) {
                statement.setString(1, key);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getBytes(5), result.getString(6)));
                }
                return rows;
            }
        }
    }

    private record Row(String endpoint, String vendor, String eventType, String deliveryKey, byte[] body,
                       String status) {
        @Override
        public String toString() {
            return "Row[endpoint=" + endpoint + ", vendor=" + vendor + ", type=" + eventType + ", key=" + deliveryKey
                    + ", body=" + (body == null ? null : new String(body, StandardCharsets.UTF_8)) + ", status="
                    + status + "]";
        }
    }
}
