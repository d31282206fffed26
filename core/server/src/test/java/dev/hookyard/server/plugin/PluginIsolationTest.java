package dev.hookyard.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.CompiledJar;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins built as real JARs during the test and loaded from a plugins directory, each in its own class loader (the
 * server tests run on the class path): they bring their own library versions, see only the SPI and the vendors'
 * event records of the host, and load whatever their file names.
 */
class PluginIsolationTest {

    /** The Jackson the server itself uses; plugins must not see it. */
    private static final String HOST_JACKSON = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();

    /** Built once for the class: compiling is the slow part. */
    @TempDir
    static Path built;

    private static Path jacksonPlugin;
    private static Path greeting1;
    private static Path greeting2;
    private static Path greeterV1;
    private static Path greeterV2;
    private static Path modularOnly;
    private static Path plain;

    @TempDir
    Path plugins;

    private InstalledPlugins installed;

    @BeforeAll
    static void buildJars() {
        Path libs = Path.of(System.getProperty("hookyard.test.pluginLibs", "target/test-plugin-libs"));
        jacksonPlugin = CompiledJar.builder()
                .source("oldjackson.Plugin", TestPluginSources.handlerPlugin("oldjackson", "old-jackson", """
                        import com.fasterxml.jackson.databind.ObjectMapper;
                        import com.fasterxml.jackson.databind.cfg.PackageVersion;
                        """, """
                        long id = new ObjectMapper().readTree(event.delivery().body()).get("record_id").asLong();
                        return Outcome.drop("jackson " + PackageVersion.VERSION + " read record_id " + id);
                        """))
                .compileAgainst(jacksonJars(libs).toArray(Path[]::new))
                .hookyardPlugin("oldjackson.Plugin")
                .writeTo(built.resolve("old-jackson.jar"));
        greeting1 = CompiledJar.builder().source("greeting.Greeting", TestPluginSources.greetingLibrary(1))
                .writeTo(built.resolve("v1/greeting.jar"));
        greeting2 = CompiledJar.builder().source("greeting.Greeting", TestPluginSources.greetingLibrary(2))
                .writeTo(built.resolve("v2/greeting.jar"));
        greeterV1 = CompiledJar.builder()
                .source("greeter1.Plugin", TestPluginSources.handlerPlugin("greeter1", "greeter-1",
                        "import greeting.Greeting;", "return Outcome.drop(Greeting.text());"))
                .compileAgainst(greeting1)
                .hookyardPlugin("greeter1.Plugin")
                .writeTo(built.resolve("greeter-1.jar"));
        greeterV2 = CompiledJar.builder()
                .source("greeter2.Plugin", TestPluginSources.handlerPlugin("greeter2", "greeter-2",
                        "import greeting.Greeting;", "return Outcome.drop(Greeting.text(\"two\"));"))
                .compileAgainst(greeting2)
                .hookyardPlugin("greeter2.Plugin")
                .writeTo(built.resolve("greeter-2.jar"));
        plain = CompiledJar.builder()
                .source("plain.Plugin", TestPluginSources.handlerPlugin("plain", "plain", "",
                        "return Outcome.drop(\"plain\");"))
                .hookyardPlugin("plain.Plugin")
                .writeTo(built.resolve("plain.jar"));
        modularOnly = CompiledJar.builder()
                .source("modular.Plugin", TestPluginSources.handlerPlugin("modular", "modular", "",
                        "return Outcome.drop(\"modular\");"))
                .moduleInfo("""
                        module acme.modular {
                            requires dev.hookyard.spi;
                            provides dev.hookyard.spi.HookyardPlugin with modular.Plugin;
                        }
                        """)
                .writeTo(built.resolve("modular.jar"));
    }

    private static List<Path> jacksonJars(Path libs) {
        try (Stream<Path> files = Files.list(libs)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().startsWith("jackson-")).sorted().toList();
            assertEquals(3, jars.size(), () -> "jackson-databind, -core and -annotations in " + libs + ": " + jars);
            return jars;
        } catch (IOException e) {
            throw new AssertionError("no " + libs + ": the build copies an older Jackson there", e);
        }
    }

    @AfterEach
    void closePlugins() {
        if (installed != null) {
            installed.close();
        }
    }

    private InstalledPlugins discover() {
        installed = InstalledPlugins.discover(plugins);
        return installed;
    }

    private static Path copy(Path jar, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(jar, target);
    }

    /** Creates the handler the way the assembler does, and calls it once with a LEAST record.created. */
    private static String call(InstalledPlugins installed, String type) throws Exception {
        HandlerFactory factory = installed.handler(type).orElseThrow(
                () -> new AssertionError("no handler type " + type + " in " + installed.handlerTypes()));
        HandlerContext context = new HandlerContext("h", Options.of(java.util.Map.of()), Clock.systemUTC(),
                System.getLogger("test"), Path.of("."));
        try (Handler handler = ContextClassLoader.callAs(factory, () -> factory.create(context))) {
            WebhookEvent event = new GenericEvent("least", "record.created", "k",
                    LeastFixtures.recordCreated("least", 42));
            Outcome outcome = ContextClassLoader.callAs(handler, () -> handler.handle(event));
            return assertInstanceOf(Outcome.Drop.class, outcome).reason();
        }
    }

    @Test
    void aPluginBundlingAnOlderJacksonUsesItsOwnWhileTheHostKeepsItsVersion() throws Exception {
        Path folder = plugins.resolve("old-jackson");
        copy(jacksonPlugin, folder.resolve("old-jackson.jar"));
        Path libs = Path.of(System.getProperty("hookyard.test.pluginLibs", "target/test-plugin-libs"));
        for (Path jar : jacksonJars(libs)) {
            copy(jar, folder.resolve(jar.getFileName()));
        }
        String pluginJackson = System.getProperty("hookyard.test.pluginJackson", "2.17.2");
        assertFalse(pluginJackson.equals(HOST_JACKSON), "the test needs a plugin Jackson other than the host's");

        String reason = call(discover(), "old-jackson");

        assertEquals("jackson " + pluginJackson + " read record_id 42", reason);
        assertEquals(HOST_JACKSON, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(),
                "the host still has its own Jackson");
        assertTrue(HOST_JACKSON.startsWith("2.22."), HOST_JACKSON);
    }

    @Test
    void twoPluginsBundlingIncompatibleVersionsOfOneLibraryEachUseTheirOwn() throws Exception {
        copy(greeterV1, plugins.resolve("greeter-1/greeter.jar"));
        copy(greeting1, plugins.resolve("greeter-1/greeting.jar"));
        copy(greeterV2, plugins.resolve("greeter-2/greeter.jar"));
        copy(greeting2, plugins.resolve("greeter-2/greeting.jar"));

        InstalledPlugins installed = discover();

        assertEquals("hello from greeting 1", call(installed, "greeter-1"));
        assertEquals("hello two from greeting 2", call(installed, "greeter-2"));
        List<LoadedPlugin> loaded = installed.loaded();
        assertEquals(2, loaded.size());
        assertNotSame(loaded.get(0).loader(), loaded.get(1).loader());
    }

    @Test
    void aFolderOfJarsIsOnePluginWhoseJarsSeeEachOther() throws Exception {
        copy(greeterV1, plugins.resolve("greeter/a-plugin.jar"));
        copy(greeting1, plugins.resolve("greeter/z-library.jar"));
        Files.writeString(plugins.resolve("greeter/README.txt"), "not a JAR: ignored");

        InstalledPlugins installed = discover();

        assertEquals(1, installed.loaded().size());
        LoadedPlugin plugin = installed.loaded().get(0);
        assertEquals("greeter", plugin.source().name());
        assertEquals(2, plugin.source().jars().size(), plugin.source().toString());
        assertFalse(plugin.moduleLayer(), "on the class path a plugin gets a class loader");
        assertEquals("hello from greeting 1", call(installed, "greeter-1"));
        assertEquals("plugins/greeter", installed.originOf(installed.handler("greeter-1").orElseThrow()));
    }

    @Test
    void aPlainJarWhoseFileNameIsNoValidModuleNameStillLoads() throws Exception {
        Path weird = copy(plain, plugins.resolve("1-weird plugin!.jar"));
        assertThrows(FindException.class, () -> ModuleFinder.of(weird).findAll(),
                "the file name really makes no automatic module name");

        InstalledPlugins installed = discover();

        assertEquals("plain", call(installed, "plain"));
        assertEquals("1-weird plugin!.jar", installed.loaded().get(0).source().name());
    }

    @Test
    void aModularJarDeclaringItsEntryPointOnlyInModuleInfoLoadsOnTheClassPathToo() throws Exception {
        copy(modularOnly, plugins.resolve("modular.jar"));

        InstalledPlugins installed = discover();

        assertEquals("handler type modular", installed.loaded().get(0).describe());
        assertEquals("modular", call(installed, "modular"));
    }

    @Test
    void theEntryPointIsAskedForItsFactoriesOnce() throws Exception {
        CompiledJar.builder()
                .source("once.Plugin", """
                        package once;

                        import dev.hookyard.spi.*;
                        import java.util.List;

                        public final class Plugin implements HookyardPlugin {
                            private int calls;

                            @Override
                            public List<HandlerFactory> handlers() {
                                if (++calls > 1) {
                                    throw new IllegalStateException("handlers() called " + calls + " times");
                                }
                                return List.of(new HandlerFactory() {
                                    public String type() { return "once"; }
                                    public String description() { return "asked once"; }
                                    public Handler create(HandlerContext context) {
                                        return event -> Outcome.drop("once");
                                    }
                                });
                            }
                        }
                        """)
                .hookyardPlugin("once.Plugin")
                .writeTo(plugins.resolve("once.jar"));

        InstalledPlugins installed = discover();

        assertEquals("once", call(installed, "once"));
    }
}
