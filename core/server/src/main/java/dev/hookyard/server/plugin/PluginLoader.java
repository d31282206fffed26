package dev.hookyard.server.plugin;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Loads one plugin in isolation. When every JAR of the plugin is a named module and the host itself runs on the
 * module path, the plugin gets its own {@link ModuleLayer} over the boot layer, checked to read no host module but
 * the shared ones; otherwise (plain JARs, whatever their file names, or a host on the class path) it gets a
 * {@link PluginClassLoader}. Either way it sees only the SPI and the built-in vendors' event packages from the host.
 */
public final class PluginLoader {

    private final ClassLoader host;

    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    PluginLoader(ClassLoader host) {
        this.host = host;
    }

    /** Loads the plugin, instantiating its providers and asking each for its factories once. */
    public LoadedPlugin load(PluginSource source) {
        for (Path jar : source.jars()) {
            checkReadable(source, jar);
        }
        LoadedPlugin loaded = allNamedModules(source) && PluginLoader.class.getModule().isNamed()
                ? inModuleLayer(source) : inClassLoader(source);
        try {
            for (HookyardPlugin plugin : loaded.plugins()) {
                ContextClassLoader.get(loaded.loader(), () -> {
                    plugin.vendors().forEach(VendorFactory::id);
                    plugin.handlers().forEach(HandlerFactory::type);
                    return plugin;
                });
            }
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(loaded);
            throw new PluginLoadException(source.origin(), "its plugin entry point failed", e);
        }
        return loaded;
    }

    private static void checkReadable(PluginSource source, Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().findFirst();
        } catch (IOException | RuntimeException e) {
            throw new PluginLoadException(jar, "is not a readable JAR file", e);
        }
    }

    private static boolean allNamedModules(PluginSource source) {
        try {
            Set<ModuleReference> modules = ModuleFinder.of(source.jars().toArray(Path[]::new)).findAll();
            return modules.size() == source.jars().size()
                    && modules.stream().noneMatch(m -> m.descriptor().isAutomatic());
        } catch (FindException e) {
            return false; // e.g. a plain JAR whose file name makes no valid automatic module name
        }
    }

    private LoadedPlugin inModuleLayer(PluginSource source) {
        ModuleLayer boot = ModuleLayer.boot();
        ModuleFinder finder = ModuleFinder.of(source.jars().toArray(Path[]::new));
        Set<String> roots = finder.findAll().stream().map(m -> m.descriptor().name()).collect(Collectors.toSet());
        Configuration configuration;
        try {
            configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        } catch (FindException | ResolutionException e) {
            throw new PluginLoadException(source.origin(), "its modules cannot be resolved", e);
        }
        for (ResolvedModule module : configuration.modules()) {
            for (ResolvedModule read : module.reads()) {
                boolean hostModule = read.configuration() != configuration;
                if (hostModule && !SharedPackages.isSharedModule(read.name())) {
                    throw new PluginLoadException(source.origin(), "module " + module.name()
                            + " reads host module " + read.name()
                            + ", but plugins share only the SPI and vendor events with the host; bundle "
                            + read.name() + " in the plugin", null);
                }
            }
        }
        ModuleLayer layer;
        try {
            layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        } catch (LayerInstantiationException | SecurityException e) {
            throw new PluginLoadException(source.origin(), "its module layer cannot be created", e);
        }
        ClassLoader loader = layer.findLoader(roots.iterator().next());
        List<HookyardPlugin> plugins = providers(source, ServiceLoader.load(layer, HookyardPlugin.class).stream()
                .filter(p -> p.type().getModule().getLayer() == layer).toList(), loader);
        return new LoadedPlugin(source, loader, plugins);
    }

    private LoadedPlugin inClassLoader(PluginSource source) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : source.jars()) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new PluginLoadException(jar, "has no usable URL", e);
            }
        }
        PluginClassLoader loader = new PluginClassLoader("plugin:" + source.name(), urls.toArray(URL[]::new), host);
        try {
            List<ServiceLoader.Provider<HookyardPlugin>> found =
                    ServiceLoader.load(HookyardPlugin.class, loader).stream().toList();
            return new LoadedPlugin(source, loader, providers(source, found, loader));
        } catch (RuntimeException | ServiceConfigurationError e) {
            closeQuietly(new LoadedPlugin(source, loader, List.of()));
            throw e;
        }
    }

    private static List<HookyardPlugin> providers(PluginSource source, List<ServiceLoader.Provider<HookyardPlugin>> found,
                                                  ClassLoader loader) {
        if (found.isEmpty()) {
            throw new PluginLoadException(source.origin(), "provides no " + HookyardPlugin.class.getName()
                    + " (declare it in META-INF/services/" + HookyardPlugin.class.getName()
                    + " or with 'provides' in module-info)", null);
        }
        List<HookyardPlugin> plugins = new ArrayList<>();
        for (ServiceLoader.Provider<HookyardPlugin> provider : found) {
            try {
                plugins.add(ContextClassLoader.get(loader, provider::get));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginLoadException(source.origin(), "its entry point "
                        + provider.type().getName() + " could not be created", e);
            }
        }
        return plugins;
    }

    private static void closeQuietly(LoadedPlugin plugin) {
        try {
            plugin.close();
        } catch (IOException e) {
            // already failing; the load error is what matters
        }
    }
}
