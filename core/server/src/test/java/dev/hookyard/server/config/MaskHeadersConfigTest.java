package dev.hookyard.server.config;

import static dev.hookyard.server.testing.ConfigFiles.problemAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.ConfigFiles;
import dev.hookyard.spi.CredentialHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.maskHeaders}: patterns added to the built-in credential header rule. */
class MaskHeadersConfigTest {

    private static final String ENDPOINT = "endpoints:\n  least: { vendor: least, secrets: [\"${env:S}\"] }\n";

    @TempDir
    Path home;

    private ConfigFiles files() {
        return new ConfigFiles(home, Map.of("S", "secret-value-1", "TENANT_HEADER", "x-tenant-id"));
    }

    @Test
    void withoutTheKeyTheBuiltInRuleApplies() throws Exception {
        assertEquals(CredentialHeaders.DEFAULT, files().load(ENDPOINT).server().credentialHeaders());
    }

    @Test
    void listedPatternsAreAddedToTheBuiltInOnes() throws Exception {
        CredentialHeaders rule = files().load("server: { maskHeaders: [\"X-Tenant-*\", \"${env:TENANT_HEADER}\","
                + " x_internal] }\n" + ENDPOINT).server().credentialHeaders();

        assertEquals(CredentialHeaders.DEFAULT.withPatterns(List.of("x-tenant-*", "x-tenant-id", "x-internal")), rule);
        assertTrue(rule.isCredential("X-Internal"));
        assertTrue(rule.isCredential("X-Api-Key"));
        assertFalse(rule.isCredential("X-Request-Id"));
    }

    @Test
    void somethingThatCannotBeAHeaderNameIsAProblemNamingItsPlace() throws Exception {
        InvalidConfigException e = files().loadFails("server: { maskHeaders: [\"x-ok\", \"x tenant\"] }\n" + ENDPOINT);

        ConfigProblem problem = problemAt(e, "server.maskHeaders[1]").orElseThrow(() -> new AssertionError(
                e.getMessage()));
        assertEquals("is not a header name pattern", problem.problem());
        assertFalse(problemAt(e, "server.maskHeaders[0]").isPresent(), e.getMessage());
    }
}
