package dev.hookyard.server.store.postgres;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The class loader Flyway reads the migrations through. On the module path ({@code java -p lib -m
 * dev.hookyard.server}) the application class loader lists this module's {@code db/migration/postgresql} (Flyway
 * finds the files) but will not hand out the files themselves: resources in a package-shaped directory of a named
 * module are encapsulated, and a directory of SQL files cannot be opened with {@code opens}. So they are located
 * through this module's own classes, which may always read the module's resources; everything else goes to the
 * parent as usual. On the class path (the tests) both ways find the same files.
 */
final class MigrationResources extends ClassLoader {

    private final String prefix;

    MigrationResources(ClassLoader parent, String directory) {
        super(parent);
        this.prefix = directory.endsWith("/") ? directory : directory + "/";
    }

    @Override
    public URL getResource(String name) {
        URL own = own(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL own = own(name);
        return own != null ? Collections.enumeration(java.util.List.of(own)) : super.getResources(name);
    }

    /** A migration file of this module, located as the module itself sees it; null for anything else. */
    private URL own(String name) {
        return name.startsWith(prefix) ? MigrationResources.class.getResource("/" + name) : null;
    }
}
