package dev.hookyard.server.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.testing.DeliveryLoad;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.Secret;
import dev.hookyard.testkit.SignedDeliveries;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads of a real server (Jetty on a free port, SQLite on disk) under real HTTP load: the new configuration is
 * used by requests that start after the reload, requests never fail because of it, a bad file changes nothing, and
 * handlers are kept, built and closed as the reload says.
 */
class ReloadHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD = "old-secret-4f1a";
    private static final String NEW = "new-secret-9c2e";
    private static final int SENDERS = 3;

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();

    private static String config(String secrets, String handlers, String routes) {
        return TestServer.serverSection()
                + "endpoints:\n  least: { vendor: least, secrets: " + secrets + " }\n"
                + "handlers:\n" + handlers + "routes:\n" + routes;
    }

    private static final String REC = "  rec: { type: recording }\n";
    private static final String ALL_TO_REC = "  - { to: [rec] }\n";

    /** A delivery to {@code least} signed with {@code secret}, distinct for each {@code n}. */
    private static Delivery signed(String secret, long n) {
        return SignedDeliveries.of(LeastFixtures.vendor(), "least", Secret.of(secret), Clock.systemUTC())
                .body("{\"event\":\"record.created\",\"record_id\":" + n + "}");
    }

    private static DeliveryLoad.Request request(TestServer server, String kind, String secret, long n) {
        Delivery delivery = signed(secret, n);
        return new DeliveryLoad.Request(kind, LeastFixtures.keyOf(delivery.body()),
                () -> server.post("/hooks/least", delivery));
    }

    private static HttpResponse<String> reload(TestServer server) {
        return TestServer.send(HttpRequest.newBuilder(server.managementUri("/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private void secretFile(String name, String value) throws Exception {
        Files.createDirectories(home.resolve("secrets"));
        Path written = Files.writeString(home.resolve("secrets/." + name + ".tmp"), value, StandardCharsets.UTF_8);
        Files.move(written, home.resolve("secrets/" + name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aRotationWithBothSecretsActiveMeanwhileRefusesNoGoodDeliveryUnderLoad() throws Exception {
        secretFile("old", OLD);
        secretFile("new", NEW);
        try (TestServer server = TestServer.start(home, config("[\"${file:secrets/old}\"]", REC, ALL_TO_REC),
                recording)) {
            List<DeliveryLoad.Sent> sent = new java.util.ArrayList<>();
            // The sender signs with the old secret, then with both alternately once both are active.
            java.util.concurrent.atomic.AtomicBoolean both = new java.util.concurrent.atomic.AtomicBoolean();
            try (DeliveryLoad load = DeliveryLoad.start(SENDERS, n -> both.get() && n % 2 == 0
                    ? request(server, "new", NEW, n) : request(server, "old", OLD, n))) {
                load.awaitMore(20);
                TestServer.write(home, config("[\"${file:secrets/old}\", \"${file:secrets/new}\"]", REC, ALL_TO_REC));
                HttpResponse<String> added = reload(server);
                assertEquals(200, added.statusCode(), added.body());
                assertEquals(List.of("least"), strings(json(added).path("endpoints").path("changed")), added.body());
                both.set(true);
                load.awaitMore(30);
                load.close();
                sent.addAll(load.sent());
            }
            // The sender has moved to the new secret: the old one is retired while it keeps sending.
            try (DeliveryLoad load = DeliveryLoad.start(SENDERS, n -> request(server, "new", NEW, 1_000_000 + n))) {
                load.awaitMore(20);
                TestServer.write(home, config("[\"${file:secrets/new}\"]", REC, ALL_TO_REC));
                assertEquals(200, reload(server).statusCode());
                load.awaitMore(20);
                load.close();
                sent.addAll(load.sent());
            }
            List<DeliveryLoad.Sent> refused = sent.stream().filter(s -> s.status() != 200).toList();
            assertEquals(List.of(), refused, "no good delivery is refused while the secret rotates");
            assertTrue(sent.stream().anyMatch(s -> s.kind().equals("new")) && sent.size() >= 90, sent.size() + "");
            assertEquals(401, server.post("/hooks/least", signed(OLD, -1)).statusCode(), "the old secret is retired");
        }
    }

    @Test
    void aSecretFileRotatedWithoutOverlapVerifiesWithTheOldSecretBeforeTheReloadAndTheNewAfter() throws Exception {
        secretFile("current", OLD);
        try (TestServer server = TestServer.start(home, config("[\"${file:secrets/current}\"]", REC, ALL_TO_REC),
                recording)) {
            java.util.concurrent.atomic.AtomicBoolean switched = new java.util.concurrent.atomic.AtomicBoolean();
            long reloadSent;
            long reloadAnswered;
            List<DeliveryLoad.Sent> sent;
            try (DeliveryLoad load = DeliveryLoad.start(SENDERS, n -> n % 2 == 0
                    ? request(server, "old", OLD, n) : request(server, "new", NEW, n))) {
                load.awaitMore(30);
                secretFile("current", NEW); // the file changes; the server reads it again only on a reload
                load.awaitMore(10);
                reloadSent = System.nanoTime();
                HttpResponse<String> answer = reload(server);
                reloadAnswered = System.nanoTime();
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(List.of("least"), strings(json(answer).path("endpoints").path("changed")));
                load.awaitMore(30);
                load.close();
                sent = load.sent();
            }
            for (DeliveryLoad.Sent s : sent) {
                if (s.answeredNanos() < reloadSent) {
                    assertEquals(s.kind().equals("old") ? 200 : 401, s.status(), "before the reload: " + s);
                } else if (s.sentNanos() > reloadAnswered) {
                    assertEquals(s.kind().equals("new") ? 200 : 401, s.status(), "after the reload: " + s);
                } else {
                    assertTrue(s.status() == 200 || s.status() == 401, "during the reload: " + s);
                }
            }
            assertTrue(sent.stream().anyMatch(s -> s.sentNanos() > reloadAnswered && s.status() == 200),
                    "deliveries were sent after the reload");
        }
    }

    @Test
    void aRouteAddedUnderLoadSelectsItsHandlerForEveryDeliveryThatStartsAfterTheReload() throws Exception {
        String rotation = "[\"${env:LEAST_SECRET}\"]";
        try (TestServer server = TestServer.start(home, config(rotation, REC, ALL_TO_REC), recording)) {
            long reloadSent;
            long reloadAnswered;
            List<DeliveryLoad.Sent> sent;
            try (DeliveryLoad load = DeliveryLoad.start(SENDERS,
                    n -> request(server, "good", LeastFixtures.SPEC_SECRET, n))) {
                load.awaitMore(20);
                TestServer.write(home, config(rotation, REC + "  audit: { type: recording }\n",
                        ALL_TO_REC + "  - { events: [\"record.*\"], to: [audit] }\n"));
                reloadSent = System.nanoTime();
                HttpResponse<String> answer = reload(server);
                reloadAnswered = System.nanoTime();
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(List.of("audit"), strings(json(answer).path("handlers").path("added")));
                assertEquals(2, json(answer).path("routes").asInt());
                load.awaitMore(20);
                load.close();
                sent = load.sent();
            }
            assertEquals(List.of(), sent.stream().filter(s -> s.status() != 200).toList(), "every delivery accepted");
            Eventually.await(() -> sent.stream().allMatch(s -> recording.callsWithKey("rec", s.key()) == 1),
                    () -> "every delivery reaches rec");
            List<DeliveryLoad.Sent> after = sent.stream().filter(s -> s.sentNanos() > reloadAnswered).toList();
            assertFalse(after.isEmpty());
            Eventually.await(() -> after.stream().allMatch(s -> recording.callsWithKey("audit", s.key()) == 1),
                    () -> "every delivery sent after the reload reaches the new route's handler");
            assertTrue(sent.stream().filter(s -> s.answeredNanos() < reloadSent)
                    .allMatch(s -> recording.callsWithKey("audit", s.key()) == 0),
                    "deliveries routed before the reload are not given to a handler their routes did not select");
        }
    }

    @Test
    void aBrokenFileUnderLoadChangesNothingAndIsReportedAsCheckReportsIt() throws Exception {
        String valid = config("[\"${env:LEAST_SECRET}\"]", REC, ALL_TO_REC);
        try (TestServer server = TestServer.start(home, valid, recording);
             LogCapture log = LogCapture.capture("hookyard.reload")) {
            String startedSha = ConfigLoader.sha256(Files.readAllBytes(home.resolve("hookyard.yaml")));
            List<DeliveryLoad.Sent> sent;
            HttpResponse<String> answer;
            try (DeliveryLoad load = DeliveryLoad.start(SENDERS,
                    n -> request(server, "good", LeastFixtures.SPEC_SECRET, n))) {
                load.awaitMore(20);
                TestServer.write(home, config("[\"${env:LEAST_SECRET}\"]", REC, "  - { to: [recc] }\n")
                        + "reload: { watch: maybe }\n");
                answer = reload(server);
                load.awaitMore(20);
                load.close();
                sent = load.sent();
            }
            assertEquals(422, answer.statusCode(), answer.body());
            JsonNode body = json(answer);
            assertEquals("refused", body.path("status").asText());
            // Problems in the file come first, as in 'check'; the route's is reported once the file reads.
            assertEquals("reload.watch", body.path("problems").path(0).path("key").asText(), answer.body());
            assertEquals(List.of(), sent.stream().filter(s -> s.status() != 200).toList(),
                    "the running configuration kept serving");
            assertTrue(log.text().contains("reload.watch") && log.text().contains("problem: must be true or false"),
                    log.text());

            TestServer.write(home, config("[\"${env:LEAST_SECRET}\"]", REC, "  - { to: [recc] }\n"));
            JsonNode routeProblem = json(reload(server)).path("problems").path(0);
            assertEquals("routes[0].to[0]", routeProblem.path("key").asText());
            assertEquals("unknown handler 'recc' (did you mean 'rec'?)", routeProblem.path("problem").asText());
            assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", -7)).statusCode());
            Eventually.await(() -> recording.callsWithKey("rec",
                    LeastFixtures.keyOf(LeastFixtures.recordCreated("least", -7).body())) == 1, () -> "still routed");

            String metrics = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET()).body();
            assertTrue(metrics.contains("hookyard_config_last_reload_successful 0.0"), metrics);
            assertTrue(metrics.contains("hookyard_config_info{sha256=\"" + startedSha + "\"} 1\n"), metrics);
            assertTrue(metrics.contains("hookyard_config_reloads_total{result=\"refused\"} 2.0"), metrics);

            Path fixed = TestServer.write(home, valid);
            assertEquals(200, reload(server).statusCode());
            String after = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET()).body();
            assertTrue(after.contains("hookyard_config_last_reload_successful 1.0"), after);
            assertTrue(after.contains("hookyard_config_info{sha256=\""
                    + ConfigLoader.sha256(Files.readAllBytes(fixed)) + "\"} 1\n"), after);
        }
    }

    @Test
    void anUnchangedHandlerKeepsItsInstanceAndARemovedOneIsClosedOnceItsRunningCallReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowCalled = new CountDownLatch(1);
        recording.script("slow", call -> {
            slowCalled.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
        String secrets = "[\"${env:LEAST_SECRET}\"]";
        String handlers = REC + "  slow: { type: recording, maxConcurrent: 1, timeout: 1m }\n";
        try (TestServer server = TestServer.start(home, config(secrets, handlers, "  - { to: [rec, slow] }\n"),
                recording)) {
            Delivery first = LeastFixtures.recordCreated("least", 1);
            Delivery second = LeastFixtures.recordCreated("least", 2);
            assertEquals(200, server.post("/hooks/least", first).statusCode());
            assertTrue(slowCalled.await(10, TimeUnit.SECONDS), "slow is called");
            assertEquals(200, server.post("/hooks/least", second).statusCode()); // waits: slow runs one at a time
            long firstId = server.findByKey("least", LeastFixtures.keyOf(first.body())).orElseThrow().id();
            long secondId = server.findByKey("least", LeastFixtures.keyOf(second.body())).orElseThrow().id();

            TestServer.write(home, config(secrets, REC, ALL_TO_REC));
            HttpResponse<String> answer = reload(server);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(List.of("slow"), strings(json(answer).path("handlers").path("removed")));
            assertFalse(recording.isClosed("slow"), "not closed while its call runs");

            release.countDown();
            Eventually.await(() -> recording.isClosed("slow"), () -> "slow closed once its call returned");
            Eventually.await(() -> server.runs(firstId).stream()
                    .anyMatch(r -> r.handler().equals("slow") && r.status() == RunStatus.DONE),
                    () -> "the running call's outcome is recorded: " + server.runs(firstId));
            Eventually.await(() -> server.runs(secondId).stream().anyMatch(r -> r.handler().equals("slow")
                            && r.status() == RunStatus.DEAD && r.lastError().contains("no longer configured")),
                    () -> "the run still owed to the removed handler is a dead letter: " + server.runs(secondId));

            Delivery third = LeastFixtures.recordCreated("least", 3);
            assertEquals(200, server.post("/hooks/least", third).statusCode());
            Eventually.await(() -> recording.callsWithKey("rec", LeastFixtures.keyOf(third.body())) == 1,
                    () -> "rec still called");
            assertEquals(1, recording.instances("rec"), "rec kept its instance");
            assertFalse(recording.isClosed("rec"));
            assertEquals(1, recording.instances("slow"));
        }
    }

    @Test
    void anEndpointWhoseAccessRulesDidNotChangeKeepsItsRateLimiterAndOneWhoseRulesChangedGetsANewOne()
            throws Exception {
        String limited = "[\"${env:LEAST_SECRET}\"], rateLimit: { requests: 2, per: 1h }";
        try (TestServer server = TestServer.start(home, config(limited, REC, ALL_TO_REC), recording)) {
            assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 1)).statusCode());
            assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 2)).statusCode());
            // A reload that changes the endpoint's options, not its rules: the bucket is still empty.
            TestServer.write(home, config(limited + ", options: { channel: collection }", REC, ALL_TO_REC));
            HttpResponse<String> answer = reload(server);
            assertEquals(List.of("least"), strings(json(answer).path("endpoints").path("changed")), answer.body());
            assertEquals(429, server.post("/hooks/least", LeastFixtures.recordCreated("least", 3)).statusCode());
            TestServer.write(home, config(limited.replace("requests: 2", "requests: 3"), REC, ALL_TO_REC));
            assertEquals(200, reload(server).statusCode());
            assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 4)).statusCode());
        }
    }

    @Test
    void reloadIsAManagementPostUnderTheManagementToken() throws Exception {
        String yaml = config("[\"${env:LEAST_SECRET}\"]", REC, ALL_TO_REC)
                + "management: { host: 127.0.0.1, port: 0, token: reload-token-0123456789 }\n";
        try (TestServer server = TestServer.start(home, yaml, recording)) {
            assertEquals(401, reload(server).statusCode(), "no token, no reload");
            HttpResponse<String> wrongMethod = TestServer.send(HttpRequest.newBuilder(server.managementUri("/reload"))
                    .header("Authorization", "Bearer reload-token-0123456789").GET());
            assertEquals(405, wrongMethod.statusCode());
            HttpResponse<String> applied = TestServer.send(HttpRequest.newBuilder(server.managementUri("/reload"))
                    .header("Authorization", "Bearer reload-token-0123456789")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, applied.statusCode(), applied.body());
            assertEquals("applied", json(applied).path("status").asText());
            assertEquals("api", json(applied).path("trigger").asText());
            assertFalse(applied.body().contains("reload-token") || applied.body().contains(LeastFixtures.SPEC_SECRET),
                    "no configured value in the answer: " + applied.body());
        }
    }

    @Test
    void restartOnlySettingsAreNamedAndNotApplied() throws Exception {
        String secrets = "[\"${env:LEAST_SECRET}\"]";
        try (TestServer server = TestServer.start(home, config(secrets, REC, ALL_TO_REC), recording)) {
            int port = server.port();
            TestServer.write(home, config(secrets, REC, ALL_TO_REC).replace("port: 0", "port: 1")
                    .replace("store: { path: data }", "store: { path: elsewhere, maxBacklog: 5 }"));
            HttpResponse<String> answer = reload(server);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(List.of("server.port", "store.path", "store.maxBacklog"),
                    strings(json(answer).path("needsRestart")));
            assertEquals(port, server.port());
            assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 5)).statusCode());
            assertFalse(Files.exists(home.resolve("elsewhere")), "the store stays where it was opened");
        }
    }

    @Test
    void withWatchOnARenameSaveOfTheFileReloadsIt() throws Exception {
        String secrets = "[\"${env:LEAST_SECRET}\"]";
        String watched = config(secrets, REC, ALL_TO_REC) + "reload: { watch: true }\n";
        try (TestServer server = TestServer.start(home, watched, recording)) {
            assertEquals(404, server.post("/hooks/second", LeastFixtures.recordCreated("second", 1)).statusCode());
            // TestServer.write saves as editors do: a new file renamed over the old one.
            Path saved = TestServer.write(home, watched.replace("endpoints:\n", "endpoints:\n  second: { vendor: least,"
                    + " secrets: " + secrets + " }\n"));
            Eventually.await(() -> server.post("/hooks/second", LeastFixtures.recordCreated("second", 2))
                    .statusCode() == 200, () -> "the new endpoint answers once the saved file is reloaded");
            String metrics = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET()).body();
            assertEquals(List.of("hookyard_config_info{sha256=\"" + ConfigLoader.sha256(Files.readAllBytes(saved))
                    + "\"} 1"), metrics.lines().filter(l -> l.startsWith("hookyard_config_info{")).toList(),
                    "one series, for the file in use");

            TestServer.write(home, watched.replace("routes:", "routes: [[["));
            Eventually.await(() -> TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET())
                    .body().contains("hookyard_config_last_reload_successful 0.0"), () -> "a broken save is refused");
            assertEquals(200, server.post("/hooks/second", LeastFixtures.recordCreated("second", 3)).statusCode());
        }
    }
}
