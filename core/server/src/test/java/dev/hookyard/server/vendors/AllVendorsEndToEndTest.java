package dev.hookyard.server.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.absorb.AbsorbPlugin;
import dev.hookyard.vendor.falkor.FalkorPlugin;
import dev.hookyard.vendor.github.GitHubPlugin;
import dev.hookyard.vendor.hmac.HmacPlugin;
import dev.hookyard.vendor.leaflink.LeafLinkPlugin;
import dev.hookyard.vendor.leah.LeahPlugin;
import dev.hookyard.vendor.least.LeastPlugin;
import dev.hookyard.vendor.standardwebhooks.StandardWebhooksPlugin;
import dev.hookyard.vendor.stripe.StripePlugin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running server with an endpoint per vendor: a genuinely signed sample of every event type of every vendor is
 * accepted over real HTTP, stored with the right vendor, type and delivery key, and handed to the routed handler.
 */
class AllVendorsEndToEndTest {

    /**
     * The public half of the svix-ed25519 endpoint's whsk_ key (derived with openssl pkey -pubout): the endpoint holds
     * it, the sender the whsk_ key, as Standard Webhooks' asymmetric signatures are meant to be used.
     */
    private static final String SVIX_PUBLIC_KEY = "+r6uw8aK6hoV1zoqLxFXXuVyIushWbUtOskzwVCivEA=";

    /** Endpoint name to its secret; each endpoint uses its vendor's defaults unless the YAML says otherwise. */
    private static final Map<String, String> SECRETS = Map.of(
            "least", "least-e2e-secret",
            "absorb", "absorb-e2e-secret",
            "leah", "leah-user:leah-e2e-password",
            "leaflink", "leaflink-e2e-key",
            "bytekast", "falkor-e2e-secret",
            "standard-webhooks", "whsec_c3RhbmRhcmQtd2ViaG9va3MtZTJlLXNlY3JldA==",
            "svix-ed25519", "whsk_c3ZpeC1lZDI1NTE5LWUyZS1zZWVkLW9mLTMyYnl0ZXM=",
            "stripe", "whsec_stripe_e2e_secret",
            "github", "github-e2e-secret",
            "slack", "hmac-e2e-secret");

    private static final String YAML = TestServer.serverSection() + """
            endpoints:
              least: { vendor: least, secrets: ["least-e2e-secret"] }
              absorb: { vendor: absorb, secrets: ["absorb-e2e-secret"] }
              leah: { vendor: leah, secrets: ["leah-user:leah-e2e-password"], options: { scheme: basic } }
              leaflink: { vendor: leaflink, secrets: ["leaflink-e2e-key"] }
              bytekast: { vendor: falkor, secrets: ["falkor-e2e-secret"], options: { platform: ByteKast } }
              standard-webhooks: { vendor: standard-webhooks, secrets: ["whsec_c3RhbmRhcmQtd2ViaG9va3MtZTJlLXNlY3JldA=="] }
              svix-ed25519: { vendor: standard-webhooks, secrets: ["whpk_%s"], options: { headerPrefix: svix } }
              stripe: { vendor: stripe, secrets: ["whsec_stripe_e2e_secret"] }
              github: { vendor: github, secrets: ["github-e2e-secret"] }
              slack:
                vendor: hmac
                secrets: ["hmac-e2e-secret"]
                options: { header: X-Slack-Signature, prefix: "v0=", timestampHeader: X-Slack-Request-Timestamp,
                           signedContent: "v0:{timestamp}:{body}", type: /event/type, key: /event_id,
                           eventTypes: [app_mention, message] }
            handlers:
              everything: { type: recording }
            routes:
              - { from: "*", to: [everything] }
            """.formatted(SVIX_PUBLIC_KEY);

    @Test
    void everyEventTypeOfEveryVendorIsAcceptedStoredAndDispatched(@TempDir Path home) throws Exception {
        RecordingHandlers recording = new RecordingHandlers();
        InstalledPlugins plugins = InstalledPlugins.of(List.of(new BuiltinPlugin(), new LeastPlugin(),
                new AbsorbPlugin(), new LeahPlugin(), new LeafLinkPlugin(), new FalkorPlugin(),
                new StandardWebhooksPlugin(), new StripePlugin(), new GitHubPlugin(), new HmacPlugin(), recording));
        try (TestServer server = TestServer.wrap(Hookyard.start(TestServer.load(home, YAML), plugins,
                Clock.systemUTC(), TestServer.FAST_RETRIES))) {
            Set<String> vendorsSeen = new HashSet<>();
            int sent = 0;
            for (Endpoint endpoint : server.hookyard().endpoints().all()) {
                SignedDeliveries signed = SignedDeliveries.of(endpoint.vendor(), endpoint.name(),
                        Secret.of(SECRETS.get(endpoint.name())), Instant.now());
                for (EventType type : endpoint.vendor().catalog().types()) {
                    Delivery delivery = signed.sample(type);
                    HttpResponse<String> response = server.post(endpoint.path(), delivery);
                    String what = endpoint.vendorId() + " " + type.name();
                    assertEquals(200, response.statusCode(), what + ": " + response.body());
                    assertEquals("accepted\n", response.body(), what);

                    WebhookEvent expected = ((ParseResult.Parsed) endpoint.vendor().parser().parse(delivery)).event();
                    Optional<StoredDelivery> stored = server.findByKey(endpoint.name(), expected.deliveryKey());
                    assertTrue(stored.isPresent(), what + " is stored under its key");
                    assertEquals(endpoint.vendorId(), stored.get().vendor(), what);
                    assertEquals(type.name(), stored.get().eventType(), what);
                    assertEquals(type.name(), expected.type(), what);
                    assertEquals(delivery.bodyText(), new String(stored.get().body(),
                            java.nio.charset.StandardCharsets.UTF_8), what + " keeps the raw body");
                    vendorsSeen.add(endpoint.vendorId());
                    sent++;
                }
            }
            assertEquals(Set.of("least", "absorb", "leah", "leaflink", "falkor", "standard-webhooks", "stripe",
                    "github", "hmac"), vendorsSeen);
            assertEquals(sent, server.deliveryCount(), "one stored delivery per sample: no key collided");
            int expectedCalls = sent;
            Eventually.await(Duration.ofSeconds(20), () -> recording.calls().size() >= expectedCalls,
                    () -> "handled " + recording.calls().size() + " of " + expectedCalls);
            for (RecordingHandlers.Call call : recording.calls()) {
                EventType declared = server.hookyard().endpoints().byName(call.event().delivery().endpoint())
                        .orElseThrow().vendor().catalog().find(call.event().type()).orElseThrow();
                assertTrue(declared.eventClass().isInstance(call.event()),
                        call.event().type() + " reached the handler as " + declared.eventClass().getSimpleName());
            }
        }
    }
}
