package dev.hookyard.server.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin found in the plugins directory: a single JAR, or a folder of JARs loaded together.
 *
 * @param name   the JAR's or folder's file name, for messages
 * @param origin the JAR or folder
 * @param jars   the JARs, in name order
 */
public record PluginSource(String name, Path origin, List<Path> jars) {
    public PluginSource {
        jars = List.copyOf(jars);
    }
}
