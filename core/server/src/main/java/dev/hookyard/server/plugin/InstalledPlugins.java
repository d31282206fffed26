package dev.hookyard.server.plugin;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The vendor modules and handler types available to this server, by id. Built once at startup from every
 * {@link HookyardPlugin} found; two contributions with the same id are an error, since a configuration naming
 * that id would otherwise depend on load order.
 */
public final class InstalledPlugins {

    private final Map<String, VendorFactory> vendors;
    private final Map<String, HandlerFactory> handlers;

    private InstalledPlugins(Map<String, VendorFactory> vendors, Map<String, HandlerFactory> handlers) {
        this.vendors = Collections.unmodifiableMap(vendors);
        this.handlers = Collections.unmodifiableMap(handlers);
    }

    /**
     * Every plugin visible to the server's own module (or class path): the built-in handlers and the vendor modules
     * shipped in {@code lib/}. Plugins from {@code plugins/} join through {@link #of(List)}.
     */
    public static InstalledPlugins discover() {
        return of(ServiceLoader.load(HookyardPlugin.class, InstalledPlugins.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    /** Indexes the contributions of the given plugins; throws {@link PluginConflictException} on a clash. */
    public static InstalledPlugins of(List<? extends HookyardPlugin> plugins) {
        Map<String, VendorFactory> vendors = new LinkedHashMap<>();
        Map<String, HandlerFactory> handlers = new LinkedHashMap<>();
        for (HookyardPlugin plugin : plugins) {
            for (VendorFactory vendor : plugin.vendors()) {
                VendorFactory previous = vendors.putIfAbsent(vendor.id(), vendor);
                if (previous != null) {
                    throw new PluginConflictException("vendor id '" + vendor.id() + "' is provided by both "
                            + origin(previous) + " and " + origin(vendor));
                }
            }
            for (HandlerFactory handler : plugin.handlers()) {
                HandlerFactory previous = handlers.putIfAbsent(handler.type(), handler);
                if (previous != null) {
                    throw new PluginConflictException("handler type '" + handler.type() + "' is provided by both "
                            + origin(previous) + " and " + origin(handler));
                }
            }
        }
        return new InstalledPlugins(vendors, handlers);
    }

    private static String origin(Object contribution) {
        Module module = contribution.getClass().getModule();
        return contribution.getClass().getName() + (module.isNamed() ? " (module " + module.getName() + ")" : "");
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
}
