package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** The example plugins' drop-in folders as the build makes them, copied into a test's own plugins directory. */
final class PluginFolders {

    private PluginFolders() {
    }

    /** The jsonl-archive example plugin's folder ({@code plugins-example/jsonl-archive/target/plugin/...}). */
    static Path jsonlArchive() {
        String property = System.getProperty("hookyard.example.jsonlArchive");
        Path folder = property != null ? Paths.get(property)
                : Paths.get("..", "plugins-example", "jsonl-archive", "target", "plugin", "jsonl-archive");
        assertTrue(Files.isDirectory(folder), () -> "no jsonl-archive plugin folder at " + folder.toAbsolutePath()
                + ": 'mvn package' builds it");
        return folder;
    }

    /** An example plugin's folder as the distribution ships it ({@code plugins-available/NAME}). */
    static Path available(String name) {
        Path folder = ChildServer.distributionHome().resolve("plugins-available").resolve(name);
        assertTrue(Files.isDirectory(folder), () -> "no " + folder);
        return folder;
    }

    /** Copies the files of a plugin folder (its JARs) into {@code to}, which it creates. */
    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
