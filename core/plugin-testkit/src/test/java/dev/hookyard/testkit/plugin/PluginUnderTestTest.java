package dev.hookyard.testkit.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.CompiledJar;
import dev.hookyard.vendor.least.LeastPlugin;
import dev.hookyard.vendor.least.events.RecordCreated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness with real plugin JARs: loaded by the server's loader, configured by its checks, fed typed events. */
class PluginUnderTestTest {

    private static final SampleEvents LEAST = SampleEvents.of(new LeastPlugin().vendors().get(0), "least-secret");

    @TempDir
    Path built;

    @TempDir
    Path home;

    @Test
    void aPluginJarIsLoadedInIsolationAndItsHandlerGetsTheVendorsTypedEvent() throws Exception {
        try (PluginUnderTest plugin = PluginUnderTest.load(TestPlugins.answerJar(built));
             HandlerUnderTest handler = plugin.handler("answer", Map.of("answer", "drop"), home)) {
            assertEquals(List.of("answer"), plugin.handlerTypes());
            assertFalse(plugin.inModuleLayer(), "tests run on the class path: the server's class loader path");
            assertNotSame(getClass().getClassLoader(), plugin.classLoader());

            WebhookEvent event = LEAST.event("record.created");
            assertInstanceOf(RecordCreated.class, event);
            Outcome outcome = handler.handle(event);

            // The plugin saw the host's own event class (shared with plugins), under its own context class loader.
            assertEquals(Outcome.drop(RecordCreated.class.getName() + " " + event.deliveryKey()
                    + " own-context-loader=true"), outcome);
        }
    }

    @Test
    void aPluginFolderWithItsLibrariesIsOnePlugin() throws Exception {
        Path folder = Files.createDirectories(built.resolve("answer-folder"));
        TestPlugins.answerJar(folder);
        CompiledJar.builder().source("lib.Unused", "package lib; public class Unused {}")
                .writeTo(folder.resolve("library.jar"));
        try (PluginUnderTest plugin = PluginUnderTest.load(folder);
             HandlerUnderTest handler = plugin.handler("answer", Map.of("answer", "done"), home)) {
            assertEquals(Outcome.done(), handler.handle(LEAST.event("record.archived")));
        }
    }

    @Test
    void aJarWithoutItsServicesEntryIsRefusedWithTheServersMessage() {
        Path jar = CompiledJar.builder().source("acme.AnswerPlugin", TestPlugins.ANSWER_PLUGIN)
                .writeTo(built.resolve("answer.jar"));

        AssertionError refused = assertThrows(AssertionError.class, () -> PluginUnderTest.load(jar));

        assertEquals("the server would refuse this plugin: plugin " + jar + ": provides no"
                + " dev.hookyard.spi.HookyardPlugin (declare it in META-INF/services/dev.hookyard.spi.HookyardPlugin,"
                + " or with 'provides dev.hookyard.spi.HookyardPlugin with ...' in the module-info of a modular JAR)",
                refused.getMessage());
    }

    @Test
    void aServicesEntryNamingAClassTheJarLacksIsRefused() {
        Path jar = CompiledJar.builder().source("acme.AnswerPlugin", TestPlugins.ANSWER_PLUGIN)
                .hookyardPlugin("acme.AnswerPlugn").writeTo(built.resolve("typo.jar"));

        AssertionError refused = assertThrows(AssertionError.class, () -> PluginUnderTest.load(jar));

        assertTrue(refused.getMessage().startsWith("the server would refuse this plugin: plugin " + jar
                + ": its META-INF/services/dev.hookyard.spi.HookyardPlugin names a class that cannot be used"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("acme.AnswerPlugn"), refused.getMessage());
    }

    @Test
    void aModularJarWhoseProvidesNamesAnEntryPointThatCannotBeCreatedIsRefused() {
        Path jar = CompiledJar.builder().source("acme.EagerPlugin", TestPlugins.FAILING_CONSTRUCTOR_PLUGIN)
                .moduleInfo("module acme.eager { requires dev.hookyard.spi;"
                        + " provides dev.hookyard.spi.HookyardPlugin with acme.EagerPlugin; }")
                .writeTo(built.resolve("eager.jar"));

        AssertionError refused = assertThrows(AssertionError.class, () -> PluginUnderTest.load(jar));

        assertEquals("the server would refuse this plugin: plugin " + jar + ": its entry point acme.EagerPlugin"
                + " could not be created (java.lang.IllegalStateException: connecting at construction)",
                refused.getMessage());
    }

    @Test
    void aModularJarDeclaringItsEntryPointOnlyInMetaInfServicesIsRefusedAsTheDistributionWould() {
        Path jar = CompiledJar.builder().source("acme.AnswerPlugin", TestPlugins.ANSWER_PLUGIN)
                .moduleInfo("module acme.answer { requires dev.hookyard.spi; }")
                .hookyardPlugin("acme.AnswerPlugin").writeTo(built.resolve("answer-modular.jar"));

        AssertionError refused = assertThrows(AssertionError.class, () -> PluginUnderTest.load(jar));

        assertEquals("the distribution's server would refuse this plugin: plugin " + jar + " is made of named"
                + " modules, which that server (on the module path) loads in a module layer, where META-INF/services"
                + " is not read: declare 'provides dev.hookyard.spi.HookyardPlugin with ...' in its module-info",
                refused.getMessage());
    }

    @Test
    void aModularJarWithProvidesIsLoadedFromItsModuleInfo() throws Exception {
        Path jar = CompiledJar.builder().source("acme.AnswerPlugin", TestPlugins.ANSWER_PLUGIN)
                .moduleInfo("module acme.answer { requires dev.hookyard.spi;"
                        + " provides dev.hookyard.spi.HookyardPlugin with acme.AnswerPlugin; }")
                .writeTo(built.resolve("answer-modular.jar"));
        try (PluginUnderTest plugin = PluginUnderTest.load(jar);
             HandlerUnderTest handler = plugin.handler("answer", Map.of("answer", "done"), home)) {
            assertEquals(Outcome.done(), handler.handle(LEAST.event("record.created")));
        }
    }

    @Test
    void aLibraryTheTestClassPathHasButThePluginDoesNotBundleFailsAsInTheServer() {
        assertTrue(new ObjectMapper().canSerialize(String.class), "Jackson is on this test's class path");
        Path jar = CompiledJar.builder().source("acme.JacksonPlugin", TestPlugins.JACKSON_PLUGIN)
                .compileAgainst(CompiledJar.locationOf(ObjectMapper.class))
                .hookyardPlugin("acme.JacksonPlugin").writeTo(built.resolve("jackson-unbundled.jar"));

        AssertionError refused = assertThrows(AssertionError.class, () -> PluginUnderTest.load(jar));

        assertTrue(refused.getMessage().contains("its entry point acme.JacksonPlugin could not be created"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("com/fasterxml/jackson/databind/ObjectMapper")
                || refused.getMessage().contains("com.fasterxml.jackson.databind.ObjectMapper"), refused.getMessage());
    }

    @Test
    void optionsAreCheckedAsTheServerChecksThem() {
        try (PluginUnderTest plugin = PluginUnderTest.load(TestPlugins.answerJar(built))) {
            assertEquals(new HandlerSetup.Refused(List.of(
                    "handlers.answer.options.anser: is not an option of handler type answer (did you mean 'answer'?)"
                            + " (fix: remove it or use one of answer, limit)",
                    "handlers.answer.options.answer: is required by handler type answer"
                            + " (fix: add answer: <value> (done, drop or fail))")),
                    plugin.configure("answer", Map.of("anser", "done"), home));
            assertEquals(new HandlerSetup.Refused(List.of("handlers.answer.options.limit: must be between 1 and 100"
                            + " (fix: set limit to a value in that range)")),
                    plugin.configure("answer", Map.of("answer", "done", "limit", 500), home));
            assertEquals(new HandlerSetup.Refused(List.of("handlers.answer.options.answer: must be one of done,"
                            + " drop, fail (fix: set answer to one of done, drop, fail)")),
                    plugin.configure("answer", Map.of("answer", "maybe"), home));
            AssertionError refused = assertThrows(AssertionError.class,
                    () -> plugin.handler("answer", Map.of(), home));
            assertEquals("the server would refuse handler type answer with these options:\n"
                    + "  - handlers.answer.options.answer: is required by handler type answer"
                    + " (fix: add answer: <value> (done, drop or fail))", refused.getMessage());
        }
    }

    @Test
    void aHandlerTypeThePluginDoesNotContributeIsNamed() {
        try (PluginUnderTest plugin = PluginUnderTest.load(TestPlugins.answerJar(built))) {
            AssertionError missing = assertThrows(AssertionError.class,
                    () -> plugin.configure("archive", Map.of(), home));
            assertEquals("plugin " + built.resolve("answer.jar") + " contributes no handler type 'archive'; it"
                    + " contributes [answer]", missing.getMessage());
        }
    }

    @Test
    void everyCatalogSampleBecomesItsDeclaredEvent() {
        List<WebhookEvent> events = LEAST.all();
        assertEquals(LEAST.types(), events.stream().map(WebhookEvent::type).toList());
        assertEquals(List.of("record.created", "record.action", "record.archived"), LEAST.types().subList(0, 3));
        assertThrows(IllegalArgumentException.class, () -> LEAST.event("record.destroyed"));
    }
}
