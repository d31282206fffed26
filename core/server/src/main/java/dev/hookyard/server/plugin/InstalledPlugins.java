package dev.hookyard.server.plugin;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor modules and handler types available to this server, by id: those shipped with the server (found on
 * its own module path or class path) and those dropped into {@code plugins/}, each loaded in isolation. Two
 * contributions with the same id are an error, since a configuration naming that id would otherwise depend on load
 * order. Closing releases the plugins' JARs.
 */
public final class InstalledPlugins implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledPlugins.class);
    private static final String BUILT_IN = "the server's lib/";

    private final Map<String, VendorFactory> vendors = new LinkedHashMap<>();
    private final Map<String, HandlerFactory> handlers = new LinkedHashMap<>();
    private final Map<Object, String> origins = new IdentityHashMap<>();
    private final List<LoadedPlugin> loaded = new ArrayList<>();
    private final List<RuntimeException> skipped = new ArrayList<>();

    private InstalledPlugins() {
    }

    /** Only what ships with the server: the built-in handlers and the vendor modules in {@code lib/}. */
    public static InstalledPlugins discover() {
        return of(builtIn());
    }

    /**
     * What ships with the server plus every plugin in {@code pluginsDirectory}; throws
     * {@link PluginLoadException} or {@link PluginConflictException} naming the plugin at fault.
     */
    public static InstalledPlugins discover(Path pluginsDirectory) {
        return discover(pluginsDirectory, PluginFailurePolicy.FAIL);
    }

    /**
     * What ships with the server plus the plugins in {@code pluginsDirectory}; a plugin that cannot be loaded (or
     * contributes an id another already has) stops startup or, under {@link PluginFailurePolicy#SKIP}, is left out
     * with a warning.
     */
    public static InstalledPlugins discover(Path pluginsDirectory, PluginFailurePolicy onError) {
        return of(builtIn(), pluginsDirectory, onError);
    }

    /** Exactly these plugins, as if shipped with the server (for tests and embedding). */
    public static InstalledPlugins of(List<? extends HookyardPlugin> plugins) {
        InstalledPlugins installed = new InstalledPlugins();
        for (HookyardPlugin plugin : plugins) {
            installed.add(plugin.vendors(), plugin.handlers(), BUILT_IN);
        }
        return installed;
    }

    /** These plugins as if shipped with the server, plus those in {@code pluginsDirectory} (for tests and embedding). */
    public static InstalledPlugins of(List<? extends HookyardPlugin> builtIn, Path pluginsDirectory,
                                      PluginFailurePolicy onError) {
        InstalledPlugins installed = of(builtIn);
        try {
            installed.loadAll(pluginsDirectory, onError);
        } catch (RuntimeException e) {
            installed.close();
            throw e;
        }
        return installed;
    }

    private void loadAll(Path directory, PluginFailurePolicy onError) {
        PluginLoader loader = new PluginLoader();
        for (PluginSource source : PluginDirectory.scan(directory)) {
            LoadedPlugin plugin;
            try {
                plugin = loader.load(source);
            } catch (PluginLoadException e) {
                skipOrThrow(onError, e);
                continue;
            }
            try {
                add(plugin.vendors(), plugin.handlers(), "plugins/" + source.name());
            } catch (PluginConflictException e) {
                closeQuietly(plugin);
                skipOrThrow(onError, e);
                continue;
            }
            loaded.add(plugin);
            LOG.info("Plugin {} loaded ({}): {}", source.name(), plugin.isolation(), plugin.describe());
        }
    }

    private void skipOrThrow(PluginFailurePolicy onError, RuntimeException e) {
        if (onError == PluginFailurePolicy.FAIL) {
            throw e;
        }
        skipped.add(e);
        LOG.warn("!!! PLUGIN SKIPPED, the server starts without it (plugins.onError: skip): {}", e.getMessage());
    }

    private static List<HookyardPlugin> builtIn() {
        return ServiceLoader.load(HookyardPlugin.class, InstalledPlugins.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Adds one plugin's factories, all or none: a conflict leaves this set as it was. */
    private void add(List<VendorFactory> newVendors, List<HandlerFactory> newHandlers, String origin) {
        Map<String, VendorFactory> vendorIds = new LinkedHashMap<>();
        for (VendorFactory vendor : newVendors) {
            VendorFactory previous = vendors.containsKey(vendor.id()) ? vendors.get(vendor.id())
                    : vendorIds.putIfAbsent(vendor.id(), vendor);
            if (previous != null) {
                throw new PluginConflictException("vendor id '" + vendor.id() + "' is provided by both "
                        + origins.getOrDefault(previous, origin) + " and " + origin);
            }
        }
        Map<String, HandlerFactory> handlerTypes = new LinkedHashMap<>();
        for (HandlerFactory handler : newHandlers) {
            HandlerFactory previous = handlers.containsKey(handler.type()) ? handlers.get(handler.type())
                    : handlerTypes.putIfAbsent(handler.type(), handler);
            if (previous != null) {
                throw new PluginConflictException("handler type '" + handler.type() + "' is provided by both "
                        + origins.getOrDefault(previous, origin) + " and " + origin);
            }
        }
        vendorIds.forEach((id, vendor) -> {
            vendors.put(id, vendor);
            origins.put(vendor, origin);
        });
        handlerTypes.forEach((type, handler) -> {
            handlers.put(type, handler);
            origins.put(handler, origin);
        });
    }

    public Optional<VendorFactory> vendor(String id) {
        return Optional.ofNullable(vendors.get(id));
    }

    public Optional<HandlerFactory> handler(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /** Vendor ids, in discovery order. */
    public List<String> vendorIds() {
        return List.copyOf(vendors.keySet());
    }

    /** Handler types, in discovery order. */
    public List<String> handlerTypes() {
        return List.copyOf(handlers.keySet());
    }

    /** Where a vendor or handler factory came from ("the server's lib/" or "plugins/NAME"). */
    public String originOf(Object factory) {
        return origins.getOrDefault(factory, BUILT_IN);
    }

    /** Whether a vendor or handler factory came from the plugins directory rather than with the server. */
    public boolean isDroppedIn(Object factory) {
        return !originOf(factory).equals(BUILT_IN);
    }

    /** The plugins loaded from the plugins directory. */
    public List<LoadedPlugin> loaded() {
        return Collections.unmodifiableList(loaded);
    }

    /** Why each plugin left out under {@link PluginFailurePolicy#SKIP} was left out. */
    public List<RuntimeException> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    @Override
    public void close() {
        for (LoadedPlugin plugin : loaded) {
            closeQuietly(plugin);
        }
    }

    private static void closeQuietly(LoadedPlugin plugin) {
        try {
            plugin.close();
        } catch (IOException e) {
            LOG.warn("Closing plugin {} failed: {}", plugin.source().name(), e.toString());
        }
    }
}
