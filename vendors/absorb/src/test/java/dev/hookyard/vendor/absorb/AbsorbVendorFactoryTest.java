package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static dev.hookyard.vendor.absorb.AbsorbVendors.BODY;
import static dev.hookyard.vendor.absorb.AbsorbVendors.HEX;
import static dev.hookyard.vendor.absorb.AbsorbVendors.SECRET;
import static dev.hookyard.vendor.absorb.AbsorbVendors.assertRejected;
import static dev.hookyard.vendor.absorb.AbsorbVendors.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsorbVendorFactoryTest {

    @Test
    void pluginIsFoundOnTheClassPathAndContributesTheAbsorbVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("absorb"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("absorb-signature"));
    }

    @Test
    void declaresStrictAsTheOnlyOptionalNonSecretOption() {
        List<OptionSpec> options = new AbsorbVendorFactory().options();
        assertEquals(List.of("strict"), options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @Test
    void strictAcceptsBooleansAndTheirText() {
        for (Object value : List.of(true, false, "true", "FALSE")) {
            AbsorbVendors.vendor(Map.of("strict", value), SECRET);
        }
    }

    @Test
    void badStrictFailsAtStartupNamingTheKey() {
        for (Object bad : List.of("yes", 1, List.of(true))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> AbsorbVendors.vendor(Map.of("strict", bad), SECRET));
            assertEquals("strict", e.key());
        }
    }

    @Test
    void eachEndpointGetsItsOwnKeyring() {
        AbsorbVendorFactory factory = new AbsorbVendorFactory();
        Vendor a = factory.create(VendorContexts.of("a", Keyring.of(SECRET), Map.of()));
        Vendor b = factory.create(VendorContexts.of("b", Keyring.of("other"), Map.of()));
        assertInstanceOf(Verification.Verified.class, a.verifier().verify(delivery(BODY, "absorb-signature", HEX)));
        assertRejected(RejectionReason.MISMATCH, b.verifier().verify(delivery(BODY, "absorb-signature", HEX)));
    }
}
