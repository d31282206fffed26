package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as a user gets them: {@code hookyard-VERSION.zip} and {@code .tar.gz} are unpacked with the
 * system's {@code unzip} and {@code tar}, compared, and their real {@code bin/hookyard} is run as a child process
 * for {@code check}, {@code vendors}, {@code sign} and {@code send}: the module-path launch, where a missing
 * {@code requires} or {@code opens} shows.
 */
class DistributionIT {

    private static final List<String> VENDORS = List.of("least", "absorb", "leah", "leaflink", "falkor",
            "standard-webhooks", "stripe", "github", "hmac");
    private static final List<String> EXAMPLE_PLUGINS = List.of("jsonl-archive", "http-forward", "absorb-enrich",
            "exec", "kafka-publish");
    private static final long TIMEOUT_SECONDS = 90;
    /** How a commented example line in conf/hookyard.yaml looks: "# " in front of indented YAML. */
    private static final Pattern COMMENTED_EXAMPLE = Pattern.compile("^# (  .*)$");

    /** LEAST's published test vector (shared/vendor-docs/SPEC.md), as in LaunchIT. */
    private static final String LEAST_SECRET = "your-webhook-secret";
    private static final String LEAST_BODY = "{\"event\":\"record.created\",\"record_id\":42}";
    private static final String LEAST_SIGNATURE =
            "sha256=f644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607f";

    @TempDir
    static Path unpacked;

    private static Path zipHome;
    private static Path tarHome;
    /** Both layouts as unpacked, before any test runs a command in them. */
    private static Map<String, Boolean> zipEntries;
    private static Map<String, Boolean> tarEntries;

    @TempDir
    Path work;

    @BeforeAll
    static void unpackBothArchives() throws Exception {
        String base = System.getProperty("hookyard.archive");
        String version = System.getProperty("hookyard.version");
        assertTrue(base != null && version != null, "run through Maven (mvn verify): the archive path is a system"
                + " property set by the failsafe plugin");
        Path zip = Paths.get(base + ".zip");
        Path tar = Paths.get(base + ".tar.gz");
        assertTrue(Files.isRegularFile(zip), zip + " was not built");
        assertTrue(Files.isRegularFile(tar), tar + " was not built");
        Files.createDirectories(unpacked.resolve("zip"));
        Files.createDirectories(unpacked.resolve("tar"));
        tool(List.of("unzip", "-q", zip.toString(), "-d", unpacked.resolve("zip").toString()));
        tool(List.of("tar", "-xzf", tar.toString(), "-C", unpacked.resolve("tar").toString()));
        zipHome = unpacked.resolve("zip").resolve("hookyard-" + version);
        tarHome = unpacked.resolve("tar").resolve("hookyard-" + version);
        assertTrue(Files.isDirectory(zipHome), "the zip unpacks to hookyard-" + version + "/");
        assertTrue(Files.isDirectory(tarHome), "the tar.gz unpacks to hookyard-" + version + "/");
        zipEntries = entries(zipHome);
        tarEntries = entries(tarHome);
    }

    @Test
    void zipAndTarGzHoldTheSameLayoutWithExecutableLaunchers() throws IOException {
        assertEquals(tarEntries, zipEntries, "the same files, with the same executable bits, in both archives");

        for (String path : List.of("bin/hookyard", "bin/hookyard.bat", "LICENSE", "conf/hookyard.yaml",
                "conf/logback.xml", "conf/hookyard.service", "plugins/README.md", "plugins-available/README.md",
                "data/README.md", "logs/README.md")) {
            assertTrue(zipEntries.containsKey(path), path + " is in the distribution: " + zipEntries.keySet());
        }
        assertTrue(zipEntries.get("bin/hookyard"), "bin/hookyard is executable");
        assertFalse(zipEntries.get("conf/hookyard.yaml"), "conf/hookyard.yaml is not executable");
        String bat = Files.readString(zipHome.resolve("bin/hookyard.bat"), StandardCharsets.ISO_8859_1);
        assertTrue(bat.contains("\r\n") && !bat.replace("\r\n", "").contains("\n"), "hookyard.bat has CRLF lines");
        assertFalse(Files.readString(zipHome.resolve("bin/hookyard")).contains("\r"), "bin/hookyard has LF lines");

        for (String plugin : EXAMPLE_PLUGINS) {
            String jar = "plugins-available/" + plugin + "/hookyard-plugin-" + plugin + "-"
                    + System.getProperty("hookyard.version") + ".jar";
            assertTrue(zipEntries.containsKey(jar), jar + " ships ready to enable");
        }
        List<String> pluginJarsInLib = zipEntries.keySet().stream()
                .filter(p -> p.startsWith("lib/hookyard-plugin-")).toList();
        assertEquals(List.of(), pluginJarsInLib, "example plugins stay out of the module path (lib/)");
        assertTrue(zipEntries.keySet().stream().noneMatch(p -> p.startsWith("plugins/") && p.endsWith(".jar")),
                "no plugin is enabled out of the box");
    }

    @Test
    void theShippedConfigurationPassesCheckWithoutCreatingTheStore() throws Exception {
        Result ok = hookyard(tarHome, Map.of("LEAST_SECRET", LEAST_SECRET), "check");
        assertEquals(0, ok.status(), ok.toString());
        assertTrue(ok.out().startsWith("OK: 1 endpoint, 1 handler, 1 route (" + tarHome.resolve("conf/hookyard.yaml")
                + ")"), ok.toString());
        assertFalse(ok.out().contains("warning"), ok.toString());
        assertEquals("", ok.err(), "tool commands log nothing below WARN\n" + ok);
        assertFalse(Files.exists(tarHome.resolve("data/hookyard.db")), "check does not create the store");
        assertFalse(Files.exists(tarHome.resolve("logs/hookyard.log")), "tool commands do not write the server log");

        Result missing = hookyard(tarHome, Map.of(), "check");
        assertEquals(2, missing.status(), missing.toString());
        assertTrue(missing.err().contains("endpoints.least.secrets[0]"), missing.toString());
        assertTrue(missing.err().contains("fix:     export LEAST_SECRET=<value>"), missing.toString());
    }

    /**
     * Keeps the commented examples honest: with every example in conf/hookyard.yaml uncommented, the example plugins
     * linked into plugins/ and the variables set, {@code check} passes without a warning.
     */
    @Test
    void everyCommentedExampleIsValidOnceUncommentedWithThePluginsLinked() throws Exception {
        Path home = zipHome;
        String shipped = Files.readString(home.resolve("conf/hookyard.yaml"));
        String uncommented = shipped.lines()
                .map(line -> COMMENTED_EXAMPLE.matcher(line).replaceFirst("$1"))
                .collect(Collectors.joining("\n", "", "\n"));
        Path config = work.resolve("all-examples.yaml");
        Files.writeString(config, uncommented);
        Path plugins = work.resolve("plugins");
        Files.createDirectories(plugins);
        for (String plugin : EXAMPLE_PLUGINS) {
            Files.createSymbolicLink(plugins.resolve(plugin), home.resolve("plugins-available").resolve(plugin));
        }
        Path script = home.resolve("hooks/on-event.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\ncat >/dev/null\n");
        assertTrue(script.toFile().setExecutable(true));
        Map<String, String> environment = new HashMap<>(Map.of(
                "LEAST_SECRET", LEAST_SECRET, "ABSORB_SECRET", "absorb-secret",
                "LEAH_CREDENTIAL", "leah-user:leah-password", "LEAFLINK_KEY", "leaflink-key",
                "FALKOR_SECRET", "falkor-secret", "GITHUB_WEBHOOK_SECRET", "github-secret",
                "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXX",
                "ABSORB_API_USERNAME", "api-admin", "ABSORB_API_PASSWORD", "api-password",
                "ABSORB_API_PRIVATE_KEY", "api-key"));
        environment.put("ENRICHED_EVENTS_URL", "https://example.com/enriched");
        environment.put("STANDARD_WEBHOOKS_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        environment.put("STRIPE_SECRET", "whsec_stripe-example-secret");
        environment.put("ORDERS_WEBHOOK_SECRET", "orders-secret");
        environment.put("KAFKA_PASSWORD", "kafka-password");

        Result result = hookyard(home, environment, "check", "--config", config.toString(), "--plugins",
                plugins.toString());

        assertEquals(0, result.status(), result + "\n--- uncommented configuration ---\n" + uncommented);
        assertTrue(result.out().startsWith("OK: 9 endpoints, 6 handlers, 6 routes"), result.toString());
        for (String plugin : EXAMPLE_PLUGINS) {
            assertTrue(result.out().contains(": type " + plugin + " (from plugins/" + plugin + ")"), result.toString());
        }
        assertFalse(result.out().contains("warning"), result.toString());
        assertFalse(result.err().contains("ERROR"), result.toString());

        Result listed = hookyard(home, Map.of(), "plugins", "--plugins", plugins.toString());
        assertEquals(0, listed.status(), listed.toString());
        assertTrue(listed.out().contains(plugins.resolve("jsonl-archive") + " (own module layer)\n"
                + "  handler type jsonl-archive - "), listed.toString());
        for (String plugin : EXAMPLE_PLUGINS) {
            assertTrue(listed.out().contains("\n  handler type " + plugin + " - "), listed.toString());
        }
        assertTrue(listed.out().endsWith(EXAMPLE_PLUGINS.size() + " plugins in " + plugins + ": "
                + EXAMPLE_PLUGINS.size() + " loaded, 0 cannot be loaded\n"), listed.toString());
    }

    @Test
    void vendorsListsEveryVendorAndItsJsonIsTheOnlyOutput() throws Exception {
        Result text = hookyard(zipHome, Map.of(), "vendors");
        assertEquals(0, text.status(), text.toString());
        for (String vendor : VENDORS) {
            assertTrue(text.out().lines().anyMatch(line -> line.startsWith(vendor + " - ")), vendor + "\n" + text);
        }
        assertTrue(text.out().contains("record.created"), text.toString());

        Result json = hookyard(zipHome, Map.of(), "vendors", "--json");
        assertEquals(0, json.status(), json.toString());
        String out = json.out().strip();
        assertTrue(out.startsWith("{") && out.endsWith("}"), "stdout is one JSON document\n" + json);
        for (String vendor : VENDORS) {
            assertTrue(out.contains("\"id\" : \"" + vendor + "\""), vendor + "\n" + json);
        }
        assertEquals("", json.err(), json.toString());
    }

    @Test
    void signAndSendProduceTheVendorsOwnSignature() throws Exception {
        Path body = work.resolve("body.json");
        Files.writeString(body, LEAST_BODY);
        Map<String, String> environment = Map.of("LEAST_SECRET", LEAST_SECRET);

        Result signed = hookyard(zipHome, environment, "sign", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--body-file", body.toString());
        assertEquals(0, signed.status(), signed.toString());
        assertEquals("X-LEAST-Signature: " + LEAST_SIGNATURE + "\n", signed.out(), signed.toString());

        // A receiver that records what it gets: send uses java.net.http, which only the module path can lack.
        AtomicReference<Map<String, String>> headers = new AtomicReference<>();
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/least", exchange -> {
            Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name, values.get(0)));
            headers.set(seen);
            try (InputStream in = exchange.getRequestBody()) {
                received.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = "accepted\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/least";
            Result sent = hookyard(zipHome, environment, "send", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                    "--body-file", body.toString(), "--url", url);
            assertEquals(0, sent.status(), sent.toString());
            assertTrue(sent.out().contains("HTTP 200\naccepted\n"), sent.toString());
            assertEquals(LEAST_BODY, received.get());
            assertEquals(LEAST_SIGNATURE, headers.get().get("X-LEAST-Signature"), headers.get().toString());
            assertEquals("application/json", headers.get().get("Content-Type"), headers.get().toString());
        } finally {
            receiver.stop(0);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Relative path of every file and directory under {@code root}, to whether it is executable (files only). */
    private static Map<String, Boolean> entries(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).collect(Collectors.toMap(
                    p -> root.relativize(p).toString().replace('\\', '/'),
                    p -> Files.isRegularFile(p) && Files.isExecutable(p),
                    (a, b) -> a, TreeMap::new));
        }
    }

    private static void tool(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + command.get(0) + "' (" + e.getMessage() + "): this test unpacks"
                    + " the archives with the system's unzip and tar, as users do; install them", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
    }

    /** Runs {@code home/bin/hookyard args} to completion with these variables added to a clean environment. */
    private Result hookyard(Path home, Map<String, String> variables, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(home.resolve("bin/hookyard").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        // Only what the test sets: no secret from the developer's shell may make a check pass.
        environment.keySet().removeIf(name -> !List.of("PATH", "HOME", "LANG", "TMPDIR").contains(name));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS", "-Xmx256m");
        environment.putAll(variables);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + "s");
        }
        return new Result(String.join(" ", args), process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(String command, int status, String out, String err) {
        @Override
        public String toString() {
            return "bin/hookyard " + command + ": exit status " + status + "\n--- stdout ---\n" + out
                    + "--- stderr ---\n" + err + "---";
        }
    }
}
