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

    private InstalledPlugins() {
    }

    /** Only what ships with the server: the built-in handlers and the vendor modules in {@code lib/}. */
    public static InstalledPlugins discover() {
        InstalledPlugins installed = new InstalledPlugins();
        installed.addAll(builtIn(), BUILT_IN);
        return installed;
    }

    /**
     * What ships with the server plus every plugin in {@code pluginsDirectory}; throws
     * {@link PluginLoadException} or {@link PluginConflictException} naming the plugin at fault.
     */
    public static InstalledPlugins discover(Path pluginsDirectory) {
        InstalledPlugins installed = discover();
        PluginLoader loader = new PluginLoader();
        try {
            for (PluginSource source : PluginDirectory.scan(pluginsDirectory)) {
                LoadedPlugin plugin = loader.load(source);
                installed.loaded.add(plugin);
                installed.addAll(plugin.plugins(), "plugins/" + source.name());
                LOG.info("Plugin {} loaded: {}", source.name(), installed.describe(plugin));
            }
        } catch (RuntimeException e) {
            installed.close();
            throw e;
        }
        return installed;
    }

    /** Exactly these plugins, as if shipped with the server (for tests and embedding). */
    public static InstalledPlugins of(List<? extends HookyardPlugin> plugins) {
        InstalledPlugins installed = new InstalledPlugins();
        installed.addAll(plugins, BUILT_IN);
        return installed;
    }

    private static List<HookyardPlugin> builtIn() {
        return ServiceLoader.load(HookyardPlugin.class, InstalledPlugins.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
    }

    private void addAll(List<? extends HookyardPlugin> plugins, String origin) {
        for (HookyardPlugin plugin : plugins) {
            for (VendorFactory vendor : plugin.vendors()) {
                VendorFactory previous = vendors.putIfAbsent(vendor.id(), vendor);
                if (previous != null) {
                    throw new PluginConflictException("vendor id '" + vendor.id() + "' is provided by both "
                            + origins.get(previous) + " and " + origin);
                }
                origins.put(vendor, origin);
            }
            for (HandlerFactory handler : plugin.handlers()) {
                HandlerFactory previous = handlers.putIfAbsent(handler.type(), handler);
                if (previous != null) {
                    throw new PluginConflictException("handler type '" + handler.type() + "' is provided by both "
                            + origins.get(previous) + " and " + origin);
                }
                origins.put(handler, origin);
            }
        }
    }

    private String describe(LoadedPlugin plugin) {
        List<String> parts = new ArrayList<>();
        for (HookyardPlugin entry : plugin.plugins()) {
            entry.vendors().forEach(v -> parts.add("vendor " + v.id()));
            entry.handlers().forEach(h -> parts.add("handler type " + h.type()));
        }
        return parts.isEmpty() ? "contributes nothing" : String.join(", ", parts);
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

    /** The plugins loaded from the plugins directory. */
    public List<LoadedPlugin> loaded() {
        return Collections.unmodifiableList(loaded);
    }

    @Override
    public void close() {
        for (LoadedPlugin plugin : loaded) {
            try {
                plugin.close();
            } catch (IOException e) {
                LOG.warn("Closing plugin {} failed: {}", plugin.source().name(), e.toString());
            }
        }
    }
}
