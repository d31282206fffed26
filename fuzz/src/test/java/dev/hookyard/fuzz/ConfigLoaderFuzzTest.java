package dev.hookyard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link ConfigLoader} on arbitrary configuration text: it may only ever throw {@link InvalidConfigException}, and
 * neither its message nor any of its problems may contain a secret that the text reached through {@code ${env:}} or
 * {@code ${file:}}. Half the inputs are raw text (YAML syntax); the other half are built from the configuration's own
 * keys with values drawn from references, numbers, durations, paths and arbitrary strings, so the fuzzer gets past
 * the parser into every section of the loader.
 */
class ConfigLoaderFuzzTest {

    /** Planted secrets, each reachable by a reference; none may appear in any message. */
    static final Map<String, String> ENV = Map.of(
            "LEAST_SECRET", "planted-env-secret-5f3a9c",
            "PATH_SECRET", "/srv/../planted-path-secret-0b1e",
            "COLON_SECRET", "user:planted-pass-8c2d",
            "URL_SECRET", "https://hooks.example.com/planted-url-secret-6d4f?x=1",
            "SPACE_SECRET", "  planted spaced secret 1a2b  ");
    static final String FILE_SECRET = "planted-file-secret-4e7a";
    static final String BINARY_SECRET = "planted-binary-secret-2a9f";

    private static final List<String> SECRETS = List.of("planted-env-secret-5f3a9c", "planted-path-secret-0b1e",
            "planted-pass-8c2d", "planted-url-secret-6d4f", "planted spaced secret 1a2b", FILE_SECRET,
            BINARY_SECRET);

    private static final Path HOME = home();
    private static final Path FILE = HOME.resolve("hookyard.yaml");
    private static final ConfigLoader LOADER = new ConfigLoader(HOME, ENV::get);

    @FuzzTest(maxDuration = "10s")
    void loadNeverThrowsAnythingElseAndNeverLeaksASecret(FuzzedDataProvider data) throws IOException {
        String yaml = data.consumeBoolean() ? data.consumeRemainingAsString() : ConfigText.generate(data);
        Files.writeString(FILE, yaml, StandardCharsets.UTF_8);
        try {
            LOADER.load(FILE);
        } catch (InvalidConfigException e) {
            for (String secret : SECRETS) {
                if (yaml.contains(secret)) {
                    continue; // written into the file itself: nothing to leak
                }
                check(secret, e.getMessage(), "the message");
                for (ConfigProblem problem : e.problems()) {
                    check(secret, problem.key() + problem.problem() + problem.fix(), "a problem");
                }
            }
        }
    }

    private static void check(String secret, String text, String where) {
        if (text != null && text.contains(secret)) {
            throw new AssertionError(where + " of an InvalidConfigException contains the secret '" + secret
                    + "': " + text);
        }
    }

    private static Path home() {
        try {
            Path home = Files.createTempDirectory("hookyard-config-fuzz");
            Path secrets = Files.createDirectories(home.resolve("secrets"));
            // deleteOnExit deletes in the reverse order of registration: files before their directories.
            for (Path path : List.of(home, secrets, secrets.resolve("token"), secrets.resolve("binary"),
                    secrets.resolve("empty"), home.resolve("hookyard.yaml"))) {
                path.toFile().deleteOnExit();
            }
            Files.writeString(secrets.resolve("token"), FILE_SECRET + "\n");
            Files.write(secrets.resolve("binary"), ("bin\u0000/" + BINARY_SECRET).getBytes(StandardCharsets.UTF_8));
            Files.writeString(secrets.resolve("empty"), "\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
