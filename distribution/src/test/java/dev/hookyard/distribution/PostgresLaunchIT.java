package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hookyard.server.testing.PostgresCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/hookyard run} on the module path with {@code store.type: postgres}, against a real PostgreSQL:
 * pgjdbc, HikariCP and Flyway (with its PostgreSQL support, found by ServiceLoader) must resolve as modules, and the
 * migrations must be readable from the server's module. Then a command in a second process works on the same
 * database.
 */
class PostgresLaunchIT {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    private static final String BODY = "{\"event\":\"record.created\",\"record_id\":42}";

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
    void aNodeOnPostgresqlMigratesStoresAndHandlesAndTheCommandsReadTheSameDatabase() throws Exception {
        PostgresCluster.Database db = CLUSTER.createDatabase();
        Path launcher = ChildServer.distributionHome().resolve("bin/hookyard");
        Path config = Files.writeString(work.resolve("hookyard.yaml"), String.join("\n",
                "server: { host: 127.0.0.1, port: 0 }",
                "management: { host: 127.0.0.1, port: 0 }",
                PostgresStoreYaml.section(db, "launched"),
                "endpoints:",
                "  least: { vendor: least, path: /hooks/least, secrets: [\"${env:LEAST_SECRET}\"] }",
                "handlers:",
                "  log: { type: log }",
                "routes:",
                "  - { to: [log] }",
                ""));
        Map<String, String> env = PostgresStoreYaml.environment(db);

        server = ChildServer.start(launcher, work, env, "run", "--config", config.toString());
        URI base = server.awaitReady();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(LeastSigning.signedPost(base.resolve("/hooks/least"), body),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body() + "\n" + server.transcript());
        server.awaitLine(line -> line.contains("hookyard.handler.log") && line.contains(" type=record.created "),
                "the log handler's line for record.created");
        assertFalse(String.join("\n", server.output()).contains(db.password()), "the password was logged");
        // The pool's meters: HikariCP reaches Micrometer through its optional (static) module dependency.
        Matcher management = MANAGEMENT.matcher(server.awaitLine(l -> MANAGEMENT.matcher(l).find(),
                "the management API's address"));
        assertTrue(management.find());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + management.group(1) + "/metrics")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("hikaricp_connections_max{pool=\"hookyard-db\"} 10"), metrics.body());
        assertTrue(metrics.body().contains("hookyard_claims "), metrics.body());

        List<String> listed = run(launcher, env, "deliveries", "list", "--json", "--config", config.toString());
        assertTrue(String.join("\n", listed).contains("\"status\" : \"done\"")
                || String.join("\n", listed).contains("\"status\":\"done\""), String.join("\n", listed));
        assertEquals("1", CLUSTER.psql(db.name(), "SELECT version FROM launched.flyway_schema_history"
                + " WHERE success"));

        server.stop();
    }

    @Test
    void storeCopyMovesWhatANodeStoredInItsEmbeddedStoreIntoPostgresql() throws Exception {
        PostgresCluster.Database db = CLUSTER.createDatabase();
        Path launcher = ChildServer.distributionHome().resolve("bin/hookyard");
        Path embedded = work.resolve("embedded");
        Path embeddedConfig = ChildServer.writeConfig(work, embedded, null, "  log: { type: log }",
                "  - { to: [log] }");
        server = ChildServer.start(launcher, embeddedConfig, work);
        URI base = server.awaitReady();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(LeastSigning.signedPost(base.resolve("/hooks/least"), body),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body() + "\n" + server.transcript());
        server.awaitLine(line -> line.contains("hookyard.handler.log") && line.contains(" type=record.created "),
                "the log handler's line for record.created");
        server.stop();
        Path config = Files.writeString(work.resolve("postgres.yaml"), String.join("\n",
                PostgresStoreYaml.section(db, "copied"),
                "endpoints:",
                "  least: { vendor: least, path: /hooks/least, secrets: [\"${env:LEAST_SECRET}\"] }",
                ""));
        Map<String, String> env = PostgresStoreYaml.environment(db);

        List<String> copied = run(launcher, env, "store", "copy", "--to", "postgres", "--from", embedded.toString(),
                "--config", config.toString());

        assertTrue(copied.get(0).startsWith("Copied 1 deliveries with 1 handler runs (0 pending)"),
                String.join("\n", copied));
        assertEquals(LeastSigning.deliveryKey(body) + "|done", CLUSTER.psql(db.name(),
                "SELECT delivery_key, status FROM copied.deliveries"));
    }

    /** {@code bin/hookyard ARGS} in a process of its own; its output lines (it must exit 0). */
    private List<String> run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx128m");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/hookyard " + String.join(" ", args) + " did not finish");
        }
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }
}
