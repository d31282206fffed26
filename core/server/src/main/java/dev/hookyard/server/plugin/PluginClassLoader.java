package dev.hookyard.server.plugin;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of a non-modular plugin: its own JARs first, the Java platform for the JDK's classes, and the
 * host only for {@link SharedPackages shared packages}. Its parent is the platform class loader, so host
 * libraries and their {@code META-INF/services} files are invisible to the plugin.
 *
 * <p>A vendor module dropped into {@code plugins/} brings its own {@code dev.hookyard.vendor.<id>.events}
 * package, which the host does not have: such classes, not found in the host, come from the plugin's JARs. A
 * built-in vendor's events always come from the host, so a handler plugin and the server agree on their types.
 */
final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    PluginClassLoader(String name, URL[] jars, ClassLoader host) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SharedPackages.isShared(name)) {
            try {
                return host.loadClass(name);
            } catch (ClassNotFoundException e) {
                if (!SharedPackages.isVendorEvents(name)) {
                    throw e;
                }
            }
        }
        return super.loadClass(name, resolve);
    }
}
