package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Verification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_BODY;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_KEY;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.delivery;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeafLinkSignerTest {

    private final Signer signer = vendor().signer();

    private Map<String, String> sign(String body, String key) {
        return signer.sign(body.getBytes(StandardCharsets.UTF_8), Secret.of(key));
    }

    @Test
    void specTestVectorSignsExactly() {
        assertEquals(Map.of("LL-Signature", SPEC_SIGNATURE), sign(SPEC_BODY, SPEC_KEY));
    }

    @Test
    void signatureIsPaddedStandardBase64OfThirtyTwoBytesOnOneLine() {
        for (int n = 0; n < 200; n++) {
            String value = sign("{\"action\":\"edit\",\"type\":\"order\",\"data\":{\"id\":" + n + "}}", "k")
                    .get("LL-Signature");
            assertEquals(44, value.length(), value);
            assertTrue(value.endsWith("=") && !value.endsWith("=="), value);
            assertTrue(value.matches("[A-Za-z0-9+/]{43}="), value);
            assertEquals(32, Base64.getDecoder().decode(value).length);
        }
    }

    @Test
    void whatTheSignerProducesTheVerifierAccepts() {
        String body = "{\"action\":\"delete\",\"type\":\"product\",\"data\":{\"id\":\"30551\"}}";
        String value = sign(body, "company-key").get("LL-Signature");
        assertInstanceOf(Verification.Verified.class,
                vendor("company-key").verifier().verify(delivery(body, "Ll-Signature", value)));
    }
}
