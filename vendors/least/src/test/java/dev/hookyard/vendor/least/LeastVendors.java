package dev.hookyard.vendor.least;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Vendor;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Shared fixtures of the LEAST tests: vendors built through the factory, as the host builds them. */
final class LeastVendors {

    static final String SPEC_SECRET = "your-webhook-secret";
    static final String SPEC_BODY = "{\"event\":\"record.created\",\"record_id\":42}";
    static final String SPEC_MAC = "f644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607f";
    static final String SPEC_SIGNATURE = "sha256=" + SPEC_MAC;

    private LeastVendors() {
    }

    static Vendor vendor(Map<String, ?> options, String... secrets) {
        return new LeastVendorFactory().create(VendorContexts.of("least", Keyring.of(secrets), options));
    }

    static Vendor vendor(String... secrets) {
        return vendor(Map.of(), secrets);
    }

    /** A delivery with hand-written headers, for cases a genuine signer would never produce. */
    static Delivery delivery(String body, Map<String, ? extends java.util.List<String>> headers) {
        return new Delivery("least", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    static Delivery delivery(String body, String header, String value) {
        return delivery(body, Map.of(header, java.util.List.of(value)));
    }
}
