package dev.hookyard.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.PrometheusText;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Outcome;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on the management port of a real server, scraped over HTTP after real deliveries: accepted,
 * duplicate, forged, unsigned, malformed, to an unknown path, with the wrong method, and handled by a handler that
 * succeeds, one that always fails and one that times out. Every count is exact.
 */
class MetricsHttpTest {

    private static final String YAML = TestServer.serverSection() + """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
              quiet: { vendor: least, path: /hooks/quiet, secrets: ["${env:LEAST_SECRET}"] }
            handlers:
              ok: { type: recording }
              broken: { type: recording, retry: { maxAttempts: 3, initialDelay: 10ms, maxDelay: 10ms } }
              slow: { type: recording, timeout: 200ms, retry: { maxAttempts: 1 } }
            routes:
              - { from: least, events: ["record.created"], to: [ok] }
              - { from: least, events: ["record.archived"], to: [broken] }
              - { from: least, events: ["record.action"], to: [slow] }
            """;

    @TempDir
    Path home;

    private final CountDownLatch neverReleased = new CountDownLatch(1);
    private final RecordingHandlers recording = new RecordingHandlers()
            .script("broken", call -> {
                throw new IllegalStateException("broken on call " + call);
            })
            .script("slow", call -> {
                try {
                    neverReleased.await(); // until the timeout interrupts it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.done();
            });
    private TestServer server;

    @AfterEach
    void stop() {
        neverReleased.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void countsEveryAnswerRejectionParseFailureOutcomeAndCommitExactly() throws Exception {
        server = TestServer.start(home, YAML, recording);
        Delivery created = LeastFixtures.recordCreated("least", 1);
        assertStatus(200, server.post("/hooks/least", created));
        assertStatus(200, server.post("/hooks/least", created)); // duplicate
        assertStatus(401, server.post("/hooks/least", created.bodyText(),
                Map.of(LeastFixtures.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)))); // forged: mismatch
        assertStatus(401, server.post("/hooks/least", created.bodyText(), Map.of())); // unsigned: missing
        assertStatus(400, server.post("/hooks/least", LeastFixtures.signed("least").body("not json")));
        assertStatus(200, server.post("/hooks/least",
                LeastFixtures.signed("least").body("{\"event\":\"record.archived\",\"record_id\":2}")));
        assertStatus(200, server.post("/hooks/least",
                LeastFixtures.signed("least").body("{\"event\":\"record.action\",\"record_id\":3,\"action_id\":8}")));
        assertStatus(404, server.post("/hooks/nobody", created));
        assertStatus(405, TestServer.send(HttpRequest.newBuilder(server.uri("/hooks/least")).GET()));

        // Outcomes are counted once recorded: wait until the last of them is in, and until the timed-out call,
        // interrupted, has returned (its time is recorded when it does, which may be after its outcome).
        Eventually.await(Duration.ofSeconds(20), () -> {
            PrometheusText m = scrape();
            return m.value("hookyard_dead_letters_total", "handler", "broken") == 1
                    && m.value("hookyard_dead_letters_total", "handler", "slow") == 1
                    && m.value("hookyard_dispatch_outcomes_total", "handler", "ok", "outcome", "done") == 1
                    && m.value("hookyard_handler_call_seconds_count", "handler", "slow") == 1;
        }, () -> "handler outcomes not all counted:\n" + scrape().text());
        PrometheusText m = scrape();

        // Requests by endpoint and status; those to no endpoint under _none.
        assertEquals(4, m.value("hookyard_requests_total", "endpoint", "least", "status", "200"));
        assertEquals(2, m.value("hookyard_requests_total", "endpoint", "least", "status", "401"));
        assertEquals(1, m.value("hookyard_requests_total", "endpoint", "least", "status", "400"));
        assertEquals(1, m.value("hookyard_requests_total", "endpoint", "least", "status", "405"));
        assertEquals(0, m.value("hookyard_requests_total", "endpoint", "least", "status", "503"));
        assertEquals(1, m.value("hookyard_requests_total", "endpoint", "_none", "status", "404"));
        assertEquals(0, m.value("hookyard_requests_total", "endpoint", "quiet", "status", "200"),
                "every endpoint's series exist from the start");

        // Rejections by reason code, parse failures, duplicates.
        assertEquals(1, m.value("hookyard_rejections_total", "endpoint", "least", "reason", "mismatch"));
        assertEquals(1, m.value("hookyard_rejections_total", "endpoint", "least", "reason", "missing"));
        assertEquals(0, m.value("hookyard_rejections_total", "endpoint", "least", "reason", "malformed"));
        assertEquals(0, m.value("hookyard_rejections_total", "endpoint", "least", "reason", "body_too_large"));
        assertEquals(0, m.value("hookyard_rejections_total", "endpoint", "least", "reason", "backlog_full"));
        assertEquals(0, m.value("hookyard_rejections_total", "endpoint", "least", "reason", "store_unavailable"));
        assertEquals(2, m.sum("hookyard_rejections_total"));
        assertEquals(1, m.value("hookyard_parse_failures_total", "endpoint", "least"));
        assertEquals(1, m.value("hookyard_duplicates_total", "endpoint", "least"));

        // Handler outcomes, one per attempt; retries and dead letters; call latency per handler.
        assertEquals(1, m.value("hookyard_dispatch_outcomes_total", "handler", "ok", "outcome", "done"));
        assertEquals(2, m.value("hookyard_dispatch_outcomes_total", "handler", "broken", "outcome", "retry"));
        assertEquals(1, m.value("hookyard_dispatch_outcomes_total", "handler", "broken", "outcome", "dead"));
        assertEquals(1, m.value("hookyard_dispatch_outcomes_total", "handler", "slow", "outcome", "timeout"));
        assertEquals(0, m.value("hookyard_dispatch_outcomes_total", "handler", "slow", "outcome", "dead"),
                "a timeout counts as timeout, not also as dead, among the outcomes");
        assertEquals(1 + 3 + 1, m.sum("hookyard_dispatch_outcomes_total"));
        assertEquals(2, m.value("hookyard_dispatch_retries_total", "handler", "broken"));
        assertEquals(0, m.value("hookyard_dispatch_retries_total", "handler", "slow"));
        assertEquals(1, m.value("hookyard_dead_letters_total", "handler", "broken"));
        assertEquals(1, m.value("hookyard_dead_letters_total", "handler", "slow"));
        assertEquals(0, m.value("hookyard_dead_letters_total", "handler", "ok"));
        assertEquals(1, m.value("hookyard_handler_call_seconds_count", "handler", "ok"));
        assertEquals(3, m.value("hookyard_handler_call_seconds_count", "handler", "broken"));
        assertEquals(1, m.value("hookyard_handler_call_seconds_count", "handler", "slow"));
        assertTrue(m.value("hookyard_handler_call_seconds_bucket", "handler", "ok", "le", "+Inf") == 1);

        // Store: four appends (three new, one duplicate) in however many transactions; nothing pending now.
        assertEquals(4, m.value("hookyard_store_commit_batch_size_sum"));
        double commits = m.value("hookyard_store_commit_seconds_count");
        assertTrue(commits >= 1 && commits <= 4, "transactions: " + commits);
        assertEquals(commits, m.value("hookyard_store_commit_batch_size_count"));
        assertEquals(0, m.value("hookyard_store_commit_failures_total"));
        assertEquals(0, m.value("hookyard_backlog"));

        // JVM basics from Micrometer's binders.
        assertTrue(m.has("jvm_memory_used_bytes"), "JVM memory");
        assertTrue(m.has("jvm_threads_live_threads"), "JVM threads");
        assertTrue(m.has("jvm_gc_memory_allocated_bytes_total") || m.has("jvm_gc_pause_seconds_count"), "JVM GC");

        // Labels come from the configuration: no path a sender chose, no secret.
        assertFalse(m.text().contains("/hooks/nobody"), "a request path in a label");
        assertFalse(m.text().contains(LeastFixtures.SPEC_SECRET), "a secret in the metrics");
    }

    @Test
    void backlogGaugeShowsPendingRunsUntilTheyAreRecorded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingHandlers held = new RecordingHandlers().script("held", call -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done();
        });
        server = TestServer.start(home, TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  held: { type: recording }
                routes:
                  - { from: least, to: [held] }
                """, held);
        assertEquals(0, scrape().value("hookyard_backlog"));
        assertStatus(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 1)));
        assertStatus(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 2)));
        // Both runs stay pending while the handler holds them: the backlog is exactly 2.
        Eventually.await(() -> held.calls().size() == 2, () -> "the calls did not start: " + held.calls());
        assertEquals(2, scrape().value("hookyard_backlog"));
        release.countDown();
        Eventually.await(() -> scrape().value("hookyard_backlog") == 0, () -> scrape().text());
        assertEquals(2, scrape().value("hookyard_dispatch_outcomes_total", "handler", "held", "outcome", "done"));
    }

    @Test
    void metricsAnswersOnlyGet() throws Exception {
        server = TestServer.start(home, YAML, recording);
        HttpResponse<String> post = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        return PrometheusText.parse(response.body());
    }

    private static void assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(), () -> response.request().method() + " "
                + response.request().uri() + ": " + response.body());
    }
}
