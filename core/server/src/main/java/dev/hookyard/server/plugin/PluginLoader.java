package dev.hookyard.server.plugin;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Loads one plugin in isolation. When every JAR of the plugin is a named module and the host itself runs on the
 * module path, the plugin gets its own {@link ModuleLayer} over the boot layer, checked to read no host module but
 * the shared ones; otherwise (plain JARs, whatever their file names, or a host on the class path) it gets a
 * {@link PluginClassLoader}. Either way it sees only the SPI and the built-in vendors' event packages from the host.
 */
public final class PluginLoader {

    private static final String SERVICE = HookyardPlugin.class.getName();

    private final ClassLoader host;

    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    PluginLoader(ClassLoader host) {
        this.host = host;
    }

    /** Loads the plugin, instantiating its providers and asking each for its factories once. */
    public LoadedPlugin load(PluginSource source) {
        if (source.jars().isEmpty()) {
            throw new PluginLoadException(source.origin(), "folder holds no .jar file", null);
        }
        for (Path jar : source.jars()) {
            checkReadable(jar);
        }
        boolean layered = allNamedModules(source) && PluginLoader.class.getModule().isNamed();
        Isolated isolated = layered ? inModuleLayer(source) : inClassLoader(source);
        List<VendorFactory> vendors = new ArrayList<>();
        List<HandlerFactory> handlers = new ArrayList<>();
        try {
            ContextClassLoader.get(isolated.loader(), () -> {
                for (HookyardPlugin plugin : isolated.plugins()) {
                    vendors.addAll(plugin.vendors());
                    handlers.addAll(plugin.handlers());
                }
                vendors.forEach(v -> requireName(v.id(), "a vendor factory (" + v.getClass().getName() + ")", "id"));
                handlers.forEach(h -> requireName(h.type(), "a handler factory (" + h.getClass().getName() + ")",
                        "type"));
                return null;
            });
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(isolated.loader());
            throw new PluginLoadException(source.origin(), "its plugin entry point failed", e);
        }
        return new LoadedPlugin(source, isolated.loader(), layered, isolated.plugins(), vendors, handlers);
    }

    private static void requireName(String name, String what, String method) {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(what + " returns no " + method + "()");
        }
    }

    private static void checkReadable(Path jar) {
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

    /** A plugin's loader and its instantiated entry points. */
    private record Isolated(ClassLoader loader, List<HookyardPlugin> plugins) {
    }

    /** One declared entry point, not yet instantiated. */
    private record EntryPoint(String className, Callable<HookyardPlugin> create) {
    }

    private Isolated inModuleLayer(PluginSource source) {
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
        List<EntryPoint> declared;
        try {
            declared = ServiceLoader.load(layer, HookyardPlugin.class).stream()
                    .filter(p -> p.type().getModule().getLayer() == layer)
                    .map(p -> new EntryPoint(p.type().getName(), p::get))
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException(source.origin(), "its 'provides " + SERVICE + "' cannot be used", e);
        }
        return new Isolated(loader, instantiate(source, declared, loader));
    }

    private Isolated inClassLoader(PluginSource source) {
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
            List<EntryPoint> declared;
            try {
                declared = ServiceLoader.load(HookyardPlugin.class, loader).stream()
                        .map(p -> new EntryPoint(p.type().getName(), p::get))
                        .toList();
            } catch (ServiceConfigurationError e) {
                throw new PluginLoadException(source.origin(), "its META-INF/services/" + SERVICE
                        + " names a class that cannot be used", e);
            }
            if (declared.isEmpty()) {
                declared = declaredInModuleInfo(source, loader);
            }
            return new Isolated(loader, instantiate(source, declared, loader));
        } catch (RuntimeException | Error e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /**
     * The entry points a modular JAR declares with {@code provides} only: on the class path its
     * {@code module-info} is not read by {@link ServiceLoader}, yet the same JAR works on the module path, so
     * the declaration is honoured here the way the module system would (a public static {@code provider()}
     * method, else a public no-argument constructor).
     */
    private static List<EntryPoint> declaredInModuleInfo(PluginSource source, ClassLoader loader) {
        return providedEntryPoints(source).stream()
                .map(name -> new EntryPoint(name, () -> construct(loader.loadClass(name))))
                .toList();
    }

    /**
     * Whether every JAR of the plugin is an explicit named module: such a plugin gets a module layer of its own
     * on a server launched on the module path (as the distribution's is), where only {@code provides} declares
     * its entry points.
     */
    public static boolean isModular(PluginSource source) {
        return allNamedModules(source);
    }

    /** The entry point classes the plugin's explicit modules declare with {@code provides}, in JAR order. */
    public static List<String> providedEntryPoints(PluginSource source) {
        List<String> declared = new ArrayList<>();
        for (Path jar : source.jars()) {
            Set<ModuleReference> modules;
            try {
                modules = ModuleFinder.of(jar).findAll();
            } catch (FindException e) {
                continue;
            }
            for (ModuleReference module : modules) {
                if (module.descriptor().isAutomatic()) {
                    continue;
                }
                for (ModuleDescriptor.Provides provides : module.descriptor().provides()) {
                    if (provides.service().equals(SERVICE)) {
                        declared.addAll(provides.providers());
                    }
                }
            }
        }
        return declared;
    }

    private static HookyardPlugin construct(Class<?> type) throws ReflectiveOperationException {
        Object instance;
        Method provider = null;
        try {
            provider = type.getMethod("provider");
        } catch (NoSuchMethodException e) {
            // no provider method: the public no-argument constructor
        }
        try {
            if (provider != null && Modifier.isStatic(provider.getModifiers())) {
                instance = provider.invoke(null);
            } else {
                instance = type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + " could not be created", e.getCause());
        }
        if (!(instance instanceof HookyardPlugin plugin)) {
            throw new IllegalStateException(type.getName() + " is not a " + SERVICE);
        }
        return plugin;
    }

    private static List<HookyardPlugin> instantiate(PluginSource source, List<EntryPoint> declared,
                                                    ClassLoader loader) {
        if (declared.isEmpty()) {
            throw new PluginLoadException(source.origin(), "provides no " + SERVICE + " (declare it in"
                    + " META-INF/services/" + SERVICE + ", or with 'provides " + SERVICE + " with ...' in the"
                    + " module-info of a modular JAR)", null);
        }
        List<HookyardPlugin> plugins = new ArrayList<>();
        for (EntryPoint entry : declared) {
            try {
                plugins.add(ContextClassLoader.get(loader, () -> {
                    try {
                        return entry.create().call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginLoadException(source.origin(), "its entry point " + entry.className()
                        + " could not be created", e);
            }
        }
        return plugins;
    }

    private static void closeQuietly(ClassLoader loader) {
        if (loader instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // already failing; the load error is what matters
            }
        }
    }
}
