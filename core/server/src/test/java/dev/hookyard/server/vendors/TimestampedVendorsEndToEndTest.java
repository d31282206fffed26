package dev.hookyard.server.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.PrometheusText;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.SettableClock;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.standardwebhooks.StandardWebhooksPlugin;
import dev.hookyard.vendor.stripe.StripePlugin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendors whose platforms sign a timestamp, on a real server over real HTTP, with the server's clock under the
 * test's control: a captured delivery sent again inside the tolerance is a duplicate (answered 200, never stored or
 * handled twice), and so is the sender's own retry, signed anew; sent again after the tolerance it is refused as
 * {@code stale_timestamp}, and one signed by a clock too far ahead as {@code future_timestamp}.
 */
class TimestampedVendorsEndToEndTest {

    private static final Map<String, String> SECRETS = Map.of(
            "standard-webhooks", "whsec_dGltZXN0YW1wZWQtZTJlLXN0YW5kYXJkLXdlYmhvb2tz",
            "stripe", "whsec_timestamped_e2e_stripe");

    private static final String YAML = TestServer.serverSection() + """
            endpoints:
              standard-webhooks: { vendor: standard-webhooks, secrets: ["%s"] }
              stripe: { vendor: stripe, secrets: ["%s"] }
            handlers:
              everything: { type: recording }
            routes:
              - { from: "*", to: [everything] }
            """.formatted(SECRETS.get("standard-webhooks"), SECRETS.get("stripe"));

    @TempDir
    Path home;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start() throws Exception {
        InstalledPlugins plugins = InstalledPlugins.of(List.of(new BuiltinPlugin(), new StandardWebhooksPlugin(),
                new StripePlugin(), recording));
        server = TestServer.wrap(Hookyard.start(TestServer.load(home, YAML), plugins, clock, TestServer.FAST_RETRIES));
    }

    /** The first catalog sample of the endpoint, signed now, by the server's clock, as the platform would. */
    private Delivery signedNow(String endpoint) {
        Endpoint configured = server.hookyard().endpoints().byName(endpoint).orElseThrow();
        return SignedDeliveries.of(configured.vendor(), endpoint, Secret.of(SECRETS.get(endpoint)), clock)
                .sample(configured.vendor().catalog().types().get(0));
    }

    private HttpResponse<String> post(String endpoint, Delivery delivery) {
        return server.post("/hooks/" + endpoint, delivery);
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard-webhooks", "stripe"})
    void aReplayOrARetryInsideTheToleranceIsADuplicateAndIsHandledOnce(String endpoint) throws Exception {
        start();
        Delivery first = signedNow(endpoint);
        assertEquals("accepted\n", post(endpoint, first).body());

        // Captured and sent again, byte for byte, a minute later.
        clock.advance(Duration.ofSeconds(60));
        HttpResponse<String> replay = post(endpoint, first);
        assertEquals(200, replay.statusCode());
        assertEquals("duplicate\n", replay.body());

        // The platform's own retry: the same message, signed again with a new timestamp.
        clock.advance(Duration.ofSeconds(60));
        Delivery retry = signedNow(endpoint);
        assertNotEquals(first.headers(), retry.headers(), "a retry carries a new timestamp and signature");
        assertEquals("duplicate\n", post(endpoint, retry).body());

        Eventually.await(() -> recording.events("everything").size() >= 1, () -> "the first delivery is handled");
        assertEquals(1, server.deliveryCount(), "stored once");
        // After a restart the stored delivery (signature headers masked) is parsed again: same key.
        StoredDelivery stored = server.store().find(1).orElseThrow();
        Endpoint configured = server.hookyard().endpoints().byName(endpoint).orElseThrow();
        ParseResult reparsed = configured.vendor().parser().parse(stored.toDelivery());
        assertEquals(stored.deliveryKey(), assertInstanceOf(ParseResult.Parsed.class, reparsed).event().deliveryKey());
        PrometheusText metrics = scrape();
        assertEquals(2, metrics.value("hookyard_duplicates_total", "endpoint", endpoint));
        assertEquals(0, metrics.sum("hookyard_rejections_total"));
        assertEquals(1, recording.events("everything").size(), "handled once: duplicates are never dispatched");
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard-webhooks", "stripe"})
    void aDeliveryOutsideTheToleranceIsRefusedAsStaleOrFuture(String endpoint) throws Exception {
        start();
        Instant now = clock.instant();
        Delivery captured = signedNow(endpoint);
        clock.set(now.plusSeconds(301));
        HttpResponse<String> stale = post(endpoint, captured);
        assertEquals(401, stale.statusCode());
        assertEquals("unauthorized\n", stale.body());

        // A sender whose clock runs 301 s ahead of the receiver's.
        Delivery ahead = signedNow(endpoint);
        clock.set(now);
        assertEquals(401, post(endpoint, ahead).statusCode());

        // Inside the tolerance, the same captured delivery is still good: only the time made it stale.
        clock.set(now.plusSeconds(300));
        assertEquals("accepted\n", post(endpoint, captured).body());

        PrometheusText metrics = scrape();
        assertEquals(1, metrics.value("hookyard_rejections_total", "endpoint", endpoint, "reason", "stale_timestamp"));
        assertEquals(1, metrics.value("hookyard_rejections_total", "endpoint", endpoint, "reason", "future_timestamp"));
        assertEquals(2, metrics.sum("hookyard_rejections_total"));
        assertEquals(1, server.deliveryCount(), "nothing refused is stored");
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(server.managementUri("/metrics")).GET());
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusText.parse(response.body());
    }
}
