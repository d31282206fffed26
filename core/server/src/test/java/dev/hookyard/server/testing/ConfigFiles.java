package dev.hookyard.server.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration files for loader tests: written under a Hookyard home and read by {@link ConfigLoader} with the
 * given environment variables, from {@code conf/hookyard.yaml} as an installation has it.
 */
public final class ConfigFiles {

    private final Path home;
    private final Map<String, String> env;

    public ConfigFiles(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** A loader for this home and environment. */
    public ConfigLoader loader() {
        return new ConfigLoader(home, env::get);
    }

    /** Writes {@code text} (UTF-8) to {@code relative} under the home, creating its directories. */
    public Path write(String relative, String text) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes {@code yaml} to {@code conf/hookyard.yaml} and loads it. */
    public HookyardConfig load(String yaml) throws IOException {
        return loader().load(write("conf/hookyard.yaml", yaml));
    }

    /** Writes {@code yaml} to {@code conf/hookyard.yaml} and asserts that loading it fails. */
    public InvalidConfigException loadFails(String yaml) throws IOException {
        Path file = write("conf/hookyard.yaml", yaml);
        return assertThrows(InvalidConfigException.class, () -> loader().load(file));
    }

    /** The problem reported at {@code key}, if any. */
    public static Optional<ConfigProblem> problemAt(InvalidConfigException e, String key) {
        return e.problems().stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
