package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookyard check}, run in-process on configuration files in a temporary home. */
class CheckCommandTest {

    private static final Map<String, String> ENV = Map.of("LEAST_SECRET", "least-secret",
            "ABSORB_SECRET", "absorb-secret");

    @TempDir
    Path home;

    private CommandRun check(String yaml) throws IOException {
        Path file = home.resolve("conf/hookyard.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Files.createDirectories(home.resolve("plugins"));
        return CommandRun.of(home, ENV, "check");
    }

    @Test
    void aValidConfigurationIsOkAndNeitherStoreNorArchiveIsOpened() throws IOException {
        CommandRun run = check("""
                server: { host: 127.0.0.1, port: 8080 }
                store: { path: data }
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], options: { channel: any } }
                  absorb: { vendor: absorb, secrets: ["${env:ABSORB_SECRET}"] }
                handlers:
                  log: { type: log }
                routes:
                  - { from: least, events: ["record.*"], to: [log] }
                  - { from: "*", to: [log] }
                """);

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().startsWith("OK: 2 endpoints, 1 handler, 2 routes"), run.transcript());
        assertTrue(run.out().contains("endpoint least: POST /hooks/least (vendor least)"), run.transcript());
        assertTrue(run.out().contains("handler log: type log (from the server's lib/)"), run.transcript());
        assertFalse(run.out().contains("warning"), run.transcript());
        assertEquals("", run.err(), run.transcript());
        assertFalse(Files.exists(home.resolve("data")), "check must not create or open the store");
    }

    @Test
    void aMistypedVendorIsNamedWithTheClosestVendorAndTheFix() throws IOException {
        CommandRun run = check("""
                endpoints:
                  least: { vendor: lesat, secrets: ["${env:LEAST_SECRET}"] }
                """);

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("1 problem in " + home.resolve("conf/hookyard.yaml")), run.transcript());
        assertTrue(run.err().contains("  endpoints.least.vendor\n"), run.transcript());
        assertTrue(run.err().contains("problem: unknown vendor 'lesat' (did you mean 'least'?)"), run.transcript());
        assertTrue(run.err().contains("fix:     use one of ") && run.err().contains("absorb")
                && run.err().contains("or drop the vendor's module into plugins/"), run.transcript());
        assertEquals("", run.out(), run.transcript());
    }

    @Test
    void aSecretReferenceToAnUnsetVariableSaysWhichVariableToExport() throws IOException {
        CommandRun run = check("""
                endpoints:
                  falkor: { vendor: falkor, secrets: ["${env:FALKOR_SECRET}"] }
                """);

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("  endpoints.falkor.secrets[0]\n"), run.transcript());
        assertTrue(run.err().contains("problem: environment variable FALKOR_SECRET is not set"), run.transcript());
        assertTrue(run.err().contains("fix:     export FALKOR_SECRET=<value> before starting Hookyard"),
                run.transcript());
    }

    @Test
    void aRouteToAnUndeclaredHandlerAndAnUnknownHandlerTypeAreBothReported() throws IOException {
        CommandRun run = check("""
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  archive: { type: jsonl-archiv, options: { dir: data/archive } }
                routes:
                  - { from: "*", to: [archiv] }
                """);

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("2 problems"), run.transcript());
        assertTrue(run.err().contains("  handlers.archive.type\n    problem: unknown handler type 'jsonl-archiv'"),
                run.transcript());
        assertTrue(run.err().contains("or drop the plugin providing it into plugins/"), run.transcript());
        assertTrue(run.err().contains("  routes[0].to[0]\n    problem: unknown handler 'archiv' (did you mean"
                + " 'archive'?)"), run.transcript());
        assertTrue(run.err().contains("fix:     use one of archive, or declare it under handlers:"),
                run.transcript());
    }

    @Test
    void anEventTypeNoRoutedVendorSendsIsAnErrorAndAGlobThatMatchesNoneAWarning() throws IOException {
        CommandRun literal = check("""
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  log: { type: log }
                routes:
                  - { from: least, events: ["record.creatd"], to: [log] }
                """);
        assertEquals(2, literal.status(), literal.transcript());
        assertTrue(literal.err().contains("  routes[0].events\n    problem: no vendor this route takes events from"
                + " (least) sends event type 'record.creatd' (did you mean 'record.created'?)"), literal.transcript());

        CommandRun glob = check("""
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  log: { type: log }
                routes:
                  - { from: least, events: ["recrod.*"], to: [log] }
                  - { from: "absorb*", to: [log] }
                """);
        assertEquals(0, glob.status(), glob.transcript());
        assertTrue(glob.out().contains("warning: routes[0].events[0]: 'recrod.*' matches no event type of least"
                + " (run 'hookyard vendors' to list them)"), glob.transcript());
        assertTrue(glob.out().contains("warning: routes[1] matches no configured endpoint: it never selects a"
                + " handler"), glob.transcript());
    }

    @Test
    void thePluginsDirectoryOfTheConfigurationIsUsedUnlessPluginsIsGiven() throws IOException {
        Files.createDirectories(home.resolve("elsewhere/broken-plugin"));
        String yaml = """
                plugins: { directory: elsewhere }
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                """;
        CommandRun configured = check(yaml);
        assertEquals(2, configured.status(), configured.transcript());
        assertTrue(configured.err().contains(home.resolve("elsewhere/broken-plugin").toString()),
                configured.transcript());

        CommandRun overridden = CommandRun.of(home, ENV, "check", "--plugins", "plugins");
        assertEquals(0, overridden.status(), overridden.transcript());
    }

    @Test
    void aStorePathThatIsAFileIsReported() throws IOException {
        Files.writeString(home.resolve("data"), "not a directory");
        CommandRun run = check("""
                store: { path: data }
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                """);

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("  store.path\n    problem: " + home.resolve("data") + " is not a directory"),
                run.transcript());
    }

    @Test
    void aMissingFileOrABrokenPluginStopsTheCheck() throws IOException {
        CommandRun missing = CommandRun.of(home, ENV, "check", "--config", "elsewhere.yaml");
        assertEquals(2, missing.status(), missing.transcript());
        assertTrue(missing.err().contains("(file)\n    problem: does not exist"), missing.transcript());

        Files.createDirectories(home.resolve("plugins/empty-plugin"));
        CommandRun broken = check("""
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                """);
        assertEquals(2, broken.status(), broken.transcript());
        assertTrue(broken.err().contains("hookyard check: plugin " + home.resolve("plugins/empty-plugin")
                + ": folder holds no .jar file"), broken.transcript());
    }

    @Test
    void helpDescribesTheCommandAndItsExitCodes() {
        CommandRun run = CommandRun.of(home, ENV, "check", "--help");

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("Usage: hookyard check"), run.transcript());
        assertTrue(run.out().contains("--plugins=DIR"), run.transcript());
        assertTrue(run.out().contains("2   the configuration or a plugin is invalid"), run.transcript());
    }
}
