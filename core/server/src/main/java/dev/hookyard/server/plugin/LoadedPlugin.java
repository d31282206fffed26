package dev.hookyard.server.plugin;

import java.io.IOException;
import java.util.List;
import dev.hookyard.spi.HookyardPlugin;

/**
 * A plugin loaded from {@code plugins/} in its own class loader (or module layer), with the entry points it
 * provides. Closing it releases its JARs.
 *
 * @param source  where it came from
 * @param loader  its class loader, also the thread context class loader during its calls
 * @param plugins its {@link HookyardPlugin} providers (at least one)
 */
public record LoadedPlugin(PluginSource source, ClassLoader loader, List<HookyardPlugin> plugins)
        implements AutoCloseable {

    public LoadedPlugin {
        plugins = List.copyOf(plugins);
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
