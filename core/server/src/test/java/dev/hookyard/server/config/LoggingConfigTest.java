package dev.hookyard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.config.HookyardConfig.LoggingSettings.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logging: { format: text|json }}. */
class LoggingConfigTest {

    private static final String ENDPOINT = "endpoints:\n  least: { vendor: least, secrets: [\"s\"] }\n";

    @TempDir
    Path home;

    private HookyardConfig load(String yaml) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, yaml + ENDPOINT);
        return new ConfigLoader(home, Map.<String, String>of()::get).load(file);
    }

    @Test
    void textByDefaultJsonWhenAsked() throws Exception {
        assertEquals(LogFormat.TEXT, load("").logging().format());
        assertEquals(LogFormat.TEXT, load("logging: { format: text }\n").logging().format());
        assertEquals(LogFormat.JSON, load("logging: { format: json }\n").logging().format());
    }

    @Test
    void anUnknownFormatOrKeyNamesTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load("logging: { format: jsn, level: debug }\n"));
        assertTrue(e.getMessage().contains("logging.format: must be text or json (did you mean 'json'?)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("logging.level: is not a known key"), e.getMessage());
    }
}
