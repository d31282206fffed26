package dev.hookyard.server.config;

import static dev.hookyard.server.testing.ConfigFiles.problemAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.net.Cidr;
import dev.hookyard.server.testing.ConfigFiles;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.TestKeystores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.tls, server.limits, trustedProxies, allow, rateLimit, secrets with notAfter, and the literal-secret warning. */
class HardeningConfigTest {

    private static final String PASSWORD = "keystore-pass-93c1";
    private static final Map<String, String> ENV = Map.of("LEAST_SECRET", "env-secret-value-123",
            "TLS_PASSWORD", PASSWORD, "WRONG_PASSWORD", "not-the-keystore-password-55e");

    @TempDir
    Path home;

    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(home, ENV);
    }

    private static String endpoint(String extra) {
        return "endpoints:\n  least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"]" + extra + " }\n";
    }

    @Test
    void tlsIsReadWithTheKeystoreRelativeToHomeAndAPasswordThatIsNeverShown() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        TestKeystores.create(home.resolve("conf/tls.p12"), PASSWORD, "config-test");

        HookyardConfig config = files.load("""
                server: { tls: { keystore: conf/tls.p12, password: "${env:TLS_PASSWORD}", reloadInterval: 5m } }
                """ + endpoint(""));

        TlsConfig tls = config.server().tls();
        assertEquals(home.resolve("conf/tls.p12").toAbsolutePath().normalize(), tls.keystore());
        assertEquals(PASSWORD, tls.password().reveal());
        assertEquals(Duration.ofMinutes(5), tls.reloadInterval());
        assertFalse(tls.toString().contains(PASSWORD), tls.toString());
        assertFalse(config.toString().contains(PASSWORD));
    }

    @Test
    void withoutTlsTheListenerIsPlainAndReloadDefaultsToAMinute() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        TestKeystores.create(home.resolve("conf/tls.p12"), PASSWORD, "config-test");
        assertNull(files.load(endpoint("")).server().tls());
        assertEquals(Duration.ofSeconds(60), files.load(
                "server: { tls: { keystore: conf/tls.p12, password: \"${env:TLS_PASSWORD}\" } }\n" + endpoint(""))
                .server().tls().reloadInterval());
    }

    @Test
    void aMissingKeystoreNamesTheKeyAndTheFile() throws IOException {
        InvalidConfigException e = files.loadFails("""
                server: { tls: { keystore: conf/nope.p12, password: "${env:TLS_PASSWORD}" } }
                """ + endpoint(""));

        ConfigProblem problem = problemAt(e, "server.tls.keystore").orElseThrow(() -> new AssertionError(e.getMessage()));
        assertTrue(problem.problem().contains("nope.p12") && problem.problem().contains("does not exist"),
                problem.toString());
    }

    @Test
    void aWrongPasswordIsFoundAtStartupAndNeverPrinted() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        TestKeystores.create(home.resolve("conf/tls.p12"), PASSWORD, "config-test");

        InvalidConfigException e = files.loadFails("""
                server: { tls: { keystore: conf/tls.p12, password: "${env:WRONG_PASSWORD}" } }
                """ + endpoint(""));

        assertTrue(problemAt(e, "server.tls.password").isPresent(), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-keystore-password-55e"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsRefused() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        TestKeystores.createCertificateOnly(home.resolve("conf/trust.p12"), PASSWORD, Files.createTempDirectory(home, "s"));

        InvalidConfigException e = files.loadFails("""
                server: { tls: { keystore: conf/trust.p12, password: "${env:TLS_PASSWORD}" } }
                """ + endpoint(""));

        ConfigProblem problem = problemAt(e, "server.tls.keystore").orElseThrow(() -> new AssertionError(e.getMessage()));
        assertTrue(problem.problem().contains("no private key"), problem.toString());
    }

    @Test
    void aFileThatIsNotAKeystoreAndMissingTlsKeysAreReportedByKey() throws IOException {
        files.write("conf/tls.p12", "not a keystore at all");
        InvalidConfigException e = files.loadFails("""
                server: { tls: { keystore: conf/tls.p12, password: "${env:TLS_PASSWORD}", reloadInterval: 10ms } }
                """ + endpoint(""));
        assertTrue(problemAt(e, "server.tls.keystore").orElseThrow().problem().contains("not a PKCS12 keystore"),
                e.getMessage());
        assertTrue(problemAt(e, "server.tls.reloadInterval").isPresent(), e.getMessage());

        InvalidConfigException missing = files.loadFails("server: { tls: { reloadInterval: 1s } }\n" + endpoint(""));
        assertTrue(problemAt(missing, "server.tls.keystore").isPresent(), missing.getMessage());
        assertTrue(problemAt(missing, "server.tls.password").isPresent(), missing.getMessage());
    }

    @Test
    void limitsHaveDefaultsAndEndpointsOverrideHeaderCountAndBodyTimeout() throws IOException {
        HookyardConfig defaults = files.load(endpoint(""));
        assertEquals(ServerLimits.DEFAULTS, defaults.server().limits());
        assertEquals(new ServerLimits(8192, 64, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 1024, 64), ServerLimits.DEFAULTS);
        EndpointAdmission admission = defaults.endpoints().get(0).admission();
        assertEquals(64, admission.maxHeaderCount());
        assertEquals(Duration.ofSeconds(30), admission.bodyTimeout());
        assertTrue(admission.allow().isEmpty());
        assertNull(admission.rateLimit());

        HookyardConfig config = files.load("""
                server:
                  limits: { maxHeaderBytes: 4096, maxHeaderCount: 20, headerTimeout: 3s, idleTimeout: 10s,
                            bodyTimeout: 5s, maxConnections: 50, maxConnectionsPerClient: 5 }
                """ + endpoint(", maxHeaderCount: 12, bodyTimeout: 2s"));
        assertEquals(new ServerLimits(4096, 20, Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5),
                50, 5), config.server().limits());
        assertEquals(12, config.endpoints().get(0).admission().maxHeaderCount());
        assertEquals(Duration.ofSeconds(2), config.endpoints().get(0).admission().bodyTimeout());

        HookyardConfig inherited =
                files.load("server: { limits: { maxHeaderCount: 20, bodyTimeout: 5s } }\n" + endpoint(""));
        assertEquals(20, inherited.endpoints().get(0).admission().maxHeaderCount());
        assertEquals(Duration.ofSeconds(5), inherited.endpoints().get(0).admission().bodyTimeout());
    }

    @Test
    void badLimitsAreReportedByKey() throws IOException {
        InvalidConfigException e = files.loadFails("""
                server:
                  limits: { maxHeaderBytes: 10, maxHeaderCount: 0, headerTimeout: 0s, idleTimeout: forever,
                            maxConnections: -1, maxConnectionsPerClient: 0, maxBody: 1 }
                """ + endpoint(", bodyTimeout: 2 weeks"));
        for (String key : List.of("server.limits.maxHeaderBytes", "server.limits.maxHeaderCount",
                "server.limits.headerTimeout", "server.limits.idleTimeout", "server.limits.maxConnections",
                "server.limits.maxConnectionsPerClient", "server.limits.maxBody", "endpoints.least.bodyTimeout")) {
            assertTrue(problemAt(e, key).isPresent(), key + " in " + e.getMessage());
        }
    }

    @Test
    void allowListsTrustedProxiesAndRateLimitsAreParsedAndCheckedByKey() throws IOException {
        HookyardConfig config = files.load("""
                server: { trustedProxies: ["10.0.0.0/8", "::1"] }
                """ + endpoint(", allow: [\"10.0.0.0/8\", \"2001:db8::/32\", \"203.0.113.7\"],"
                + " rateLimit: { requests: 100, per: 1s }"));
        assertEquals(List.of(Cidr.parse("10.0.0.0/8").orElseThrow(), Cidr.parse("::1").orElseThrow()),
                config.server().trustedProxies());
        EndpointAdmission admission = config.endpoints().get(0).admission();
        assertEquals(List.of("10.0.0.0/8", "2001:db8:0:0:0:0:0:0/32", "203.0.113.7"),
                admission.allow().stream().map(Cidr::toString).toList());
        assertEquals(new RateLimitConfig(100, Duration.ofSeconds(1)), admission.rateLimit());

        InvalidConfigException e = files.loadFails("""
                server: { trustedProxies: ["proxy.example.com"] }
                endpoints:
                  a: { vendor: least, allow: ["10.0.0.0/33", "300.1.1.1", "10.0.0.1"], rateLimit: { requests: 0, per: soon } }
                  b: { vendor: least, path: /b, allow: [], rateLimit: { per: 1s } }
                """);
        for (String key : List.of("server.trustedProxies[0]", "endpoints.a.allow[0]", "endpoints.a.allow[1]",
                "endpoints.a.rateLimit.requests", "endpoints.a.rateLimit.per", "endpoints.b.allow",
                "endpoints.b.rateLimit.requests")) {
            assertTrue(problemAt(e, key).isPresent(), key + " in " + e.getMessage());
        }
        assertFalse(problemAt(e, "endpoints.a.allow[2]").isPresent(), e.getMessage());
    }

    @Test
    void secretsMayCarryANotAfterAndAreCheckedByKey() throws IOException {
        HookyardConfig config = files.load("""
                endpoints:
                  least:
                    vendor: least
                    secrets: ["${env:LEAST_SECRET}", { value: "old-literal", notAfter: "2026-12-31T00:00:00Z" }]
                """);
        List<KeyringEntry> keyring = config.endpoints().get(0).keyring();
        assertEquals("env-secret-value-123", keyring.get(0).secret().reveal());
        assertNull(keyring.get(0).notAfter());
        assertEquals("old-literal", keyring.get(1).secret().reveal());
        assertEquals(Instant.parse("2026-12-31T00:00:00Z"), keyring.get(1).notAfter());
        assertEquals(2, config.endpoints().get(0).secrets().size());

        InvalidConfigException e = files.loadFails("""
                endpoints:
                  least:
                    vendor: least
                    secrets: [{ value: "s1", notAfter: "next tuesday" }, { notAfter: "2026-12-31T00:00:00Z" }, { value: "s3", until: x }]
                """);
        for (String key : List.of("endpoints.least.secrets[0].notAfter", "endpoints.least.secrets[1].value",
                "endpoints.least.secrets[2].until")) {
            assertTrue(problemAt(e, key).isPresent(), key + " in " + e.getMessage());
        }
    }

    @Test
    void literalSecretsInAFileOthersMayReadAreWarnedAboutByKeyNeverByValue() throws IOException {
        Path file = files.write("conf/hookyard.yaml", """
                endpoints:
                  least:
                    vendor: least
                    secrets: ["literal-secret-4711", "${env:LEAST_SECRET}"]
                handlers:
                  fwd: { type: log, options: { secret: "option-secret-0815", url: "https://example.com" } }
                """);
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (LogCapture logs = LogCapture.capture()) {
            files.loader().load(file);
            List<LogCapture.Line> warnings = logs.atLeast(Level.WARN).stream()
                    .filter(l -> l.logger().equals("hookyard.config")).toList();
            assertEquals(1, warnings.size(), logs.text());
            String warning = warnings.get(0).message();
            assertTrue(warning.contains(file.toString()), warning);
            assertTrue(warning.contains("chmod 600"), warning);
            assertTrue(warning.contains("endpoints.least.secrets[0]"), warning);
            assertTrue(warning.contains("handlers.fwd.options.secret"), warning);
            assertFalse(warning.contains("endpoints.least.secrets[1]"), warning);
            assertFalse(logs.text().contains("literal-secret-4711"), logs.text());
            assertFalse(logs.text().contains("option-secret-0815"), logs.text());
        }

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (LogCapture logs = LogCapture.capture()) {
            files.loader().load(file);
            assertTrue(logs.lines().stream().noneMatch(l -> l.logger().equals("hookyard.config")), logs.text());
        }
    }

    @Test
    void referencedSecretsInAReadableFileAreNoCauseForWarning() throws IOException {
        Path file = files.write("conf/hookyard.yaml", endpoint(""));
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (LogCapture logs = LogCapture.capture()) {
            files.loader().load(file);
            assertTrue(logs.lines().stream().noneMatch(l -> l.logger().equals("hookyard.config")), logs.text());
        }
    }
}
