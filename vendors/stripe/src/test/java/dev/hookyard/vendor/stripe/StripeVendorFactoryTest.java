package dev.hookyard.vendor.stripe;

import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_SECRET;
import static dev.hookyard.vendor.stripe.StripeVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.VendorFactory;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class StripeVendorFactoryTest {

    @Test
    void pluginIsFoundByTheServiceLoaderAndContributesTheStripeVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        assertInstanceOf(StripePlugin.class, plugins.get(0));
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("stripe"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("Stripe-Signature"));
    }

    @Test
    void moduleDescriptorProvidesThePluginAndExportsOnlyTheEvents() throws Exception {
        // Unit tests run on the class path, so read the compiled module-info the module path would use.
        Path classes = Path.of(StripePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (var in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor module = ModuleDescriptor.read(in);
            assertEquals("dev.hookyard.vendor.stripe", module.name());
            assertEquals(List.of("dev.hookyard.vendor.stripe.events"), module.exports().stream()
                    .map(ModuleDescriptor.Exports::source).toList());
            assertEquals(List.of(StripePlugin.class.getName()), module.provides().stream()
                    .filter(p -> p.service().equals(HookyardPlugin.class.getName())).findFirst().orElseThrow()
                    .providers());
            assertTrue(module.opens().isEmpty());
        }
    }

    @Test
    void declaresTheToleranceOptionsOnly() {
        List<OptionSpec> options = new StripeVendorFactory().options();
        assertEquals(List.of("toleranceSeconds", "pastToleranceSeconds", "futureToleranceSeconds"),
                options.stream().map(OptionSpec::name).toList());
        assertTrue(options.get(0).description().contains("default 300"), options.get(0).description());
    }

    @Test
    void aSecretThatIsNoSigningSecretFailsAtStartupWithoutQuotingIt() {
        for (String bad : List.of("sk_live_51Habc", "rk_test_xyz", "my webhook secret", "WHSEC_abc")) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(VECTOR_SECRET, bad), bad);
            assertEquals("secrets", e.key());
            assertTrue(e.problem().startsWith("secret 2 of 2 does not start with whsec_"), e.problem());
            assertTrue(e.fix().contains("Signing secret"), e.fix());
            assertFalse(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void badTolerancesFailAtStartupNamingTheKey() {
        assertEquals("toleranceSeconds", assertThrows(InvalidOptionException.class, () -> vendor(Map.of(
                "toleranceSeconds", 1, "pastToleranceSeconds", 2, "futureToleranceSeconds", 3),
                dev.hookyard.testkit.VendorContexts.FIXED_CLOCK, VECTOR_SECRET)).key());
        assertEquals("pastToleranceSeconds", assertThrows(InvalidOptionException.class, () -> vendor(Map.of(
                "pastToleranceSeconds", 86_401), dev.hookyard.testkit.VendorContexts.FIXED_CLOCK, VECTOR_SECRET))
                .key());
    }
}
