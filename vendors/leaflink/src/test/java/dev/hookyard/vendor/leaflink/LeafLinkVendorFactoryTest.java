package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static dev.hookyard.vendor.leaflink.LeafLinkSignatureVerifierTest.assertRejected;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_BODY;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_KEY;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.delivery;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeafLinkVendorFactoryTest {

    private static final Delivery SIGNED = delivery(SPEC_BODY, "Ll-Signature", SPEC_SIGNATURE);

    @Test
    void pluginIsFoundByTheServiceLoaderAndContributesTheLeafLinkVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        assertInstanceOf(LeafLinkPlugin.class, plugins.get(0));
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("leaflink"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("LL-Signature"));
    }

    @Test
    void moduleDescriptorProvidesThePluginAndExportsOnlyTheEvents() throws Exception {
        // Unit tests run on the class path, so read the compiled module-info the module path would use.
        java.nio.file.Path classes = java.nio.file.Path.of(
                LeafLinkPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(classes.resolve("module-info.class"))) {
            java.lang.module.ModuleDescriptor module = java.lang.module.ModuleDescriptor.read(in);
            assertEquals("dev.hookyard.vendor.leaflink", module.name());
            assertEquals(List.of("dev.hookyard.vendor.leaflink.events"), module.exports().stream()
                    .map(java.lang.module.ModuleDescriptor.Exports::source).toList());
            assertEquals(List.of(LeafLinkPlugin.class.getName()), module.provides().stream()
                    .filter(p -> p.service().equals(HookyardPlugin.class.getName())).findFirst().orElseThrow()
                    .providers());
            assertTrue(module.opens().isEmpty());
        }
    }

    @Test
    void declaresStrictAsTheOnlyOptionalNonSecretOption() {
        List<OptionSpec> options = new LeafLinkVendorFactory().options();
        assertEquals(List.of("strict"), options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @Test
    void strictAcceptsBooleansAndTheirText() {
        String unknown = "{\"action\":\"archive\",\"type\":\"order\"}";
        for (Object on : List.of(true, "true", "TRUE")) {
            assertInstanceOf(ParseResult.Malformed.class,
                    vendor(Map.of("strict", on), SPEC_KEY).parser().parse(delivery(unknown, Map.of())));
        }
        for (Object off : List.of(false, "false")) {
            assertInstanceOf(ParseResult.Parsed.class,
                    vendor(Map.of("strict", off), SPEC_KEY).parser().parse(delivery(unknown, Map.of())));
        }
    }

    @Test
    void badStrictFailsAtStartupNamingTheKey() {
        for (Object bad : List.of("yes", "1", List.of(true), Map.of("a", 1))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(Map.of("strict", bad), SPEC_KEY));
            assertEquals("strict", e.key());
        }
    }

    @Test
    void anEndpointWithoutAKeyIsBuiltButVerifiesNothing() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET, vendor().verifier().verify(SIGNED));
    }

    @Test
    void eachEndpointGetsItsOwnKeyring() {
        LeafLinkVendorFactory factory = new LeafLinkVendorFactory();
        Vendor a = factory.create(VendorContexts.of("a", Keyring.of(SPEC_KEY), Map.of()));
        Vendor b = factory.create(VendorContexts.of("b", Keyring.of("another key"), Map.of()));
        assertInstanceOf(Verification.Verified.class, a.verifier().verify(SIGNED));
        assertRejected(RejectionReason.MISMATCH, b.verifier().verify(SIGNED));
    }
}
