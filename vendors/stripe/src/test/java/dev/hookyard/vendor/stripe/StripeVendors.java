package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Vendor;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Shared fixtures of the Stripe tests: a test vector and vendors built through the factory.
 *
 * <p>Stripe publishes no secret with a matching body and signature, so the vector was computed independently of this
 * module, with OpenSSL:
 * {@code printf '%s' "1735689600.$BODY" | openssl dgst -sha256 -hmac 'whsec_test_hookyard_vector'}. Its timestamp,
 * 2025-01-01T00:00:00Z, is the test kit's fixed clock.
 */
final class StripeVendors {

    static final String VECTOR_SECRET = "whsec_test_hookyard_vector";
    static final String VECTOR_TIMESTAMP = "1735689600";
    static final String VECTOR_BODY = "{\"id\":\"evt_test_hookyard_vector\",\"object\":\"event\",\"api_version\":"
            + "\"2024-06-20\",\"created\":1735689600,\"data\":{\"object\":{\"id\":\"cus_test_hookyard\",\"object\":"
            + "\"customer\",\"email\":\"jenny.rosen@example.com\",\"name\":\"Jenny Rosen\"}},\"livemode\":false,"
            + "\"type\":\"customer.created\"}";
    static final String VECTOR_V1 = "f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35";
    static final String VECTOR_HEADER = "t=" + VECTOR_TIMESTAMP + ",v1=" + VECTOR_V1;

    private StripeVendors() {
    }

    static Vendor vendor(Map<String, ?> options, Clock clock, String... secrets) {
        return new StripeVendorFactory().create(VendorContexts.of("stripe", Keyring.of(secrets), options, clock));
    }

    /** A vendor on the test kit's fixed clock (the vector's time), with default options. */
    static Vendor vendor(String... secrets) {
        return vendor(Map.of(), VendorContexts.FIXED_CLOCK, secrets);
    }

    static Delivery delivery(String body, Map<String, List<String>> headers) {
        return new Delivery("stripe", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    /** {@code body} with one {@code Stripe-Signature: value}. */
    static Delivery signed(String body, String value) {
        return delivery(body, Map.of("Stripe-Signature", List.of(value)));
    }
}
