package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.testkit.CompiledJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookyard plugins} and the plugin part of {@code hookyard check}, with real plugin JARs in plugins/. */
class PluginsCommandTest {

    private static final String ARCHIVE_PLUGIN = """
            package acme;

            import dev.hookyard.spi.*;
            import java.util.List;

            public class ArchivePlugin implements HookyardPlugin {
                @Override
                public List<HandlerFactory> handlers() {
                    return List.of(new HandlerFactory() {
                        public String type() { return "acme-archive"; }
                        public String description() { return "Archives events"; }
                        public List<OptionSpec> options() {
                            return List.of(OptionSpec.required("directory", "where to write"),
                                    OptionSpec.optional("token", "an API token").asSecret());
                        }
                        public Handler create(HandlerContext context) {
                            return event -> Outcome.done();
                        }
                    });
                }
            }
            """;

    @TempDir
    Path home;

    private Path archiveJar() {
        return CompiledJar.builder().source("acme.ArchivePlugin", ARCHIVE_PLUGIN).hookyardPlugin("acme.ArchivePlugin")
                .writeTo(home.resolve("plugins/acme-archive.jar"));
    }

    @Test
    void eachPluginIsListedWithHowItWasLoadedWhatItContributesAndEveryOption() {
        archiveJar();

        CommandRun run = CommandRun.of(home, Map.of(), "plugins");

        assertEquals(0, run.status(), run.transcript());
        assertEquals("""
                plugins/acme-archive.jar (own class loader)
                  handler type acme-archive - Archives events
                    options:
                      directory  required  where to write
                      token      optional, secret  an API token

                1 plugin in %s: 1 loaded, 0 cannot be loaded
                """.formatted(home.resolve("plugins")), run.out());
    }

    @Test
    void aPluginThatCannotBeLoadedIsListedWithTheStartupMessageAndTheOthersStill() throws IOException {
        archiveJar();
        Files.createDirectories(home.resolve("plugins/empty-plugin"));

        CommandRun run = CommandRun.of(home, Map.of(), "plugins");

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.out().startsWith("plugins/acme-archive.jar (own class loader)\n"), run.transcript());
        assertTrue(run.out().contains("NOT LOADED: plugin " + home.resolve("plugins/empty-plugin")
                + ": folder holds no .jar file\n"), run.transcript());
        assertTrue(run.out().endsWith("2 plugins in " + home.resolve("plugins") + ": 1 loaded, 1 cannot be loaded\n"),
                run.transcript());
    }

    @Test
    void checkWarnsOfAPluginThatStartupWouldSkip() throws IOException {
        archiveJar();
        Files.createDirectories(home.resolve("plugins/empty-plugin"));
        Path file = home.resolve("conf/hookyard.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                plugins: { onError: skip }
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers:
                  archive: { type: acme-archive, options: { directory: out } }
                """);

        CommandRun run = CommandRun.of(home, Map.of("LEAST_SECRET", "least-secret"), "check");

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("  handler archive: type acme-archive (from plugins/acme-archive.jar)\n"),
                run.transcript());
        assertTrue(run.out().contains("warning: PLUGIN SKIPPED, the server starts without it (plugins.onError: skip):"
                + " plugin " + home.resolve("plugins/empty-plugin") + ": folder holds no .jar file\n"),
                run.transcript());
    }
}
