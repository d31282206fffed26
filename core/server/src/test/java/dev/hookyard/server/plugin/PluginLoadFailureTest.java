package dev.hookyard.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.testkit.CompiledJar;
import dev.hookyard.vendor.least.LeastPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that cannot be loaded stops startup with a message naming its file and the cause, or, with
 * {@code plugins.onError: skip}, is left out while the rest load.
 */
class PluginLoadFailureTest {

    @TempDir
    static Path built;

    private static Path good;
    private static Path noProvider;
    private static Path throwingConstructor;
    private static Path throwingHandlers;
    private static Path throwingCreate;

    @TempDir
    Path plugins;

    @TempDir
    Path home;

    @BeforeAll
    static void buildJars() {
        good = CompiledJar.builder()
                .source("good.Plugin", TestPluginSources.handlerPlugin("good", "good", "",
                        "return Outcome.done();"))
                .hookyardPlugin("good.Plugin")
                .writeTo(built.resolve("good.jar"));
        noProvider = CompiledJar.builder()
                .source("none.Plugin", TestPluginSources.handlerPlugin("none", "none", "",
                        "return Outcome.done();"))
                .writeTo(built.resolve("none.jar"));
        throwingConstructor = CompiledJar.builder()
                .source("refuser.Plugin", """
                        package refuser;

                        import dev.hookyard.spi.*;
                        import java.util.List;

                        public final class Plugin implements HookyardPlugin {
                            public Plugin() {
                                throw new IllegalStateException("refuser cannot start: no licence file");
                            }

                            @Override
                            public List<HandlerFactory> handlers() {
                                return List.of();
                            }
                        }
                        """)
                .hookyardPlugin("refuser.Plugin")
                .writeTo(built.resolve("refuser.jar"));
        throwingHandlers = CompiledJar.builder()
                .source("sulky.Plugin", """
                        package sulky;

                        import dev.hookyard.spi.*;
                        import java.util.List;

                        public final class Plugin implements HookyardPlugin {
                            @Override
                            public List<HandlerFactory> handlers() {
                                throw new UnsupportedOperationException("sulky has no handlers today");
                            }
                        }
                        """)
                .hookyardPlugin("sulky.Plugin")
                .writeTo(built.resolve("sulky.jar"));
        throwingCreate = CompiledJar.builder()
                .source("fragile.Plugin", TestPluginSources.handlerPlugin("fragile", "fragile", "",
                        "return Outcome.done();").replace("return event -> {",
                        "if (true) { throw new IllegalStateException(\"fragile: sk_live_SECRET\"); }\n"
                                + "return event -> {"))
                .hookyardPlugin("fragile.Plugin")
                .writeTo(built.resolve("fragile.jar"));
    }

    private PluginLoadException failsToLoad() {
        return assertThrows(PluginLoadException.class, () -> InstalledPlugins.discover(plugins).close());
    }

    private static void assertNames(PluginLoadException e, Path file, String... parts) {
        String message = e.getMessage();
        assertTrue(message.startsWith("plugin " + file + ": "), message);
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing from: " + message);
        }
        assertEquals(file, e.source());
    }

    @Test
    void aCorruptJarIsNamedWithTheCause() throws IOException {
        Path corrupt = Files.writeString(plugins.resolve("corrupt.jar"), "this is not a zip file");

        assertNames(failsToLoad(), corrupt, "is not a readable JAR file", "java.util.zip.ZipException");
    }

    @Test
    void aJarWithoutAProviderIsNamed() throws IOException {
        Path none = Files.copy(noProvider, plugins.resolve("none.jar"));

        assertNames(failsToLoad(), none, "provides no dev.hookyard.spi.HookyardPlugin",
                "META-INF/services/dev.hookyard.spi.HookyardPlugin");
    }

    @Test
    void anEntryPointWhoseConstructorThrowsIsNamedWithTheCause() throws IOException {
        Path refuser = Files.copy(throwingConstructor, plugins.resolve("refuser.jar"));

        assertNames(failsToLoad(), refuser, "its entry point refuser.Plugin could not be created",
                "java.lang.IllegalStateException: refuser cannot start: no licence file");
    }

    @Test
    void anEntryPointThatThrowsWhenAskedForItsFactoriesIsNamedWithTheCause() throws IOException {
        Path sulky = Files.copy(throwingHandlers, plugins.resolve("sulky.jar"));

        assertNames(failsToLoad(), sulky, "its plugin entry point failed",
                "java.lang.UnsupportedOperationException: sulky has no handlers today");
    }

    @Test
    void aServicesFileNamingAMissingClassIsNamedWithTheCause() throws IOException {
        Path typo = CompiledJar.builder()
                .source("typo.Plugin", TestPluginSources.handlerPlugin("typo", "typo", "", "return Outcome.done();"))
                .hookyardPlugin("typo.Plugn")
                .writeTo(plugins.resolve("typo.jar"));

        assertNames(failsToLoad(), typo, "names a class that cannot be used", "typo.Plugn not found");
    }

    @Test
    void aFolderWithoutJarsIsNamed() throws IOException {
        Path empty = Files.createDirectories(plugins.resolve("empty-folder"));
        Files.writeString(empty.resolve("notes.txt"), "no JAR here");

        assertNames(failsToLoad(), empty, "folder holds no .jar file");
    }

    @Test
    void aFactoryThatThrowsStopsStartupNamingThePluginAndTheExceptionButNotItsMessage() throws Exception {
        Files.copy(throwingCreate, plugins.resolve("fragile.jar"));
        InstalledPlugins installed = InstalledPlugins.discover(plugins);
        try {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Hookyard.start(
                    TestServer.load(home, TestServer.serverSection() + """
                            endpoints: { least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] } }
                            handlers: { f: { type: fragile } }
                            routes: [ { to: [f] } ]
                            """), installed, Clock.systemUTC()).close());

            assertTrue(e.getMessage().contains("handlers.f: handler type fragile (from plugins/fragile.jar) failed"
                    + " to start (java.lang.IllegalStateException)"), e.getMessage());
            assertTrue(!e.getMessage().contains("sk_live_SECRET"), "a plugin's exception message may hold a secret");
            assertTrue(Files.notExists(home.resolve("data/hookyard.db")), "the store was not opened");
        } finally {
            installed.close();
        }
    }

    @Test
    void withSkipABrokenPluginIsLeftOutAndTheOthersLoad() throws Exception {
        Files.writeString(plugins.resolve("corrupt.jar"), "this is not a zip file", StandardCharsets.UTF_8);
        Files.copy(throwingConstructor, plugins.resolve("refuser.jar"));
        Files.copy(good, plugins.resolve("zz-good.jar"));

        try (InstalledPlugins installed = InstalledPlugins.discover(plugins, PluginFailurePolicy.SKIP)) {
            assertTrue(installed.handler("good").isPresent(), installed.handlerTypes().toString());
            assertEquals(1, installed.loaded().size());
            List<RuntimeException> skipped = installed.skipped();
            assertEquals(2, skipped.size(), skipped.toString());
            assertTrue(skipped.get(0).getMessage().contains("corrupt.jar"), skipped.get(0).getMessage());
            assertTrue(skipped.get(1).getMessage().contains("refuser.jar: its entry point refuser.Plugin"),
                    skipped.get(1).getMessage());
        }
    }

    @Test
    void withSkipAConfigurationNamingWhatASkippedPluginWouldProvideStillFails() throws Exception {
        // sulky never loads (its entry point throws), so the type the configuration names does not exist.
        Files.copy(throwingHandlers, plugins.resolve("sulky.jar"));
        Files.copy(good, plugins.resolve("good.jar"));
        var config = TestServer.load(home, TestServer.serverSection() + """
                endpoints: { least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] } }
                plugins: { directory: %s, onError: skip }
                handlers: { s: { type: sulky } }
                routes: [ { to: [s] } ]
                """.formatted("'" + plugins + "'"));
        assertEquals(plugins, config.plugins().directory());
        assertEquals(PluginFailurePolicy.SKIP, config.plugins().onError());

        try (InstalledPlugins installed = InstalledPlugins.of(List.of(new BuiltinPlugin(), new LeastPlugin()),
                config.plugins().directory(), config.plugins().onError())) {
            assertEquals(1, installed.skipped().size());
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> Hookyard.start(config, installed, Clock.systemUTC()).close());
            assertTrue(e.getMessage().contains("handlers.s.type: unknown handler type 'sulky'"), e.getMessage());
        }
    }

    @Test
    void twoPluginsContributingOneHandlerTypeFailOrTheSecondIsSkipped() throws IOException {
        Files.copy(good, plugins.resolve("a-good.jar"));
        Files.copy(good, plugins.resolve("b-good-again.jar"));

        PluginConflictException conflict = assertThrows(PluginConflictException.class,
                () -> InstalledPlugins.discover(plugins).close());
        assertEquals("handler type 'good' is provided by both plugins/a-good.jar and plugins/b-good-again.jar",
                conflict.getMessage());

        try (InstalledPlugins installed = InstalledPlugins.discover(plugins, PluginFailurePolicy.SKIP)) {
            assertEquals(List.of("a-good.jar"), installed.loaded().stream().map(p -> p.source().name()).toList());
            assertEquals(1, installed.skipped().size());
        }
    }
}
