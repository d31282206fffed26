package dev.hookyard.server.testing;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.least.LeastVendorFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/** The LEAST vendor as the real vendor of these tests: the SPEC.md test vector and genuinely signed deliveries. */
public final class LeastFixtures {

    /** SPEC.md's test vector. */
    public static final String SPEC_SECRET = "your-webhook-secret";
    public static final String SPEC_BODY = "{\"event\":\"record.created\",\"record_id\":42}";
    public static final String SPEC_SIGNATURE =
            "sha256=f644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607f";
    public static final String SIGNATURE_HEADER = "X-LEAST-Signature";

    private LeastFixtures() {
    }

    /** A LEAST vendor (channel any) with the SPEC secret. */
    public static Vendor vendor() {
        return new LeastVendorFactory().create(VendorContexts.withSecrets("least", SPEC_SECRET));
    }

    /** Deliveries signed with the SPEC secret, for endpoint {@code endpoint}. */
    public static SignedDeliveries signed(String endpoint) {
        return SignedDeliveries.of(vendor(), endpoint, Secret.of(SPEC_SECRET), Clock.systemUTC());
    }

    /** A signed {@code record.created} whose record id makes it distinct from every other. */
    public static Delivery recordCreated(String endpoint, long recordId) {
        return signed(endpoint).body("{\"event\":\"record.created\",\"record_id\":" + recordId + "}");
    }

    /** LEAST's delivery key: the SHA-256 of the raw body, in hex. */
    public static String keyOf(String body) {
        return keyOf(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String keyOf(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
