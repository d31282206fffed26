package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_BODY;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_SECRET;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.falkor.FalkorVendors.platformVendor;
import static dev.hookyard.vendor.falkor.FalkorVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

class FalkorSignerTest {

    private static final Secret SECRET = Secret.of(SPEC_SECRET);

    private static Map<String, String> sign(Signer signer, String body) {
        return signer.sign(body.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    @Test
    void specTestVectorSignsExactlyInFalkorsHeaderWhenUnconfigured() {
        assertEquals(Map.of("Falkor-Webhook-Signature", SPEC_SIGNATURE), sign(vendor().signer(), SPEC_BODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ByteKast", "TrainiApp", "Falkor", "bytekast", "Learn-Hub"})
    void specTestVectorSignsExactlyInTheConfiguredPlatformsHeader(String platform) {
        assertEquals(Map.of(platform + "-Webhook-Signature", SPEC_SIGNATURE),
                sign(platformVendor(platform).signer(), SPEC_BODY));
    }

    @Test
    void signatureIsSha256PrefixAndLowercaseHex() {
        String value = sign(vendor().signer(), "{\"type\":\"events\",\"data\":{}}").get("Falkor-Webhook-Signature");
        assertEquals(value.toLowerCase(Locale.ROOT), value);
        assertEquals("sha256=".length() + 64, value.length());
        assertEquals("sha256=", value.substring(0, 7));
    }

    @Test
    void whatTheSignerSignsTheVerifierOfTheSameEndpointAccepts() {
        for (Vendor vendor : new Vendor[] {vendor(SPEC_SECRET), platformVendor("TrainiApp", SPEC_SECRET)}) {
            SignedDeliveries signed = SignedDeliveries.of(vendor, "falkor", SECRET, VendorContexts.FIXED_INSTANT);
            assertInstanceOf(Verification.Verified.class, vendor.verifier().verify(signed.body(SPEC_BODY)));
            assertInstanceOf(Verification.Verified.class, vendor.verifier().verify(signed.body("not even json")));
        }
    }
}
