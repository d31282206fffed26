package dev.hookyard.server.plugin;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import java.io.IOException;
import java.util.List;

/**
 * A plugin loaded from {@code plugins/} in its own class loader (or module layer), with the entry points it
 * provides and the factories they returned. Each entry point is asked for its factories exactly once, as the SPI
 * promises, so a plugin that builds new factories on every call still has one of each. Closing it releases its
 * JARs.
 *
 * @param source      where it came from
 * @param loader      its class loader, also the thread context class loader during its calls
 * @param moduleLayer whether it was loaded as named modules in its own {@link ModuleLayer} (else as plain JARs)
 * @param plugins     its {@link HookyardPlugin} providers (at least one)
 * @param vendors     the vendor factories its providers returned
 * @param handlers    the handler factories its providers returned
 */
public record LoadedPlugin(PluginSource source, ClassLoader loader, boolean moduleLayer, List<HookyardPlugin> plugins,
                           List<VendorFactory> vendors, List<HandlerFactory> handlers) implements AutoCloseable {

    public LoadedPlugin {
        plugins = List.copyOf(plugins);
        vendors = List.copyOf(vendors);
        handlers = List.copyOf(handlers);
    }

    /** How it was loaded, for people: "own module layer" or "own class loader". */
    public String isolation() {
        return moduleLayer ? "own module layer" : "own class loader";
    }

    /** What it contributes, for the log: "vendor acme, handler type archive". */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        vendors.forEach(v -> parts.add("vendor " + v.id()));
        handlers.forEach(h -> parts.add("handler type " + h.type()));
        return parts.isEmpty() ? "contributes nothing" : String.join(", ", parts);
    }

    @Override
    public void close() throws IOException {
        if (loader instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
