package dev.hookyard.vendor.github;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.VendorFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubVendorFactoryTest {

    @Test
    void pluginIsFoundOnTheClassPathAndContributesTheGitHubVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("github"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("X-Hub-Signature-256"));
    }

    @Test
    void declaresAllowSha1AsAnOptionalNonSecretOption() {
        List<OptionSpec> options = new GitHubVendorFactory().options();
        assertEquals(List.of("allowSha1"), options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @Test
    void aValueOtherThanTrueOrFalseFailsAtStartupNamingTheKey() {
        for (Object bad : List.of("yes", "1", List.of(true))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> GitHubVendors.vendor(Map.of("allowSha1", bad), "secret"));
            assertEquals("allowSha1", e.key());
        }
    }
}
