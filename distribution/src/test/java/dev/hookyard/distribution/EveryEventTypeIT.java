package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hookyard.server.testing.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a new user gets it: the built {@code hookyard-<version>.zip} unpacked, its
 * {@code conf/hookyard.yaml} replaced by one with an endpoint for each vendor and the jsonl-archive
 * example plugin copied from {@code plugins-available/} into {@code plugins/}, then {@code bin/hookyard run}. A
 * signed sample of every event type of every vendor is sent with the real {@code bin/hookyard send}, and found in
 * the archive exactly once; {@code /metrics} counts exactly what was sent; no secret shows in the logs, the metrics,
 * the management API or the archive; SIGTERM stops it with exit status 0.
 */
class EveryEventTypeIT {

    /** Endpoint name (= vendor id here) to the environment variable holding its secret, and that secret. */
    private static final Map<String, String[]> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("least", new String[] {"LEAST_SECRET", "least-dist-secret-61d0a9"});
        ENDPOINTS.put("absorb", new String[] {"ABSORB_SECRET", "absorb-dist-secret-7e33c1"});
        ENDPOINTS.put("leah", new String[] {"LEAH_CREDENTIAL", "leah-user:leah-dist-password-0b5f"});
        ENDPOINTS.put("leaflink", new String[] {"LEAFLINK_KEY", "leaflink-dist-key-93aa27"});
        ENDPOINTS.put("falkor", new String[] {"FALKOR_SECRET", "falkor-dist-secret-4c8e12"});
        ENDPOINTS.put("standard-webhooks", new String[] {"STANDARD_WEBHOOKS_SECRET",
                "whsec_c3RhbmRhcmQtd2ViaG9va3MtZGlzdC1zZWNyZXQtOWIxNA=="});
        ENDPOINTS.put("stripe", new String[] {"STRIPE_SECRET", "whsec_stripe_dist_secret_2d7f05"});
        ENDPOINTS.put("github", new String[] {"GITHUB_SECRET", "github-dist-secret-a51b7e"});
        ENDPOINTS.put("hmac", new String[] {"HMAC_SECRET", "hmac-dist-secret-3f02d9"});
    }

    /**
     * Vendor options, the same on the endpoint, on {@code send}, and on {@code vendors} (whose catalog for hmac
     * depends on them); values are plain YAML scalars in a flow mapping.
     */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "leah", List.of("scheme=basic"),
            "falkor", List.of("platform=ByteKast"),
            "hmac", List.of("header=X-Orders-Signature", "algorithm=sha512", "encoding=base64", "prefix=v1=",
                    "timestampHeader=X-Orders-Timestamp", "type=/type", "key=/id", "eventTypes=order.created"));
    private static final String TOKEN = "mgmt-dist-token-2f9d61b7";
    private static final String WRONG_SECRET = "not-the-least-secret";
    private static final Pattern EVENT_TYPE_LINE = Pattern.compile("^    (\\S+)\\s{2,}\\S");
    private static final Pattern EVENT_TYPE_COUNT = Pattern.compile("event types \\((\\d+)\\):");
    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    private static final Pattern ARCHIVED = Pattern.compile("^\\{\"endpoint\":\"([^\"]+)\",\"vendor\":\"([^\"]+)\","
            + "\"type\":\"([^\"]+)\"");
    /** Senders at once: each {@code send} is a JVM start, and the machine may have two cores. */
    private static final int SENDERS = 3;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

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
    void everyEventTypeOfEveryVendorIsSentArchivedAndCounted() throws Exception {
        Path home = unzipDistribution();
        Path launcher = home.resolve("bin/hookyard");
        copyFolder(home.resolve("plugins-available/jsonl-archive"), home.resolve("plugins/jsonl-archive"));
        Files.writeString(home.resolve("conf/hookyard.yaml"), configuration());

        Map<String, String> environment = new HashMap<>();
        ENDPOINTS.values().forEach(e -> environment.put(e[0], e[1]));
        environment.put("HOOKYARD_MANAGEMENT_TOKEN", TOKEN);
        // Started from another directory: every relative path in the configuration is the installation's.
        server = ChildServer.start(launcher, work, environment, "run");
        URI base = server.awaitReady();
        server.assertJvmReplacedTheLauncher();
        Matcher port = MANAGEMENT.matcher(server.awaitLine(l -> MANAGEMENT.matcher(l).find(), "the management line"));
        assertTrue(port.find());
        URI management = URI.create("http://127.0.0.1:" + port.group(1) + "/");

        // Every event type of every vendor, as 'bin/hookyard vendors ID' lists them for the endpoint's options.
        Map<String, List<String>> types = new LinkedHashMap<>();
        for (String vendor : ENDPOINTS.keySet()) {
            types.put(vendor, eventTypes(launcher, vendor));
        }
        int total = types.values().stream().mapToInt(List::size).sum();

        List<Callable> sends = new ArrayList<>();
        types.forEach((vendor, names) -> names.forEach(type -> sends.add(() -> {
            Command sent = send(launcher, base, vendor, ENDPOINTS.get(vendor)[0], ENDPOINTS.get(vendor)[1], type);
            assertEquals(0, sent.status(), () -> vendor + " " + type + ": " + sent + "\n" + server.transcript(40));
            assertTrue(sent.output().contains("HTTP 200\naccepted"), () -> vendor + " " + type + ": " + sent);
        })));
        // A forged one: LEAST's signature made with the wrong secret is refused, and send says so (exit 5).
        sends.add(() -> {
            Command forged = send(launcher, base, "least", "WRONG_SECRET", WRONG_SECRET, types.get("least").get(0));
            assertEquals(5, forged.status(), forged::toString);
            assertTrue(forged.output().contains("HTTP 401"), forged::toString);
        });
        runAll(sends);

        // Each sample archived exactly once, by the plugin, on its own handler thread.
        Map<String, Integer> expected = new TreeMap<>();
        types.forEach((vendor, names) -> names.forEach(type -> expected.put(vendor + " " + type, 1)));
        Path archive = home.resolve("data/archive");
        Map<String, Integer> archived = awaitArchived(archive, total);
        assertEquals(expected, archived, "every event type of every vendor, once each");

        // The metrics count exactly that.
        assertEquals(401, get(management.resolve("/metrics"), null).statusCode(), "metrics need the token");
        // A handler's outcome is recorded (and counted) just after its call returns: wait for the last one.
        PrometheusText metrics = awaitMetrics(management, m -> m.value("hookyard_dispatch_outcomes_total",
                "handler", "archive", "outcome", "done") >= total);
        for (Map.Entry<String, List<String>> vendor : types.entrySet()) {
            assertEquals(vendor.getValue().size(), metrics.value("hookyard_requests_total", "endpoint",
                    vendor.getKey(), "status", "200"), "accepted by " + vendor.getKey());
            assertEquals(0, metrics.value("hookyard_parse_failures_total", "endpoint", vendor.getKey()));
            assertEquals(0, metrics.value("hookyard_duplicates_total", "endpoint", vendor.getKey()));
        }
        assertEquals(1, metrics.value("hookyard_requests_total", "endpoint", "least", "status", "401"));
        assertEquals(1, metrics.value("hookyard_rejections_total", "endpoint", "least", "reason", "mismatch"));
        assertEquals(1, metrics.sum("hookyard_rejections_total"), "one refusal in all");
        assertEquals(total + 1, metrics.sum("hookyard_requests_total"));
        assertEquals(total, metrics.value("hookyard_dispatch_outcomes_total", "handler", "archive", "outcome",
                "done"));
        assertEquals(total, metrics.sum("hookyard_dispatch_outcomes_total"), "nothing retried, dropped or dead");
        assertEquals(total, metrics.value("hookyard_handler_call_seconds_count", "handler", "archive"));
        assertEquals(0, metrics.sum("hookyard_dead_letters_total"));
        assertEquals(total, metrics.value("hookyard_store_commit_batch_size_sum"), "each delivery appended once");
        assertEquals(0, metrics.value("hookyard_backlog"));
        assertTrue(metrics.has("jvm_memory_used_bytes") && metrics.has("jvm_threads_live_threads")
                && metrics.has("jvm_gc_max_data_size_bytes"), "JVM metrics on the module path (jdk.management)");

        // One INFO line per accepted delivery, with its status and latency.
        long acceptedLines = server.output().stream()
                .filter(l -> l.contains(" hookyard.delivery - accepted endpoint=") && l.contains(" status=200 micros="))
                .count();
        assertEquals(total, acceptedLines, () -> server.transcript(60));

        // No secret in the logs, the metrics, the management API or the archive.
        HttpResponse<String> listed = get(management.resolve("/deliveries?limit=100"), TOKEN);
        assertEquals(200, listed.statusCode(), listed.body());
        StringBuilder api = new StringBuilder(listed.body());
        for (int id = 1; id <= total; id++) {
            api.append(get(management.resolve("/deliveries/" + id), TOKEN).body());
        }
        String leahBasic = Base64.getEncoder().encodeToString(ENDPOINTS.get("leah")[1]
                .getBytes(StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>(List.of(TOKEN, WRONG_SECRET, leahBasic, "leah-dist-password-0b5f"));
        ENDPOINTS.values().forEach(e -> secrets.add(e[1]));
        server.stop();
        String logs = String.join("\n", server.output()) + "\n" + Files.readString(home.resolve("logs/hookyard.log"));
        String archiveText = archiveText(archive);
        for (String secret : secrets) {
            assertFalse(logs.contains(secret), () -> "the log shows " + secret);
            assertFalse(metrics.text().contains(secret), () -> "the metrics show " + secret);
            assertFalse(api.toString().contains(secret), () -> "the management API shows " + secret);
            assertFalse(archiveText.contains(secret), () -> "the archive shows " + secret);
        }
    }

    // ---- the distribution ---------------------------------------------------------------------------------------

    /**
     * Unpacks the real zip, with the permissions it stores (the JDK's zip file system reads them): the launcher
     * must come out executable, as {@code unzip} makes it.
     */
    private Path unzipDistribution() throws IOException {
        String base = System.getProperty("hookyard.archive");
        String version = System.getProperty("hookyard.version");
        assertTrue(base != null && version != null, "run through Maven (mvn verify): the failsafe plugin sets"
                + " hookyard.archive and hookyard.version");
        Path zip = Paths.get(base + ".zip");
        assertTrue(Files.isRegularFile(zip), zip + " was not built: the package phase builds it");
        Path target = work.resolve("unzipped");
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true));
             Stream<Path> entries = Files.walk(archive.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path out = target.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entry, out);
                    Files.setPosixFilePermissions(out, Files.getPosixFilePermissions(entry));
                }
            }
            Set<PosixFilePermission> launcher = Files.getPosixFilePermissions(
                    archive.getPath("/hookyard-" + version + "/bin/hookyard"));
            assertTrue(launcher.contains(PosixFilePermission.OWNER_EXECUTE), "the zip stores bin/hookyard as"
                    + " executable: " + launcher);
        }
        Path home = target.resolve("hookyard-" + version);
        assertTrue(Files.isExecutable(home.resolve("bin/hookyard")), "bin/hookyard is executable once unzipped");
        assertTrue(Files.isDirectory(home.resolve("plugins-available/jsonl-archive")),
                "the jsonl-archive plugin ships in plugins-available/");
        return home;
    }

    private static String configuration() {
        StringBuilder yaml = new StringBuilder("""
                server: { host: 127.0.0.1, port: 0 }
                management: { host: 127.0.0.1, port: 0, token: "${env:HOOKYARD_MANAGEMENT_TOKEN}" }
                store: { path: data }
                endpoints:
                """);
        ENDPOINTS.forEach((name, secret) -> {
            yaml.append("  ").append(name).append(": { vendor: ").append(name).append(", secrets: [\"${env:")
                    .append(secret[0]).append("}\"]");
            List<String> options = OPTIONS.getOrDefault(name, List.of());
            if (!options.isEmpty()) {
                // NAME=VALUE, split at the first '=' (a value may hold one); quoted, as a value may hold ':' too.
                yaml.append(", options: { ").append(options.stream()
                                .map(o -> o.substring(0, o.indexOf('=')) + ": \"" + o.substring(o.indexOf('=') + 1)
                                        + "\"")
                                .collect(Collectors.joining(", "))).append(" }");
            }
            yaml.append(" }\n");
        });
        yaml.append("""
                handlers:
                  archive: { type: jsonl-archive, options: { dir: data/archive } }
                routes:
                  - { from: "*", to: [archive] }
                """);
        return yaml.toString();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path out = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** The event types {@code bin/hookyard vendors VENDOR} lists, checked against the count it announces. */
    private List<String> eventTypes(Path launcher, String vendor) throws Exception {
        List<String> args = new ArrayList<>(List.of("vendors", vendor));
        for (String option : OPTIONS.getOrDefault(vendor, List.of())) {
            args.add("--option");
            args.add(option);
        }
        Command listed = command(launcher, Map.of(), args.toArray(String[]::new));
        assertEquals(0, listed.status(), listed::toString);
        List<String> names = new ArrayList<>();
        boolean inTypes = false;
        int announced = -1;
        for (String line : listed.output().lines().toList()) {
            Matcher count = EVENT_TYPE_COUNT.matcher(line);
            if (count.find()) {
                inTypes = true;
                announced = Integer.parseInt(count.group(1));
                continue;
            }
            Matcher type = EVENT_TYPE_LINE.matcher(line);
            if (inTypes && type.find()) {
                names.add(type.group(1));
            } else if (inTypes && !line.isBlank()) {
                inTypes = false;
            }
        }
        assertTrue(announced > 0, listed::toString);
        assertEquals(announced, names.size(), () -> "event types read from:\n" + listed);
        return names;
    }

    /** {@code bin/hookyard send} of the catalog sample of {@code type}, signed with the secret in {@code variable}. */
    private Command send(Path launcher, URI base, String vendor, String variable, String secret, String type)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("send", "--vendor", vendor, "--secret-env", variable, "--type",
                type, "--url", base.resolve("/hooks/" + vendor).toString()));
        for (String option : OPTIONS.getOrDefault(vendor, List.of())) {
            args.add("--option");
            args.add(option);
        }
        return command(launcher, Map.of(variable, secret), args.toArray(String[]::new));
    }

    /** A command as a person runs it: a JVM of its own, the launcher's environment, output read to the end. */
    private Command command(Path launcher, Map<String, String> variables, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !List.of("PATH", "HOME", "LANG", "TMPDIR").contains(name));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // A short-lived tool: a small heap and the quick compiler start it faster.
        environment.put("JAVA_OPTS", "-Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        environment.putAll(variables);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/hookyard " + String.join(" ", args) + " did not finish");
        }
        return new Command(String.join(" ", args), process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Command(String args, int status, String output) {
        @Override
        public String toString() {
            return "bin/hookyard " + args + ": exit status " + status + "\n" + output;
        }
    }

    @FunctionalInterface
    private interface Callable {
        void call() throws Exception;
    }

    /** Runs the calls {@link #SENDERS} at a time; the first failure fails the test. */
    private static void runAll(List<Callable> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Callable call : calls) {
                running.add(pool.submit(() -> {
                    call.call();
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get(COMMAND_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- what came out -------------------------------------------------------------------------------------------

    /** Polls the archive until it holds {@code count} lines; "endpoint type" to how often each was archived. */
    private Map<String, Integer> awaitArchived(Path archive, int count) throws Exception {
        Instant deadline = Instant.now().plus(ChildServer.EVENT_TIMEOUT);
        while (true) {
            String text = archiveText(archive);
            // Complete lines only: the plugin may be writing the last one.
            List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
            if (lines.size() >= count || Instant.now().isAfter(deadline)) {
                Map<String, Integer> seen = new TreeMap<>();
                for (String line : lines) {
                    Matcher m = ARCHIVED.matcher(line);
                    assertTrue(m.find(), () -> "not an archive line: " + line);
                    assertEquals(m.group(1), m.group(2), "endpoint and vendor are named alike here: " + line);
                    seen.merge(m.group(1) + " " + m.group(3), 1, Integer::sum);
                }
                assertEquals(count, lines.size(), () -> "archived lines\n" + server.transcript(40));
                return seen;
            }
            Thread.sleep(50);
        }
    }

    /** Scrapes {@code /metrics} until {@code done} holds or the deadline passes; the last scrape. */
    private PrometheusText awaitMetrics(URI management, java.util.function.Predicate<PrometheusText> done)
            throws Exception {
        Instant deadline = Instant.now().plus(ChildServer.EVENT_TIMEOUT);
        while (true) {
            HttpResponse<String> response = get(management.resolve("/metrics"), TOKEN);
            assertEquals(200, response.statusCode(), response.body());
            PrometheusText metrics = PrometheusText.parse(response.body());
            if (done.test(metrics) || Instant.now().isAfter(deadline)) {
                return metrics;
            }
            Thread.sleep(50);
        }
    }

    private static String archiveText(Path archive) throws IOException {
        if (!Files.isDirectory(archive)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(archive)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
