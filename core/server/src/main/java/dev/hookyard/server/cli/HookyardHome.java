package dev.hookyard.server.cli;

import java.nio.file.Path;

/**
 * The Hookyard home directory: {@code -Dhookyard.home} (set by {@code bin/hookyard}) or else the working directory.
 * Relative paths in the configuration resolve against it.
 */
final class HookyardHome {

    private HookyardHome() {
    }

    static Path directory() {
        String home = System.getProperty("hookyard.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    static Path defaultConfig() {
        return directory().resolve("conf").resolve("hookyard.yaml");
    }
}
