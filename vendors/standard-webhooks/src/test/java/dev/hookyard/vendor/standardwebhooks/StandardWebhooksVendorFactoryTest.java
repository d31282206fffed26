package dev.hookyard.vendor.standardwebhooks;

import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_CLOCK;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_SECRET;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_V1;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.specDelivery;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class StandardWebhooksVendorFactoryTest {

    @Test
    void pluginIsFoundByTheServiceLoaderAndContributesTheVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        assertInstanceOf(StandardWebhooksPlugin.class, plugins.get(0));
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("standard-webhooks"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("webhook-signature"));
    }

    @Test
    void moduleDescriptorProvidesThePluginAndExportsOnlyTheEvents() throws Exception {
        // Unit tests run on the class path, so read the compiled module-info the module path would use.
        Path classes = Path.of(StandardWebhooksPlugin.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        try (var in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor module = ModuleDescriptor.read(in);
            assertEquals("dev.hookyard.vendor.standardwebhooks", module.name());
            assertEquals(List.of("dev.hookyard.vendor.standardwebhooks.events"), module.exports().stream()
                    .map(ModuleDescriptor.Exports::source).toList());
            assertEquals(List.of(StandardWebhooksPlugin.class.getName()), module.provides().stream()
                    .filter(p -> p.service().equals(HookyardPlugin.class.getName())).findFirst().orElseThrow()
                    .providers());
            assertTrue(module.opens().isEmpty());
        }
    }

    @Test
    void declaresTheHeaderPrefixAndTheToleranceOptions() {
        List<OptionSpec> options = new StandardWebhooksVendorFactory().options();
        assertEquals(List.of("headerPrefix", "toleranceSeconds", "pastToleranceSeconds", "futureToleranceSeconds"),
                options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @Test
    void aBadHeaderPrefixFailsAtStartupNamingTheKey() {
        for (Object bad : List.of("Svix", "x", "webhook-", List.of("svix"))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(Map.of("headerPrefix", bad), SPEC_CLOCK, SPEC_SECRET));
            assertEquals("headerPrefix", e.key());
        }
    }

    @Test
    void allThreeTolerancesAtOnceFailAtStartupWithTheFix() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> vendor(Map.of(
                "toleranceSeconds", 300, "pastToleranceSeconds", 600, "futureToleranceSeconds", 60), SPEC_CLOCK,
                SPEC_SECRET));
        assertEquals("toleranceSeconds", e.key());
        assertEquals(InvalidOptionException.class, assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("pastToleranceSeconds", 0), SPEC_CLOCK, SPEC_SECRET)).getClass());
    }

    @Test
    void aSecretThatIsNoStandardWebhooksKeyFailsAtStartupNamingItsPlaceNotItsValue() {
        for (String bad : List.of("my plain secret", "whsec_%%%", "whsec_", "whpk_c2hvcnQ=",
                "whsk_dGhpcnR5LW9uZS1ieXRlcy1pcy1ub3QtYS1zZWVk", "whpk_")) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(Map.of(), SPEC_CLOCK, SPEC_SECRET, bad), bad);
            assertEquals("secrets", e.key());
            assertTrue(e.problem().startsWith("secret 2 of 2 "), e.problem());
            String value = bad.replaceFirst("^wh(sec|pk|sk)_", "");
            if (!value.isEmpty()) {
                assertFalse(e.getMessage().contains(value), e.getMessage());
            }
            assertTrue(e.fix().contains("whsec_"), e.fix());
        }
    }

    @Test
    void anEndpointWithoutSecretsIsBuiltButVerifiesNothing() {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class,
                vendor(Map.of(), SPEC_CLOCK).verifier().verify(specDelivery(SPEC_V1)));
        assertEquals(dev.hookyard.spi.RejectionReason.NO_ACTIVE_SECRET, rejected.reason());
    }
}
