package dev.hookyard.vendor.falkor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the Falkor tests: vendors built through the factory, as the host builds them. */
final class FalkorVendors {

    /** SPEC.md's Falkor test vector. */
    static final String SPEC_SECRET = "ff820d62b80b7c2789286f691b5e89bd";
    static final String SPEC_BODY = "{\"type\":\"rewards\",\"data\":{}}";
    static final String SPEC_MAC = "2e1da441c3fd893f48dde51f5707380299c79d43861cbe24a3b77374b1014450";
    static final String SPEC_SIGNATURE = "sha256=" + SPEC_MAC;

    private FalkorVendors() {
    }

    static Vendor vendor(Map<String, ?> options, String... secrets) {
        return new FalkorVendorFactory().create(VendorContexts.of("falkor", Keyring.of(secrets), options));
    }

    static Vendor vendor(String... secrets) {
        return vendor(Map.of(), secrets);
    }

    /** An endpoint configured for one white label. */
    static Vendor platformVendor(String platform, String... secrets) {
        return vendor(Map.of("platform", platform), secrets);
    }

    /** A delivery with hand-written headers, for cases a genuine signer would never produce. */
    static Delivery delivery(String body, Map<String, ? extends List<String>> headers) {
        return new Delivery("falkor", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    static Delivery delivery(String body, String header, String value) {
        return delivery(body, Map.of(header, List.of(value)));
    }

    static void assertRejected(RejectionReason reason, Verification result) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.detail());
    }
}
