package dev.hookyard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.config.HookyardConfig.ManagementSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code management:} and {@code store.retentionDays}, and the lenient loading the store commands use. */
class ManagementAndRetentionConfigTest {

    private static final String ENDPOINT = "endpoints:\n  least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"] }\n";

    @TempDir
    Path home;

    private HookyardConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(home, env::get).load(file);
    }

    private InvalidConfigException fails(String yaml) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, yaml);
        return assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(home, Map.of("LEAST_SECRET", "s")::get).load(file));
    }

    @Test
    void defaultsAreLoopback9090AndThirtyDays() throws Exception {
        HookyardConfig config = load(ENDPOINT, Map.of("LEAST_SECRET", "s"));
        assertEquals(ManagementSettings.DEFAULT, config.management());
        assertEquals(new ManagementSettings(true, "127.0.0.1", 9090), config.management());
        assertEquals(30, config.store().retentionDays());
    }

    @Test
    void explicitValuesAreRead() throws Exception {
        HookyardConfig config = load("management: { enabled: false, host: 0.0.0.0, port: 0 }\n"
                + "store: { path: data, retentionDays: 0 }\n" + ENDPOINT, Map.of("LEAST_SECRET", "s"));
        assertEquals(new ManagementSettings(false, "0.0.0.0", 0), config.management());
        assertEquals(0, config.store().retentionDays());
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        InvalidConfigException e = fails("management: { enabled: maybe, port: 70000, bind: x }\n"
                + "store: { retentionDays: -1 }\n" + ENDPOINT);
        String message = e.getMessage();
        assertTrue(message.contains("management.enabled: must be true or false"), message);
        assertTrue(message.contains("management.port: must be between 0 and 65535"), message);
        assertTrue(message.contains("management.bind: is not a known key"), message);
        assertTrue(message.contains("store.retentionDays: must be between 0 and 36500"), message);
    }

    @Test
    void theInspectionLoaderToleratesSecretsTheShellDoesNotHaveButNotAStorePathReference() throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, ENDPOINT);
        HookyardConfig config = ConfigLoader.forInspection(home, name -> null).load(file);
        assertEquals("least", config.endpoints().get(0).name());
        assertFalse(config.endpoints().get(0).secrets().isEmpty());

        Files.writeString(file, "store: { path: \"${env:DATA_DIR}\" }\n" + ENDPOINT);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ConfigLoader.forInspection(home, name -> null).load(file));
        assertTrue(e.getMessage().contains("store.path"), e.getMessage());
        assertFalse(e.getMessage().contains("LEAST_SECRET"), "the endpoint secret is tolerated");
    }
}
