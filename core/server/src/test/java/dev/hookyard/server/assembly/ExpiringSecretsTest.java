package dev.hookyard.server.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.SettableClock;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Secret;
import dev.hookyard.testkit.SignedDeliveries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret with a notAfter verifies up to that instant and no longer after it; its expiry is logged, not its value. */
class ExpiringSecretsTest {

    private static final String OLD_SECRET = "old-secret-being-rotated-out-31337";
    private static final Instant NOT_AFTER = Instant.parse("2026-12-31T00:00:00Z");

    @TempDir
    Path home;

    private final SettableClock clock = new SettableClock(NOT_AFTER.minus(Duration.ofDays(1)));
    private final AtomicLong ids = new AtomicLong();

    private Delivery signedWith(String secret) {
        return SignedDeliveries.of(LeastFixtures.vendor(), "least", Secret.of(secret), Clock.systemUTC())
                .body("{\"event\":\"record.created\",\"record_id\":" + ids.incrementAndGet() + "}");
    }

    private static String config(String secrets) {
        return TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: %s }
                handlers:
                  rec: { type: recording }
                routes:
                  - { to: [rec] }
                """.formatted(secrets);
    }

    @Test
    void theOldSecretVerifiesUntilItsNotAfterAndTheNewOneThroughout() throws Exception {
        String secrets = "[\"${env:LEAST_SECRET}\", { value: \"" + OLD_SECRET + "\", notAfter: \"" + NOT_AFTER + "\" }]";
        try (LogCapture logs = LogCapture.capture("hookyard.secrets");
             TestServer server = TestServer.start(home, config(secrets), new RecordingHandlers(), clock)) {
            assertEquals(200, server.post("/hooks/least", signedWith(OLD_SECRET)).statusCode());
            assertEquals(200, server.post("/hooks/least", signedWith(LeastFixtures.SPEC_SECRET)).statusCode());
            clock.set(NOT_AFTER);
            assertEquals(200, server.post("/hooks/least", signedWith(OLD_SECRET)).statusCode(), "notAfter is inclusive");
            assertTrue(expiryLines(logs).isEmpty(), logs.text());

            clock.set(NOT_AFTER.plusMillis(1));
            assertEquals(401, server.post("/hooks/least", signedWith(OLD_SECRET)).statusCode());
            assertEquals(200, server.post("/hooks/least", signedWith(LeastFixtures.SPEC_SECRET)).statusCode());
            assertEquals(401, server.post("/hooks/least", signedWith(OLD_SECRET)).statusCode());

            assertEquals(4, server.deliveryCount());
            List<LogCapture.Line> expired = expiryLines(logs);
            assertEquals(1, expired.size(), logs.text());
            assertEquals(Level.INFO, expired.get(0).level());
            assertTrue(expired.get(0).message().contains("endpoints.least.secrets[1]"), expired.get(0).message());
            assertFalse(logs.text().contains(OLD_SECRET), logs.text());
        }
    }

    @Test
    void whenEverySecretHasExpiredDeliveriesAreRefusedAndThatIsSaidAtStartup() throws Exception {
        clock.set(NOT_AFTER.plus(Duration.ofDays(3)));
        String secrets = "[{ value: \"${env:LEAST_SECRET}\", notAfter: \"" + NOT_AFTER + "\" }]";
        try (LogCapture logs = LogCapture.capture("hookyard.secrets");
             TestServer server = TestServer.start(home, config(secrets), new RecordingHandlers(), clock)) {
            assertEquals(1, expiryLines(logs).size(), logs.text());
            assertTrue(logs.lines().stream().anyMatch(l -> l.level() == Level.WARN
                    && l.message().contains("Every secret of endpoints.least")), logs.text());

            assertEquals(401, server.post("/hooks/least", signedWith(LeastFixtures.SPEC_SECRET)).statusCode());
            assertEquals(0, server.deliveryCount());
            assertTrue(logs.lines().stream().anyMatch(l -> l.message().contains("reason=no_active_secret")),
                    logs.text());
            assertFalse(logs.text().contains(LeastFixtures.SPEC_SECRET), logs.text());
        }
    }

    private static List<LogCapture.Line> expiryLines(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.logger().equals("hookyard.secrets")
                && l.message().contains("notAfter")).filter(l -> l.level() == Level.INFO).toList();
    }
}
