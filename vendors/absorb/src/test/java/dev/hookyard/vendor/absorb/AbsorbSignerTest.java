package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.hookyard.vendor.absorb.AbsorbVendors.BODY;
import static dev.hookyard.vendor.absorb.AbsorbVendors.HEX;
import static dev.hookyard.vendor.absorb.AbsorbVendors.SECRET;
import static dev.hookyard.vendor.absorb.AbsorbVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AbsorbSignerTest {

    private static Map<String, String> sign(String body, String secret) {
        return vendor().signer().sign(body.getBytes(StandardCharsets.UTF_8), Secret.of(secret));
    }

    @Test
    void signsTheTestVectorAsLowerCaseHexInAbsorbSignature() {
        assertEquals(Map.of("absorb-signature", HEX), sign(BODY, SECRET));
    }

    @Test
    void signsAnyBodyEvenOneThatIsNotJson() {
        assertEquals(64, sign("not json", SECRET).get("absorb-signature").length());
        assertEquals(64, sign("", SECRET).get("absorb-signature").length());
        assertNotEquals(sign("a", SECRET), sign("a", "other-secret"));
    }
}
