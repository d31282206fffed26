package dev.hookyard.vendor.absorb;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Shared fixtures of the Absorb tests: vendors built through the factory, as the host builds them, and a test
 * vector. Absorb publishes none, so this one was computed outside Java, with
 * {@code printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" (-hex | -binary | base64)}.
 */
final class AbsorbVendors {

    static final String SECRET = "absorb-webhook-secret";
    static final String BODY = "{\"eventName\":\"User Created\",\"userId\":\"8b1d5c3e-0f7a-4e29-b6d4-71c2a9e5f380\","
            + "\"adminId\":\"c47a90e2-5b18-4d3f-8e61-0a9b2f7c4d15\",\"clientId\":\"3f0e2a91-6c4d-4b7e-9a15-2d8c7e41b0f6\","
            + "\"correlationId\":\"0c6b1f5e-2d43-4a8e-9f71-5e3a2b8c9d40\"}";
    static final String HEX = "1218e2d73db14fe4c29a1c60feb9b4e7f9c004704c30ae8bdaf1fac7d56680c7";
    static final String BASE64 = "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMc=";
    static final String BASE64URL = "Ehji1z2xT-TCmhxg_rm05_nABHBMMK6L2vH6x9VmgMc=";

    private AbsorbVendors() {
    }

    static Vendor vendor(Map<String, ?> options, String... secrets) {
        return new AbsorbVendorFactory().create(VendorContexts.of("absorb", Keyring.of(secrets), options));
    }

    static Vendor vendor(String... secrets) {
        return vendor(Map.of(), secrets);
    }

    /** A delivery with hand-written headers, for cases a genuine signer would never produce. */
    static Delivery delivery(String body, Map<String, ? extends List<String>> headers) {
        return new Delivery("absorb", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    static Delivery delivery(String body, String header, String value) {
        return delivery(body, Map.of(header, List.of(value)));
    }

    static Verification.Rejected assertRejected(RejectionReason reason, Verification result) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.detail());
        return rejected;
    }
}
