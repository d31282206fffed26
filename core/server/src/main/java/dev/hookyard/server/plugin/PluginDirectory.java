package dev.hookyard.server.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the plugins in {@code plugins/}: each {@code *.jar} file is a plugin, and each folder is one plugin made of
 * all the JARs in it (a folder without JARs is reported when it is loaded). Anything else (a README, hidden files)
 * is ignored. Order is by name, so startup is reproducible.
 */
public final class PluginDirectory {

    private PluginDirectory() {
    }

    /** The plugins in {@code directory}; none if it does not exist. */
    public static List<PluginSource> scan(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<PluginSource> sources = new ArrayList<>();
        for (Path entry : list(directory, directory)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry) || isJar(entry)) {
                sources.add(source(entry));
            }
        }
        return sources;
    }

    /**
     * One plugin as it would be found in {@code plugins/}: a JAR, or a folder of JARs (the plugin test harness
     * loads a built plugin from where the build left it).
     */
    public static PluginSource source(Path jarOrFolder) {
        String name = jarOrFolder.getFileName().toString();
        if (Files.isDirectory(jarOrFolder)) {
            List<Path> jars = list(jarOrFolder, jarOrFolder).stream().filter(PluginDirectory::isJar).toList();
            return new PluginSource(name, jarOrFolder, jars);
        }
        if (!isJar(jarOrFolder)) {
            throw new PluginLoadException(jarOrFolder, "is neither a .jar file nor a folder of them", null);
        }
        return new PluginSource(name, jarOrFolder, List.of(jarOrFolder));
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> list(Path directory, Path source) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new PluginLoadException(source, "cannot be listed", e);
        }
    }
}
