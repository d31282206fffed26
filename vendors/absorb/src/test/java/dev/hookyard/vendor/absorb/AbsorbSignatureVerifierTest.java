package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.hookyard.vendor.absorb.AbsorbVendors.BASE64;
import static dev.hookyard.vendor.absorb.AbsorbVendors.BASE64URL;
import static dev.hookyard.vendor.absorb.AbsorbVendors.BODY;
import static dev.hookyard.vendor.absorb.AbsorbVendors.HEX;
import static dev.hookyard.vendor.absorb.AbsorbVendors.SECRET;
import static dev.hookyard.vendor.absorb.AbsorbVendors.assertRejected;
import static dev.hookyard.vendor.absorb.AbsorbVendors.delivery;
import static dev.hookyard.vendor.absorb.AbsorbVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsorbSignatureVerifierTest {

    private final Vendor absorb = vendor(SECRET);

    private Verification verify(String header, String value) {
        return absorb.verifier().verify(delivery(BODY, header, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            HEX + "                                                  | absorb-signature hex",
            "sha256=" + HEX + "                                      | absorb-signature sha256=hex",
            BASE64 + "                                               | absorb-signature base64",
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMc             | absorb-signature base64",
            "sha256=" + BASE64 + "                                   | absorb-signature sha256=base64",
            BASE64URL + "                                            | absorb-signature base64url",
            "Ehji1z2xT-TCmhxg_rm05_nABHBMMK6L2vH6x9VmgMc             | absorb-signature base64url",
            "SHA256=Ehji1z2xT-TCmhxg_rm05_nABHBMMK6L2vH6x9VmgMc      | absorb-signature sha256=base64url"})
    void everyAcceptedFormVerifiesAndTheSchemeSaysWhichArrived(String value, String scheme) {
        assertEquals(Verification.verified(scheme), verify("absorb-signature", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1218E2D73DB14FE4C29A1C60FEB9B4E7F9C004704C30AE8BDAF1FAC7D56680C7",
            "1218e2d73db14fe4c29a1c60FEB9B4E7F9C004704c30ae8bdaf1fac7d56680c7",
            "Sha256=1218E2D73DB14FE4C29A1C60FEB9B4E7F9C004704C30AE8BDAF1FAC7D56680C7",
            "  sha256=" + HEX + " \t"})
    void hexAndPrefixInAnyCaseAndSurroundingWhitespaceAreAccepted(String value) {
        assertInstanceOf(Verification.Verified.class, verify("absorb-signature", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"absorb-signature", "Absorb-Signature", "ABSORB-SIGNATURE"})
    void documentedHeaderIsMatchedInAnyCase(String name) {
        assertEquals(Verification.verified("absorb-signature hex"), verify(name, HEX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Absorb-Signature", "x-absorb-signature", "X-ABSORB-SIGNATURE"})
    void fallbackHeaderVerifiesAndIsNamedInTheScheme(String name) {
        assertEquals(Verification.verified("X-Absorb-Signature base64"), verify(name, BASE64));
    }

    @Test
    void fallbackHeaderMustStillMatch() {
        assertRejected(RejectionReason.MISMATCH, verify("X-Absorb-Signature", "0".repeat(64)));
    }

    @Test
    void bothHeadersAreAmbiguousEvenIfBothAreValid() {
        Delivery both = delivery(BODY, Map.of("absorb-signature", List.of(HEX), "X-Absorb-Signature", List.of(HEX)));
        assertRejected(RejectionReason.AMBIGUOUS, absorb.verifier().verify(both));
    }

    @Test
    void aForgedHeaderBesideAGenuineOneIsAmbiguous() {
        Delivery both = delivery(BODY, Map.of("absorb-signature", List.of("0".repeat(64)),
                "X-Absorb-Signature", List.of(HEX)));
        assertRejected(RejectionReason.AMBIGUOUS, absorb.verifier().verify(both));
    }

    @Test
    void sameHeaderTwiceIsAmbiguous() {
        assertRejected(RejectionReason.AMBIGUOUS,
                absorb.verifier().verify(delivery(BODY, Map.of("absorb-signature", List.of(HEX, HEX)))));
        assertRejected(RejectionReason.AMBIGUOUS,
                absorb.verifier().verify(delivery(BODY, Map.of("X-Absorb-Signature", List.of(HEX, BASE64)))));
    }

    @Test
    void sameHeaderInTwoSpellingsIsAmbiguous() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("absorb-signature", List.of(HEX));
        headers.put("Absorb-Signature", List.of(HEX));
        assertRejected(RejectionReason.AMBIGUOUS, absorb.verifier().verify(delivery(BODY, headers)));
    }

    @Test
    void absentHeaderIsMissing() {
        assertRejected(RejectionReason.MISSING, absorb.verifier().verify(delivery(BODY, Map.of())));
        assertRejected(RejectionReason.MISSING, verify("X-Signature", HEX));
        assertRejected(RejectionReason.MISSING, verify("absorb-signature-256", HEX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t "})
    void emptyHeaderIsMissing(String value) {
        assertRejected(RejectionReason.MISSING, verify("absorb-signature", value));
        assertRejected(RejectionReason.MISSING, verify("X-Absorb-Signature", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1218e2d73db14fe4c29a1c60feb9b4e7f9c004704c30ae8bdaf1fac7d56680c",       // 63 hex digits
            HEX + "00",                                                               // 33 bytes of hex
            "g218e2d73db14fe4c29a1c60feb9b4e7f9c004704c30ae8bdaf1fac7d56680c7",      // not hex
            "\uFF11218e2d73db14fe4c29a1c60feb9b4e7f9c004704c30ae8bdaf1fac7d56680c7", // fullwidth digit
            "sha1=" + HEX,                                                            // other algorithm
            "sha256:" + HEX,                                                          // wrong separator
            "sha256= " + HEX,                                                         // space inside
            "sha256=sha256=" + HEX,                                                   // prefix twice
            "\u017Fha256=" + HEX,                                                     // long s is not s in ASCII
            "sha256=",                                                                // nothing after the prefix
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMd=",   // non-zero unused bits: same bytes, other text
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMf",    // same, unpadded
            "Ehji1z2xT-TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMc=",   // both alphabets mixed
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMc==",  // too much padding
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9Vmg=Mc",   // padding inside
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9Vmg",      // 31 bytes
            "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMcAAA=",// 34 bytes
            "Ehji1z2xT+TCmhxg /rm05/nABHBMMK6L2vH6x9VmgM",    // space inside
            "Ehji1z2xT+TCmhxg.rm05/nABHBMMK6L2vH6x9VmgMc=",   // not base64
            "t=1700000000,v1=" + HEX,                         // another vendor's scheme
            "Bearer " + HEX})
    void anythingElseIsMalformed(String value) {
        assertRejected(RejectionReason.MALFORMED, verify("absorb-signature", value));
    }

    @Test
    void wrongMacIsMismatchAndTheDetailNamesTheForm() {
        Verification.Rejected hex = assertRejected(RejectionReason.MISMATCH, verify("absorb-signature",
                "0".repeat(64)));
        assertTrue(hex.detail().contains("absorb-signature (hex)"), hex.detail());
        Verification.Rejected base64 = assertRejected(RejectionReason.MISMATCH, verify("absorb-signature",
                "sha256=" + "A".repeat(43) + "="));
        assertTrue(base64.detail().contains("(sha256=base64)"), base64.detail());
    }

    @Test
    void alteredBodyIsMismatch() {
        String altered = BODY.replace("User Created", "User created");
        assertRejected(RejectionReason.MISMATCH, absorb.verifier().verify(delivery(altered, "absorb-signature", HEX)));
    }

    @Test
    void wrongSecretIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, vendor("another-secret").verifier()
                .verify(delivery(BODY, "absorb-signature", HEX)));
    }

    /**
     * Absorb's "Test Webhook" button sends a random signature: it must be an ordinary mismatch (401), in whichever
     * form it comes, and the detail tells the operator why.
     */
    @Test
    void testWebhookButtonRandomSignatureIsMismatch() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            for (String value : List.of(HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                Verification.Rejected rejected = assertRejected(RejectionReason.MISMATCH,
                        verify("absorb-signature", value));
                assertTrue(rejected.detail().contains("Test Webhook"), rejected.detail());
            }
        }
    }

    @Test
    void emptyKeyringIsNoActiveSecret() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET,
                vendor().verifier().verify(delivery(BODY, "absorb-signature", HEX)));
    }

    @Test
    void rotationAcceptsEitherActiveSecretAndStopsAcceptingARetiredOne() {
        Vendor rotating = vendor("new-secret", "old-secret");
        Vendor retired = vendor("new-secret");
        Delivery withOld = SignedDeliveries.of(rotating, "absorb", Secret.of("old-secret"),
                VendorContexts.FIXED_INSTANT).sample("certificate-awarded");
        Delivery withNew = SignedDeliveries.of(rotating, "absorb", Secret.of("new-secret"),
                VendorContexts.FIXED_INSTANT).sample("certificate-awarded");

        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(withOld));
        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(withNew));
        assertInstanceOf(Verification.Verified.class, retired.verifier().verify(withNew));
        assertRejected(RejectionReason.MISMATCH, retired.verifier().verify(withOld));
    }

    @Test
    void rejectionDetailsNeverContainTheSecretTheExpectedMacOrThePresentedValue() {
        String presented = "ab".repeat(32);
        List<Delivery> rejected = List.of(
                delivery(BODY, Map.of()),
                delivery(BODY, "absorb-signature", presented),
                delivery(BODY, "absorb-signature", "sha256=" + presented),
                delivery(BODY, "absorb-signature", presented + "zz"),
                delivery(BODY, "absorb-signature", "Ehji1z2xT+TCmhxg/rm05/nABHBMMK6L2vH6x9VmgMd="),
                delivery(BODY, Map.of("absorb-signature", List.of(HEX), "X-Absorb-Signature", List.of(presented))),
                delivery(BODY, Map.of("absorb-signature", List.of(presented, HEX))));
        for (Delivery delivery : rejected) {
            Verification.Rejected result = assertInstanceOf(Verification.Rejected.class,
                    absorb.verifier().verify(delivery));
            String detail = result.detail().toLowerCase(Locale.ROOT);
            assertFalse(detail.contains(SECRET), detail);
            assertFalse(detail.contains(HEX.substring(0, 12)), detail);
            assertFalse(detail.contains(BASE64.substring(0, 12).toLowerCase(Locale.ROOT)), detail);
            assertFalse(detail.contains("abababab"), detail);
            assertFalse(detail.contains("vmgmd"), detail);
            assertFalse(result.detail().isBlank());
        }
    }

    @Test
    void neverThrowsOnGarbageHeaderValues() {
        List<String> nasty = new ArrayList<>(List.of(
                "", " ", "=", "==", "sha256", "sha256=", "sha256==", "SHA256=" + "x".repeat(64), "0".repeat(63),
                "0".repeat(65), "0".repeat(100_000), "A".repeat(43), "A".repeat(44), "=".repeat(44),
                "A".repeat(42) + "==", "\u0000", "\u0000".repeat(64), "\uD800".repeat(43), "\uDFFF" + "0".repeat(63),
                "é".repeat(64), "\uFF21".repeat(43), "-".repeat(43), "_".repeat(43) + "=", "+".repeat(43),
                "/".repeat(44), "sha256=" + "é".repeat(43), "🙂".repeat(22), "%00", "\r\n", "null",
                "sha256=" + "0".repeat(64) + "\u0000"));
        Vendor[] vendors = {absorb, vendor(), vendor("a", "b", "c")};
        for (Vendor vendor : vendors) {
            for (String value : nasty) {
                for (String body : List.of(BODY, "", "\u0000\u00ff")) {
                    Verification result = vendor.verifier().verify(delivery(body, "absorb-signature", value));
                    assertNotNull(result);
                    assertInstanceOf(Verification.Rejected.class, result, value);
                    result = vendor.verifier().verify(delivery(body, Map.of("X-Absorb-Signature", List.of(value))));
                    assertInstanceOf(Verification.Rejected.class, result, value);
                }
            }
        }
    }
}
