package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.testkit.CompiledJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins in the real module-path launch ({@code bin/hookyard run --plugins DIR}): a plugin whose JARs are all
 * modules gets its own {@link ModuleLayer}, which Surefire's class-path tests of the server cannot exercise. The
 * plugins directory is a temporary one, so the distribution folder stays as built.
 */
class PluginsLaunchIT {

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

    private Path writeConfig(String handlers, String routes) throws IOException {
        return ChildServer.writeConfig(work, work.resolve("store"), null, handlers, routes);
    }

    private ChildServer run(Path config, Path plugins) throws IOException {
        Path home = ChildServer.distributionHome();
        return ChildServer.start(home.resolve("bin/hookyard"), work, "run", "--config", config.toString(),
                "--plugins", plugins.toString());
    }

    @Test
    void theJsonlArchiveExampleLoadsInItsOwnModuleLayerAndArchivesASignedDelivery() throws Exception {
        Path plugins = work.resolve("plugins");
        PluginFolders.copy(PluginFolders.jsonlArchive(), plugins.resolve("jsonl-archive"));
        Path archive = work.resolve("archive");
        Path config = writeConfig(
                "  archive: { type: jsonl-archive, options: { dir: '" + ChildServer.quoted(archive) + "' } }",
                "  - { from: least, events: [\"record.*\"], to: [archive] }");

        server = run(config, plugins);
        URI base = server.awaitReady();
        String loaded = server.awaitLine(line -> line.contains("Plugin jsonl-archive loaded"), "the plugin's load line");
        assertTrue(loaded.contains("Plugin jsonl-archive loaded (own module layer): handler type jsonl-archive"),
                () -> "the plugin's JARs are all modules and the host runs on the module path: " + loaded);

        byte[] body = "{\"event\":\"record.created\",\"record_id\":4711}".getBytes(StandardCharsets.UTF_8);
        String signature = LeastSigning.signature(ChildServer.SECRET, body);
        HttpResponse<String> response = http.send(LeastSigning.signedPost(base.resolve("/hooks/least"), body),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.transcript());

        String key = LeastSigning.deliveryKey(body);
        String line = awaitArchivedLine(archive, key);
        assertTrue(line.contains("\"endpoint\":\"least\"") && line.contains("\"type\":\"record.created\""), line);
        assertTrue(line.contains("\"record_id\":4711"), () -> "the raw body is archived: " + line);
        assertFalse(line.contains(signature.substring("sha256=".length())), () -> "the signature is masked: " + line);
        server.stop();
    }

    /**
     * The shipped kafka-publish folder, whose kafka-clients is no named module, in the real launch: its producer is
     * created and used inside the plugin's own class loader when the first event arrives. No broker listens, so the
     * attempt fails with the Kafka client's own metadata timeout, and is retried.
     */
    @Test
    void theKafkaPublishExampleLoadsInItsOwnClassLoaderAndRetriesWhileNoBrokerAnswers() throws Exception {
        Path plugins = work.resolve("plugins");
        PluginFolders.copy(PluginFolders.available("kafka-publish"), plugins.resolve("kafka-publish"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path config = writeConfig("  bus: { type: kafka-publish, options: { bootstrapServers: '127.0.0.1:" + closedPort
                        + "', topic: 'hookyard.{endpoint}.{type}', timeoutSeconds: 1 } }",
                "  - { from: least, to: [bus] }");

        server = run(config, plugins);
        URI base = server.awaitReady();
        String loaded = server.awaitLine(line -> line.contains("Plugin kafka-publish loaded"),
                "the plugin's load line");
        assertTrue(loaded.contains("Plugin kafka-publish loaded (own class loader): handler type kafka-publish"),
                () -> "kafka-clients is no named module: " + loaded);

        byte[] body = "{\"event\":\"record.created\",\"record_id\":4712}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(LeastSigning.signedPost(base.resolve("/hooks/least"), body),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.transcript());

        String failed = server.awaitLine(line -> line.contains("Handler bus did not complete delivery 1"),
                "the failed attempt");
        assertTrue(failed.contains("publishing to hookyard.least.record.created failed: TimeoutException: Topic"
                + " hookyard.least.record.created not present in metadata after 1000 ms"), failed);
        assertTrue(failed.contains("RetryAt"), () -> "a broker that does not answer means retry: " + failed);
        server.stop();
    }

    @Test
    void aModularPluginThatRequiresAHostOnlyModuleStopsStartupNamingThePlugin() throws Exception {
        Path lib = ChildServer.distributionHome().resolve("lib");
        Path plugins = work.resolve("plugins");
        Path jar = CompiledJar.builder()
                .source("needy.Plugin", """
                        package needy;

                        import dev.hookyard.spi.*;
                        import java.util.List;

                        public final class Plugin implements HookyardPlugin {
                            private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Plugin.class);

                            @Override
                            public List<HandlerFactory> handlers() {
                                LOG.info("asked for handlers");
                                return List.of();
                            }
                        }
                        """)
                .moduleInfo("""
                        module needy.plugin {
                            requires dev.hookyard.spi;
                            requires org.slf4j;
                            provides dev.hookyard.spi.HookyardPlugin with needy.Plugin;
                        }
                        """)
                .compileAgainst(jarIn(lib, "slf4j-api-"))
                .writeTo(plugins.resolve("needs-slf4j.jar"));
        Path config = writeConfig("  log: { type: log }", "  - { to: [log] }");

        server = run(config, plugins);

        assertEquals(2, server.awaitExit(), () -> "a plugin that cannot load is a configuration error (exit 2)\n"
                + server.transcript());
        String expected = "plugin " + jar + ": module needy.plugin reads host module org.slf4j";
        assertTrue(server.output().stream().anyMatch(l -> l.contains(expected)),
                () -> "no '" + expected + "'\n" + server.transcript());
        assertFalse(Files.exists(work.resolve("store")), "startup stopped before the store was opened");
    }

    private static String awaitArchivedLine(Path archive, String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(ChildServer.EVENT_TIMEOUT);
        while (true) {
            // Only complete lines: one being appended may be read half-written.
            Optional<String> line = archivedLines(archive).stream()
                    .filter(l -> l.contains(key) && l.endsWith("}")).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no archived line with delivery key " + key + " in " + archive + ": "
                        + archivedLines(archive));
            }
            Thread.sleep(25);
        }
    }

    private static List<String> archivedLines(Path archive) {
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archive)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jarIn(Path lib, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in " + lib));
        }
    }
}
