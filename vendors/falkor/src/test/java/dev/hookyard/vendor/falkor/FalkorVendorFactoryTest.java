package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_BODY;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_SECRET;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.falkor.FalkorVendors.assertRejected;
import static dev.hookyard.vendor.falkor.FalkorVendors.delivery;
import static dev.hookyard.vendor.falkor.FalkorVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

class FalkorVendorFactoryTest {

    @Test
    void pluginIsFoundOnTheClassPathAndContributesTheFalkorVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("falkor"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("-Webhook-Signature"));
    }

    @Test
    void declaresPlatformAndStrictAsOptionalNonSecretOptions() {
        List<OptionSpec> options = new FalkorVendorFactory().options();
        assertEquals(List.of("platform", "strict"), options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ByteKast", "TrainiApp", "Falkor", "falkor", "Learn-Hub", "Acme_2.0", "X", "123"})
    void validPlatformNamesSelectTheirHeader(String platform) {
        Vendor vendor = vendor(Map.of("platform", platform), SPEC_SECRET);
        assertEquals(Verification.verified(platform + "-Webhook-Signature"),
                vendor.verifier().verify(delivery(SPEC_BODY, platform + "-Webhook-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void aNumericPlatformFromYamlIsTakenAsItsText() {
        Vendor vendor = vendor(Map.of("platform", 123), SPEC_SECRET);
        assertInstanceOf(Verification.Verified.class,
                vendor.verifier().verify(delivery(SPEC_BODY, "123-Webhook-Signature", SPEC_SIGNATURE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Byte Kast", " ByteKast", "ByteKast ", "Byte:Kast", "Byte/Kast", "Bytë",
            "-ByteKast", "ByteKast-", "Byte\r\nKast", "<Platform Name>", "ByteKast-Webhook-Signature",
            "bytekast-webhook-signature", "Falkor\u0000"})
    void invalidPlatformIsRejectedAtStartupNamingTheKey(String platform) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("platform", platform), SPEC_SECRET));
        assertEquals("platform", e.key());
        assertFalse(e.getMessage().contains(SPEC_SECRET));
    }

    @Test
    void tooLongOrStructuredPlatformIsRejected() {
        for (Object bad : List.of("P".repeat(SignatureHeaderName.MAX_PLATFORM_LENGTH + 1), List.of("ByteKast"),
                Map.of("name", "ByteKast"))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(Map.of("platform", bad), SPEC_SECRET));
            assertEquals("platform", e.key());
        }
        vendor(Map.of("platform", "P".repeat(SignatureHeaderName.MAX_PLATFORM_LENGTH)), SPEC_SECRET);
    }

    @Test
    void wholeHeaderNameAsPlatformGetsAFixThatSaysSo() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("platform", "ByteKast-Webhook-Signature"), SPEC_SECRET));
        assertTrue(e.fix().contains("before -Webhook-Signature"), e.fix());
    }

    @Test
    void badStrictFailsAtStartupNamingTheKey() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("strict", "yes"), SPEC_SECRET));
        assertEquals("strict", e.key());
    }

    @Test
    void eachEndpointGetsItsOwnKeyringAndPlatform() {
        FalkorVendorFactory factory = new FalkorVendorFactory();
        Vendor a = factory.create(VendorContexts.of("a", Keyring.of(SPEC_SECRET), Map.of()));
        Vendor b = factory.create(VendorContexts.of("b", Keyring.of("other"), Map.of()));
        Vendor c = factory.create(VendorContexts.of("c", Keyring.of(SPEC_SECRET), Map.of("platform", "ByteKast")));
        assertInstanceOf(Verification.Verified.class,
                a.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
        assertRejected(RejectionReason.MISMATCH,
                b.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
        assertRejected(RejectionReason.MISSING,
                c.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
    }
}
