package dev.hookyard.testkit.plugin;

import dev.hookyard.server.assembly.HandlerCreation;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.plugin.LoadedPlugin;
import dev.hookyard.server.plugin.PluginDirectory;
import dev.hookyard.server.plugin.PluginLoadException;
import dev.hookyard.server.plugin.PluginLoader;
import dev.hookyard.server.plugin.PluginSource;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.VendorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A built plugin (its JAR, or its folder of JARs) loaded by the server's own plugin loader, as the server loads
 * what is in {@code plugins/}: in its own module layer or class loader, seeing only the SPI and the vendors'
 * event packages of the host. A plugin the server would refuse (no {@code META-INF/services} entry or
 * {@code provides}, an entry point that cannot be created, modules that do not resolve, two providers of one
 * type) fails {@link #load(Path)} with the server's own message.
 *
 * <p>Loaded the way this test runs: on the class path every plugin gets a class loader (as a server launched on
 * the class path would give it); on the module path, a plugin made only of named modules gets a module layer, as
 * the distribution's server gives it.
 *
 * <pre>{@code
 * try (PluginUnderTest plugin = PluginUnderTest.load(Path.of("target/acme-archive.jar"));
 *      HandlerUnderTest archive = plugin.handler("archive", Map.of("directory", "out"), home)) {
 *     Outcome outcome = archive.handle(SampleEvents.of(new LeastPlugin().vendors().get(0), "s3cret")
 *             .event("record.created"));
 *     assertEquals(Outcome.done(), outcome);
 * }
 * }</pre>
 */
public final class PluginUnderTest implements AutoCloseable {

    private final LoadedPlugin loaded;

    private PluginUnderTest(LoadedPlugin loaded) {
        this.loaded = loaded;
    }

    /**
     * Loads the plugin at {@code jarOrFolder} as the server would load it from {@code plugins/}.
     *
     * @throws AssertionError with the server's message if the server would refuse it
     */
    public static PluginUnderTest load(Path jarOrFolder) {
        PluginSource source;
        LoadedPlugin loaded;
        try {
            source = PluginDirectory.source(jarOrFolder.toAbsolutePath());
            loaded = new PluginLoader().load(source);
        } catch (PluginLoadException e) {
            throw new AssertionError("the server would refuse this plugin: " + e.getMessage(), e);
        }
        PluginUnderTest plugin = new PluginUnderTest(loaded);
        if (!loaded.moduleLayer() && PluginLoader.isModular(source) && PluginLoader.providedEntryPoints(source)
                .isEmpty()) {
            // Found through META-INF/services here, on the class path; the distribution would not find it.
            plugin.close();
            throw new AssertionError("the distribution's server would refuse this plugin: plugin "
                    + source.origin() + " is made of named modules, which that server (on the module path) loads in"
                    + " a module layer, where META-INF/services is not read: declare 'provides "
                    + HookyardPlugin.class.getName() + " with ...' in its module-info");
        }
        return plugin;
    }

    /** The JAR or folder it was loaded from. */
    public Path origin() {
        return loaded.source().origin();
    }

    /** Whether it was loaded as named modules in a module layer of its own (else in a class loader of its own). */
    public boolean inModuleLayer() {
        return loaded.moduleLayer();
    }

    /** Its class loader: where its classes come from, and the context class loader during its calls. */
    public ClassLoader classLoader() {
        return loaded.loader();
    }

    /** The handler types it contributes, in the order its entry points return them. */
    public List<String> handlerTypes() {
        return loaded.handlers().stream().map(HandlerFactory::type).toList();
    }

    /** The vendor ids it contributes. */
    public List<String> vendorIds() {
        return loaded.vendors().stream().map(VendorFactory::id).toList();
    }

    /** The vendor module with this id it contributes. */
    public Optional<VendorFactory> vendor(String id) {
        return loaded.vendors().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The options a handler type declares (what {@code hookyard plugins} lists). */
    public List<OptionSpec> options(String handlerType) {
        return factory(handlerType).options();
    }

    /**
     * Creates a handler of {@code type} as the server does at startup, configured under {@code handlers.TYPE}:
     * the options are checked against the ones the type declares (unknown keys, required ones), then by the
     * factory itself (bad values), with the server's own code and messages.
     *
     * @param options plain values, as they would be read from YAML
     * @param home    the Hookyard home the handler resolves relative paths against
     */
    public HandlerSetup configure(String type, Map<String, ?> options, Path home) {
        HandlerFactory factory = factory(type);
        HandlerContext context = new HandlerContext(type, Options.of(options), Clock.systemUTC(),
                System.getLogger("hookyard.handler." + type), home.toAbsolutePath().normalize(),
                CredentialHeaders.DEFAULT);
        List<ConfigProblem> problems = new ArrayList<>();
        String origin = " (from plugins/" + loaded.source().name() + ")";
        return HandlerCreation.create("handlers." + type, type, factory, context, origin, problems)
                .<HandlerSetup>map(handler -> new HandlerSetup.Created(new HandlerUnderTest(handler)))
                .orElseGet(() -> new HandlerSetup.Refused(problems.stream().map(ConfigProblem::toString).toList()));
    }

    /**
     * A handler of {@code type} with these options, which must pass the server's checks.
     *
     * @throws AssertionError listing the problems, as startup would, if the server would refuse the options
     */
    public HandlerUnderTest handler(String type, Map<String, ?> options, Path home) {
        HandlerSetup setup = configure(type, options, home);
        if (setup instanceof HandlerSetup.Refused refused) {
            throw new AssertionError("the server would refuse handler type " + type + " with these options:\n  - "
                    + String.join("\n  - ", refused.problems()));
        }
        return ((HandlerSetup.Created) setup).handler();
    }

    /**
     * Starts a real receiver on a free loopback port, with this plugin in its {@code plugins/}: one endpoint for
     * the vendor of {@code samples} and one handler of {@code type} with these options, to which every delivery
     * is routed. See {@link PluginReceiver}.
     *
     * @param home an empty folder for the receiver's home: configuration, {@code plugins/} and store
     * @throws AssertionError with the server's message if it would not start so configured
     */
    public PluginReceiver receiver(SampleEvents samples, String type, Map<String, ?> options, Path home) {
        factory(type);
        return PluginReceiver.start(origin(), samples, vendor(samples.factory().id()).isPresent(), type, options,
                home);
    }

    private HandlerFactory factory(String type) {
        return loaded.handlers().stream().filter(h -> h.type().equals(type)).findFirst().orElseThrow(() ->
                new AssertionError("plugin " + origin() + " contributes no handler type '" + type
                        + "'; it contributes " + handlerTypes()));
    }

    /** Releases the plugin's JARs. */
    @Override
    public void close() {
        try {
            loaded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
