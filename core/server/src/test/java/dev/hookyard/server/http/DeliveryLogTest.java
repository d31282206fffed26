package dev.hookyard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Secret;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.absorb.AbsorbPlugin;
import dev.hookyard.vendor.falkor.FalkorPlugin;
import dev.hookyard.vendor.leaflink.LeafLinkPlugin;
import dev.hookyard.vendor.leah.LeahPlugin;
import dev.hookyard.vendor.least.LeastPlugin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery log of a real server, captured while genuine and forged deliveries with HMAC signatures, Basic
 * credentials and Bearer tokens arrive: one line per delivery with its status and latency, rejections at WARN, and
 * no secret or credential (configured or presented) anywhere in the log, the metrics or the management API.
 */
class DeliveryLogTest {

    private static final String LEAST_SECRET = "least-log-secret-7d2e";
    private static final String ABSORB_SECRET = "absorb-log-secret-91ac";
    private static final String LEAFLINK_SECRET = "leaflink-log-key-5be0";
    private static final String FALKOR_SECRET = "falkor-log-secret-c3f8";
    private static final String BASIC_PASSWORD = "basic-log-password-0a4d";
    private static final String BASIC = "leah-user:" + BASIC_PASSWORD;
    private static final String BEARER = "bearer-log-token-e61f";
    /** What a forger presents: a wrong password and a wrong token, which must not be logged either. */
    private static final String WRONG_PASSWORD = "guessed-password-77c1";
    private static final String WRONG_TOKEN = "guessed-token-3b9a";

    private static final Pattern STATUS_AND_LATENCY = Pattern.compile(" status=\\d{3} micros=\\d+");

    @TempDir
    Path home;

    @Test
    void oneLinePerDeliveryWithStatusAndLatencyAndNoSecretAnywhere() throws Exception {
        Map<String, String> env = new HashMap<>(TestServer.ENV);
        String yaml = TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: ["%s"], maxBodyBytes: 2048 }
                  absorb: { vendor: absorb, secrets: ["%s"] }
                  leaflink: { vendor: leaflink, secrets: ["%s"] }
                  bytekast: { vendor: falkor, secrets: ["%s"], options: { platform: ByteKast } }
                  basic: { vendor: leah, path: /hooks/basic, secrets: ["%s"], options: { scheme: basic } }
                  bearer: { vendor: leah, path: /hooks/bearer, secrets: ["%s"], options: { scheme: bearer } }
                handlers:
                  log: { type: log }
                routes:
                  - { from: "*", to: [log] }
                """.formatted(LEAST_SECRET, ABSORB_SECRET, LEAFLINK_SECRET, FALKOR_SECRET, BASIC, BEARER);
        Map<String, String> secrets = Map.of("least", LEAST_SECRET, "absorb", ABSORB_SECRET,
                "leaflink", LEAFLINK_SECRET, "bytekast", FALKOR_SECRET, "basic", BASIC, "bearer", BEARER);
        InstalledPlugins plugins = InstalledPlugins.of(List.of(new BuiltinPlugin(), new LeastPlugin(),
                new AbsorbPlugin(), new LeahPlugin(), new LeafLinkPlugin(), new FalkorPlugin(),
                new RecordingHandlers()));
        List<String> presented = new ArrayList<>();
        int deliveries = 0;
        try (LogCapture logs = LogCapture.capture("ROOT");
             TestServer server = TestServer.wrap(Hookyard.start(TestServer.load(home, yaml), plugins,
                     Clock.systemUTC(), TestServer.FAST_RETRIES))) {
            for (Endpoint endpoint : server.hookyard().endpoints().all()) {
                SignedDeliveries signed = SignedDeliveries.of(endpoint.vendor(), endpoint.name(),
                        Secret.of(secrets.get(endpoint.name())), Instant.now());
                Delivery genuine = signed.sample(endpoint.vendor().catalog().types().get(0));
                presented.addAll(credentials(genuine));
                assertStatus(200, server.post(endpoint.path(), genuine), endpoint.name());
                assertStatus(200, server.post(endpoint.path(), genuine), endpoint.name() + " again (duplicate)");
                Delivery forged = SignedDeliveries.of(endpoint.vendor(), endpoint.name(),
                        Secret.of(endpoint.name().equals("basic") ? "leah-user:" + WRONG_PASSWORD
                                : endpoint.name().equals("bearer") ? WRONG_TOKEN : "not-the-secret"),
                        Instant.now()).body(genuine.body());
                presented.addAll(credentials(forged));
                assertStatus(401, server.post(endpoint.path(), forged), endpoint.name() + " forged");
                assertStatus(400, server.post(endpoint.path(), signed.body("not json")), endpoint.name()
                        + " malformed");
                deliveries += 4;
            }
            assertStatus(413, server.post("/hooks/least", "x".repeat(4096), Map.of()), "over maxBodyBytes");
            deliveries++;

            // The log handler's lines are written on dispatch: wait for all six.
            Eventually.await(() -> logs.lines().stream().filter(l -> l.logger().equals("hookyard.handler.log"))
                    .count() == 6, () -> "log handler lines:\n" + logs.text());

            List<LogCapture.Line> deliveryLines = logs.lines().stream()
                    .filter(l -> l.logger().equals("hookyard.delivery")).toList();
            List<LogCapture.Line> limitLines = logs.lines().stream()
                    .filter(l -> l.logger().equals("hookyard.limits")).toList();
            assertEquals(deliveries - 1, deliveryLines.size(), () -> "one line per delivery:\n" + logs.text());
            assertEquals(1, limitLines.size(), () -> "the 413 is logged as a refusal:\n" + logs.text());
            for (LogCapture.Line line : concat(deliveryLines, limitLines)) {
                assertTrue(STATUS_AND_LATENCY.matcher(line.message()).find(), () -> "no status and latency: " + line);
            }
            assertEquals(12, count(deliveryLines, Level.INFO, "accepted ") + count(deliveryLines, Level.INFO,
                    "duplicate "), () -> logs.text());
            assertEquals(6, count(deliveryLines, Level.WARN, "rejected "), () -> logs.text());
            assertEquals(6, count(deliveryLines, Level.WARN, "malformed "), () -> logs.text());
            assertTrue(deliveryLines.stream().filter(l -> l.message().startsWith("rejected "))
                    .allMatch(l -> l.message().contains(" reason=")), "rejections carry their reason code");
            assertTrue(limitLines.get(0).message().startsWith("refused reason=body_too_large endpoint=least"),
                    limitLines.get(0).toString());

            // Nothing secret in the log, the metrics or the management API's view of the deliveries.
            String metrics = get(server, "/metrics");
            String api = get(server, "/deliveries?limit=100");
            StringBuilder details = new StringBuilder();
            for (String line : api.split("\"id\" : ")) {
                if (line.matches("(?s)\\d+.*")) {
                    details.append(get(server, "/deliveries/" + line.substring(0, line.indexOf(',')).trim()));
                }
            }
            List<String> forbidden = new ArrayList<>(List.of(LEAST_SECRET, ABSORB_SECRET, LEAFLINK_SECRET,
                    FALKOR_SECRET, BASIC_PASSWORD, BEARER, WRONG_PASSWORD, WRONG_TOKEN,
                    base64(BASIC), base64("leah-user:" + WRONG_PASSWORD)));
            forbidden.addAll(presented); // the signature and Authorization values sent
            for (String secret : forbidden) {
                assertFalse(logs.text().contains(secret), () -> "the log shows " + secret + ":\n" + logs.text());
                assertFalse(metrics.contains(secret), () -> "the metrics show " + secret);
                assertFalse(api.contains(secret) || details.toString().contains(secret),
                        () -> "the management API shows " + secret);
            }
            assertTrue(details.length() > 0, "the deliveries' details were read");
        }
    }

    private static long count(List<LogCapture.Line> lines, Level level, String prefix) {
        return lines.stream().filter(l -> l.level() == level && l.message().startsWith(prefix)).count();
    }

    private static List<LogCapture.Line> concat(List<LogCapture.Line> a, List<LogCapture.Line> b) {
        List<LogCapture.Line> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The values of the headers a vendor's signer added: signatures and credentials. */
    private static List<String> credentials(Delivery delivery) {
        List<String> values = new ArrayList<>();
        delivery.headers().toMap().forEach((name, list) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.addAll(list);
            }
        });
        assertFalse(values.isEmpty(), "the signer added a header");
        return values;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(TestServer server, String path) {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(server.managementUri(path)).GET());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static void assertStatus(int expected, HttpResponse<String> response, String what) {
        assertEquals(expected, response.statusCode(), () -> what + ": " + response.body());
    }
}
