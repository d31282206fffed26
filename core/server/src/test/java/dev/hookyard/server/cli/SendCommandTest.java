package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.absorb.AbsorbPlugin;
import dev.hookyard.vendor.falkor.FalkorPlugin;
import dev.hookyard.vendor.github.GitHubPlugin;
import dev.hookyard.vendor.hmac.HmacPlugin;
import dev.hookyard.vendor.leaflink.LeafLinkPlugin;
import dev.hookyard.vendor.leah.LeahPlugin;
import dev.hookyard.vendor.least.LeastPlugin;
import dev.hookyard.vendor.standardwebhooks.StandardWebhooksPlugin;
import dev.hookyard.vendor.stripe.StripePlugin;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hookyard send} against a real running Hookyard with an endpoint per vendor: a sample of every event type of
 * every vendor, signed with the endpoint's secret, is accepted (200); signed with another secret, refused (401).
 */
class SendCommandTest {

    /** The secrets, as the CLI reads them: from environment variables. */
    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("LEAST_SECRET", "least-send-secret"),
            Map.entry("ABSORB_SECRET", "absorb-send-secret"),
            Map.entry("LEAH_CREDENTIAL", "leah-user:leah-send-password"),
            Map.entry("LEAFLINK_KEY", "leaflink-send-key"),
            Map.entry("FALKOR_SECRET", "falkor-send-secret"),
            Map.entry("STANDARD_WEBHOOKS_SECRET", "whsec_c3RhbmRhcmQtd2ViaG9va3Mtc2VuZC1zZWNyZXQ="),
            Map.entry("STANDARD_WEBHOOKS_SIGNING_KEY", "whsk_c3ZpeC1lZDI1NTE5LWUyZS1zZWVkLW9mLTMyYnl0ZXM="),
            Map.entry("STRIPE_SECRET", "whsec_stripe_send_secret"),
            Map.entry("GITHUB_SECRET", "github-send-secret"),
            Map.entry("HMAC_SECRET", "hmac-send-secret"),
            Map.entry("WRONG_SECRET", "not-the-secret"),
            Map.entry("WRONG_WHSEC", "whsec_bm90LXRoZS1zZWNyZXQ="),
            Map.entry("WRONG_CREDENTIAL", "leah-user:not-the-password"));

    /** Endpoint name to the variable holding its secret and the --option arguments its options need. */
    private static final Map<String, List<String>> ARGUMENTS = Map.of(
            "least", List.of("LEAST_SECRET"),
            "absorb", List.of("ABSORB_SECRET"),
            "leah", List.of("LEAH_CREDENTIAL", "--option", "scheme=basic"),
            "leaflink", List.of("LEAFLINK_KEY"),
            "bytekast", List.of("FALKOR_SECRET", "--option", "platform=ByteKast"),
            "standard-webhooks", List.of("STANDARD_WEBHOOKS_SECRET"),
            "svix-ed25519", List.of("STANDARD_WEBHOOKS_SIGNING_KEY", "--option", "headerPrefix=svix"),
            "stripe", List.of("STRIPE_SECRET"),
            "github", List.of("GITHUB_SECRET"),
            "orders", List.of("HMAC_SECRET", "--option", "header=X-Orders-Signature", "--option", "encoding=base64",
                    "--option", "timestampHeader=X-Orders-Timestamp", "--option", "type=header:X-Orders-Event",
                    "--option", "key=/id", "--option", "eventTypes=order.created"));

    /** The secret another sender would sign with: the vendor's own kind of secret, but not the endpoint's. */
    private static final Map<String, String> WRONG = Map.of("leah", "WRONG_CREDENTIAL",
            "standard-webhooks", "WRONG_WHSEC", "stripe", "WRONG_WHSEC");

    /**
     * Every {@code send} here runs in this JVM with an HttpClient of its own, whose idle connection stays open until
     * the JVM ends (a real {@code bin/hookyard send} exits): well over a hundred of them from one address, more than
     * the per-client connection limit allows.
     */
    private static final String YAML = """
            server: { host: 127.0.0.1, port: 0, limits: { maxConnectionsPerClient: 1024 } }
            store: { path: data }
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
              absorb: { vendor: absorb, secrets: ["${env:ABSORB_SECRET}"] }
              leah: { vendor: leah, secrets: ["${env:LEAH_CREDENTIAL}"], options: { scheme: basic } }
              leaflink: { vendor: leaflink, secrets: ["${env:LEAFLINK_KEY}"] }
              bytekast: { vendor: falkor, secrets: ["${env:FALKOR_SECRET}"], options: { platform: ByteKast } }
              standard-webhooks: { vendor: standard-webhooks, secrets: ["${env:STANDARD_WEBHOOKS_SECRET}"] }
              svix-ed25519:
                vendor: standard-webhooks
                # the public half of STANDARD_WEBHOOKS_SIGNING_KEY (openssl pkey -pubout): send signs with the whsk_ key
                secrets: ["whpk_+r6uw8aK6hoV1zoqLxFXXuVyIushWbUtOskzwVCivEA="]
                options: { headerPrefix: svix }
              stripe: { vendor: stripe, secrets: ["${env:STRIPE_SECRET}"] }
              github: { vendor: github, secrets: ["${env:GITHUB_SECRET}"] }
              orders:
                vendor: hmac
                secrets: ["${env:HMAC_SECRET}"]
                options: { header: X-Orders-Signature, encoding: base64, timestampHeader: X-Orders-Timestamp,
                           type: "header:X-Orders-Event", key: /id, eventTypes: [order.created] }
            handlers:
              log: { type: log }
            routes:
              - { from: "*", to: [log] }
            """;

    @TempDir
    static Path home;

    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, YAML);
        InstalledPlugins plugins = InstalledPlugins.of(List.of(new BuiltinPlugin(), new LeastPlugin(),
                new AbsorbPlugin(), new LeahPlugin(), new LeafLinkPlugin(), new FalkorPlugin(),
                new StandardWebhooksPlugin(), new StripePlugin(), new GitHubPlugin(), new HmacPlugin()));
        server = TestServer.wrap(Hookyard.start(new dev.hookyard.server.config.ConfigLoader(home, ENV::get).load(file),
                plugins, Clock.systemUTC(), TestServer.FAST_RETRIES));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static CommandRun send(Endpoint endpoint, String type, String secretVariable) {
        List<String> args = new ArrayList<>(List.of("send", "--vendor", endpoint.vendorId(), "--type", type,
                "--url", server.uri(endpoint.path()).toString(), "--plugins", home.resolve("plugins").toString(),
                "--secret-env"));
        List<String> endpointArguments = ARGUMENTS.get(endpoint.name());
        args.add(secretVariable != null ? secretVariable : endpointArguments.get(0));
        args.addAll(endpointArguments.subList(1, endpointArguments.size()));
        return CommandRun.of(home, ENV, args.toArray(String[]::new));
    }

    @Test
    void everyEventTypeOfEveryVendorSignedWithTheEndpointsSecretIsAccepted() {
        long before = server.deliveryCount();
        int sent = 0;
        for (Endpoint endpoint : server.hookyard().endpoints().all()) {
            for (EventType type : endpoint.vendor().catalog().types()) {
                CommandRun run = send(endpoint, type.name(), null);
                String what = endpoint.vendorId() + " " + type.name() + "\n" + run.transcript();
                assertEquals(0, run.status(), what);
                assertTrue(run.out().startsWith("POST " + server.uri(endpoint.path()) + " (" + endpoint.vendorId()
                        + " " + type.name() + ", "), what);
                assertTrue(run.out().contains("\nHTTP 200\naccepted\n"), what);
                assertEquals("", run.err(), what);
                sent++;
            }
        }
        assertEquals(before + sent, server.deliveryCount(), "every sample stored once");
    }

    @Test
    void aWrongSecretIsRefusedWith401AndExitStatus5ForEveryVendor() {
        for (Endpoint endpoint : server.hookyard().endpoints().all()) {
            String wrong = WRONG.getOrDefault(endpoint.vendorId(), "WRONG_SECRET");
            CommandRun run = send(endpoint, endpoint.vendor().catalog().names().get(0), wrong);
            String what = endpoint.vendorId() + "\n" + run.transcript();
            assertEquals(5, run.status(), what);
            assertTrue(run.out().contains("\nHTTP 401\n"), what);
            assertTrue(run.err().startsWith("hookyard send: the receiver answered 401: the signature was refused."),
                    what);
        }
    }

    @Test
    void aBodyFileIsSentUnchangedAndAnUnknownPathIs404() throws IOException {
        Path body = home.resolve("created.json");
        String text = "{\"event\":\"record.created\",\"record_id\":4242}";
        Files.writeString(body, text);
        CommandRun ok = CommandRun.of(home, ENV, "send", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--body-file", body.toString(), "--url", server.uri("/hooks/least").toString());
        assertEquals(0, ok.status(), ok.transcript());
        assertTrue(ok.out().startsWith("POST " + server.uri("/hooks/least") + " (least, " + text.length()
                + " bytes, signed: X-LEAST-Signature)"), ok.transcript());

        CommandRun missing = CommandRun.of(home, ENV, "send", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--type", "record.created", "--url", server.uri("/hooks/nobody").toString());
        assertEquals(5, missing.status(), missing.transcript());
        assertTrue(missing.out().contains("\nHTTP 404\n"), missing.transcript());
    }

    @Test
    void aGitHubBodyFileIsSentWithItsEventTypeAndWithoutOneIsABadRequest() throws IOException {
        Path body = home.resolve("star.json");
        Files.writeString(body, "{\"action\":\"created\",\"starred_at\":\"2025-01-01T10:00:00Z\"}");
        CommandRun typed = CommandRun.of(home, ENV, "send", "--vendor", "github", "--secret-env", "GITHUB_SECRET",
                "--body-file", body.toString(), "--event-type", "star", "--url", server.uri("/hooks/github").toString());
        assertEquals(0, typed.status(), typed.transcript());
        assertTrue(typed.out().startsWith("POST " + server.uri("/hooks/github") + " (github star, "), typed.transcript());
        assertTrue(typed.out().contains("\nHTTP 200\naccepted\n"), typed.transcript());

        CommandRun untyped = CommandRun.of(home, ENV, "send", "--vendor", "github", "--secret-env", "GITHUB_SECRET",
                "--body-file", body.toString(), "--url", server.uri("/hooks/github").toString());
        assertEquals(5, untyped.status(), untyped.transcript());
        assertTrue(untyped.out().contains("\nHTTP 400\n"), untyped.transcript());
    }

    @Test
    void noListenerIsExitStatus6AndABadUrlIsAUsageError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CommandRun refused = CommandRun.of(home, ENV, "send", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--type", "record.created", "--url", "http://127.0.0.1:" + closedPort + "/hooks/least");
        assertEquals(6, refused.status(), refused.transcript());
        assertTrue(refused.err().contains("cannot connect to 127.0.0.1:" + closedPort), refused.transcript());

        CommandRun badUrl = CommandRun.of(home, ENV, "send", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--type", "record.created", "--url", "localhost:8080/hooks/least");
        assertEquals(2, badUrl.status(), badUrl.transcript());
        assertTrue(badUrl.err().contains("--url: 'localhost:8080/hooks/least' is not an absolute http or https URL"),
                badUrl.transcript());
    }
}
