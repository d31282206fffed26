package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory's options: what is accepted, and a key-naming error for everything else. No server needed. */
class AbsorbEnrichOptionsTest {

    @Test
    void thePluginIsFoundByTheServiceLoader() {
        List<String> types = ServiceLoader.load(HookyardPlugin.class).stream()
                .flatMap(provider -> provider.get().handlers().stream())
                .map(factory -> factory.type())
                .toList();
        assertTrue(types.contains("absorb-enrich"), types.toString());
    }

    @Test
    void credentialsAndTheForwardUrlAreMarkedSecret() {
        Map<String, Boolean> secret = new AbsorbEnrichHandlerFactory().options().stream()
                .collect(Collectors.toMap(OptionSpec::name, OptionSpec::secret));
        assertEquals(Map.of("baseUrl", false, "username", false, "password", true, "privateKey", true,
                "forwardUrl", true, "timeoutSeconds", false), secret);
    }

    @Test
    void aValidConfigurationIsAccepted() throws Exception {
        new AbsorbEnrichHandlerFactory().create(TestEvents.context(valid())).close();
    }

    @Test
    void everyConnectionOptionIsRequired() {
        for (String key : List.of("baseUrl", "username", "password", "privateKey", "forwardUrl")) {
            Map<String, Object> options = valid();
            options.remove(key);
            assertProblem(options, key);
            options.put(key, "  ");
            assertProblem(options, key);
        }
    }

    @Test
    void urlsMustBeHttpOrHttps() {
        assertProblem(valid("baseUrl", "rest.myabsorb.com"), "baseUrl");
        assertProblem(valid("baseUrl", "https://rest.myabsorb.com/?x=1"), "baseUrl");
        assertProblem(valid("forwardUrl", "mailto:ops@example.com"), "forwardUrl");
        assertProblem(valid("forwardUrl", "https://user:secret-pass@hooks.example.com/x"), "forwardUrl");
    }

    @Test
    void theTimeoutIsBounded() {
        assertProblem(valid("timeoutSeconds", 0), "timeoutSeconds");
        assertProblem(valid("timeoutSeconds", "ten"), "timeoutSeconds");
    }

    private static Map<String, Object> valid(Object... keysAndValues) {
        Map<String, Object> options = new HashMap<>(Map.of("baseUrl", "https://rest.myabsorb.com",
                "username", "api-admin", "password", "secret-pass", "privateKey", "secret-key",
                "forwardUrl", "https://hooks.zapier.com/hooks/catch/1/secret-path/"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return options;
    }

    private static void assertProblem(Map<String, ?> options, String key) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new AbsorbEnrichHandlerFactory().create(TestEvents.context(options)).close());
        assertEquals(key, e.key(), e.getMessage());
        for (String secret : List.of("secret-pass", "secret-key", "secret-path")) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }
}
