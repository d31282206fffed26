package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_BODY;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_HEX;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_KEY;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.delivery;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeafLinkSignatureVerifierTest {

    private static final String UNPADDED = SPEC_SIGNATURE.substring(0, SPEC_SIGNATURE.length() - 1);

    private final Vendor leaflink = vendor(SPEC_KEY);

    private Verification verify(String header, String value) {
        return leaflink.verifier().verify(delivery(SPEC_BODY, header, value));
    }

    @Test
    void specTestVectorVerifies() {
        assertEquals(Verification.verified("LL-Signature"), verify("LL-Signature", SPEC_SIGNATURE));
    }

    @Test
    void specTestVectorIsTheDocumentedMacInHexToo() {
        assertArrayEquals(HexFormat.of().parseHex(SPEC_HEX), Base64.getDecoder().decode(SPEC_SIGNATURE));
    }

    @Test
    void specTestVectorVerifiesButItsBodyIsNotTheEnvelope() {
        Delivery delivery = delivery(SPEC_BODY, "LL-Signature", SPEC_SIGNATURE);
        assertInstanceOf(Verification.Verified.class, leaflink.verifier().verify(delivery));
        ParseResult.Malformed malformed = assertInstanceOf(ParseResult.Malformed.class,
                leaflink.parser().parse(delivery));
        assertEquals("type is missing", malformed.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ll-Signature", "ll-signature", "LL-SIGNATURE", "lL-sIgNaTuRe"})
    void headerNameIsMatchedInAnyCase(String name) {
        assertEquals(Verification.verified("LL-Signature"), verify(name, SPEC_SIGNATURE));
    }

    @Test
    void missingPaddingIsAccepted() {
        assertInstanceOf(Verification.Verified.class, verify("LL-Signature", UNPADDED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            SPEC_SIGNATURE + "\n",                      // Ruby's Base64.encode64
            SPEC_SIGNATURE + "\r\n",
            "  " + SPEC_SIGNATURE + " \t",
            "\tVGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s\n"})
    void surroundingWhitespaceIsTrimmed(String value) {
        assertInstanceOf(Verification.Verified.class, verify("LL-Signature", value));
    }

    @Test
    void rubyEncode64OutputOfTheSpecVectorVerifies() {
        String ruby = Base64.getMimeEncoder().encodeToString(HexFormat.of().parseHex(SPEC_HEX)) + "\n";
        assertEquals(SPEC_SIGNATURE + "\n", ruby);
        assertInstanceOf(Verification.Verified.class, verify("Ll-Signature", ruby));
    }

    @ParameterizedTest
    @ValueSource(chars = {'t', 'u', 'v'})
    void nonCanonicalLastCharacterIsMalformedThoughALenientDecoderWouldAcceptIt(char last) {
        String respelled = SPEC_SIGNATURE.substring(0, 42) + last + "=";
        // java.util.Base64 ignores the unused low bits: the respelled value decodes to the genuine MAC ...
        assertArrayEquals(Base64.getDecoder().decode(SPEC_SIGNATURE), Base64.getDecoder().decode(respelled));
        // ... but accepting it would make signatures malleable.
        assertRejected(RejectionReason.MALFORMED, verify("LL-Signature", respelled));
        assertRejected(RejectionReason.MALFORMED, verify("LL-Signature", respelled.substring(0, 43)));
    }

    @Test
    void base64UrlAlphabetIsMalformed() {
        Vendor vendor = vendor("url-alphabet-key");
        Delivery genuine = firstSignedWithPlusOrSlash(vendor, "url-alphabet-key");
        String standard = genuine.headers().first("LL-Signature").orElseThrow();
        String url = standard.replace('+', '-').replace('/', '_');
        assertInstanceOf(Verification.Verified.class, vendor.verifier().verify(genuine));
        assertRejected(RejectionReason.MALFORMED, vendor.verifier().verify(
                new Delivery("leaflink", dev.hookyard.spi.Headers.ofSingle(Map.of("LL-Signature", url)),
                        genuine.body(), genuine.receivedAt())));
    }

    @Test
    void truncatedMacsAreRejected() {
        // Only the optional padding may go: every real cut of the MAC's 43 characters is rejected.
        for (int length = 0; length < 43; length++) {
            Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class,
                    verify("LL-Signature", SPEC_SIGNATURE.substring(0, length)), "cut to " + length);
            assertEquals(length == 0 ? RejectionReason.MISSING : RejectionReason.MALFORMED, rejected.reason());
            assertRejected(RejectionReason.MALFORMED, verify("LL-Signature", SPEC_SIGNATURE.substring(0, length)
                    + "="));
        }
    }

    @Test
    void thirtyOneAndThirtyThreeByteValuesAreMalformed() {
        byte[] mac = HexFormat.of().parseHex(SPEC_HEX);
        Base64.Encoder encoder = Base64.getEncoder();
        for (byte[] wrongLength : List.of(Arrays.copyOf(mac, 31), Arrays.copyOf(mac, 33), new byte[0], new byte[64])) {
            String padded = encoder.encodeToString(wrongLength);
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(wrongLength);
            assertRejected(wrongLength.length == 0 ? RejectionReason.MISSING : RejectionReason.MALFORMED,
                    verify("LL-Signature", padded));
            assertRejected(wrongLength.length == 0 ? RejectionReason.MISSING : RejectionReason.MALFORMED,
                    verify("LL-Signature", unpadded));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "VGMl5PPB6743s97TjQTn fqM5eUdmVClvdVmPH7JZU7s=",     // space inside
            "VGMl5PPB6743s97TjQTn\nfqM5eUdmVClvdVmPH7JZU7s=",    // line break inside
            "VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s==",     // too much padding
            "VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s=A",     // data after padding
            "VGMl5PPB6743s97TjQTnfqM5eUdm=ClvdVmPH7JZU7s",       // padding inside
            "sha256=VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s=", // a prefix LeafLink never sends
            "546325e4f3c1ebbe37b3ded38d04e77ea33979476654296f75598f1fb25953bb", // hex
            "VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7\u0455=",  // Cyrillic dze looks like s
            "VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s\uFF1D", // fullwidth equals sign
            "VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s=\u0000", // NUL is not whitespace
            "=",
            "===="})
    void nonCanonicalOrForeignValuesAreMalformed(String value) {
        assertRejected(RejectionReason.MALFORMED, verify("LL-Signature", value));
    }

    @Test
    void absentHeaderIsMissing() {
        assertRejected(RejectionReason.MISSING, leaflink.verifier().verify(delivery(SPEC_BODY, Map.of())));
        assertRejected(RejectionReason.MISSING, verify("X-LL-Signature", SPEC_SIGNATURE));
        assertRejected(RejectionReason.MISSING, verify("Signature", SPEC_SIGNATURE));
    }

    @Test
    void anUnsignedDeliveryIsRejectedWhenTheEndpointHasAKey() {
        // LeafLink sends unsigned webhooks until a company webhook key is generated; Hookyard never accepts them.
        Delivery unsigned = delivery("{\"action\":\"create\",\"type\":\"order\",\"data\":{\"id\":1}}",
                Map.of("Content-Type", List.of("application/json")));
        assertRejected(RejectionReason.MISSING, leaflink.verifier().verify(unsigned));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\r\n", "\n"})
    void emptyHeaderIsMissing(String value) {
        assertRejected(RejectionReason.MISSING, verify("LL-Signature", value));
    }

    @Test
    void sameHeaderTwiceIsAmbiguousEvenIfBothAreValid() {
        assertRejected(RejectionReason.AMBIGUOUS, leaflink.verifier().verify(
                delivery(SPEC_BODY, Map.of("LL-Signature", List.of(SPEC_SIGNATURE, SPEC_SIGNATURE)))));
    }

    @Test
    void sameHeaderInTwoSpellingsIsAmbiguous() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("LL-Signature", List.of(SPEC_SIGNATURE));
        headers.put("ll-signature", List.of(UNPADDED));
        assertRejected(RejectionReason.AMBIGUOUS, leaflink.verifier().verify(delivery(SPEC_BODY, headers)));
    }

    @Test
    void wrongMacIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, verify("LL-Signature", "A".repeat(43) + "="));
    }

    @Test
    void alteredBodyIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, leaflink.verifier().verify(
                delivery("{\"foo\":\"bar\"}", "LL-Signature", SPEC_SIGNATURE)));
        assertRejected(RejectionReason.MISMATCH, leaflink.verifier().verify(
                delivery(SPEC_BODY + "\n", "LL-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void wrongKeyIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, vendor("webhook key ").verifier()
                .verify(delivery(SPEC_BODY, "LL-Signature", SPEC_SIGNATURE)));
        assertRejected(RejectionReason.MISMATCH, vendor("Webhook key").verifier()
                .verify(delivery(SPEC_BODY, "LL-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void endpointWithoutAKeyIsNoActiveSecretWhetherSignedOrNot() {
        Vendor keyless = vendor();
        assertRejected(RejectionReason.NO_ACTIVE_SECRET,
                keyless.verifier().verify(delivery(SPEC_BODY, "LL-Signature", SPEC_SIGNATURE)));
        assertRejected(RejectionReason.NO_ACTIVE_SECRET, keyless.verifier().verify(delivery(SPEC_BODY, Map.of())));
    }

    @Test
    void regeneratedKeyRotation() {
        Vendor old = vendor("old-company-key");
        Vendor next = vendor("new-company-key");
        Vendor gracePeriod = vendor("new-company-key", "old-company-key");
        Delivery signedWithOld = SignedDeliveries.of(old, "leaflink", Secret.of("old-company-key"),
                VendorContexts.FIXED_INSTANT).sample("order.create");
        Delivery signedWithNew = SignedDeliveries.of(next, "leaflink", Secret.of("new-company-key"),
                VendorContexts.FIXED_INSTANT).sample("order.create");

        assertInstanceOf(Verification.Verified.class, gracePeriod.verifier().verify(signedWithOld));
        assertInstanceOf(Verification.Verified.class, gracePeriod.verifier().verify(signedWithNew));
        assertInstanceOf(Verification.Verified.class, next.verifier().verify(signedWithNew));
        assertRejected(RejectionReason.MISMATCH, next.verifier().verify(signedWithOld));
    }

    @Test
    void rejectionDetailsNeverContainTheKeyTheExpectedOrThePresentedValue() {
        String presented = "A".repeat(43) + "=";
        List<Delivery> rejected = List.of(
                delivery(SPEC_BODY, Map.of()),
                delivery(SPEC_BODY, "LL-Signature", presented),
                delivery(SPEC_BODY, "LL-Signature", SPEC_SIGNATURE.substring(0, 42) + "t="),
                delivery(SPEC_BODY, "LL-Signature", "not base64 at all"),
                delivery(SPEC_BODY, Map.of("LL-Signature", List.of(presented, SPEC_SIGNATURE))));
        for (Vendor vendor : List.of(leaflink, vendor())) {
            for (Delivery delivery : rejected) {
                Verification.Rejected result = assertInstanceOf(Verification.Rejected.class,
                        vendor.verifier().verify(delivery));
                String detail = result.detail();
                assertFalse(detail.isBlank());
                for (String forbidden : List.of(SPEC_KEY, SPEC_SIGNATURE.substring(0, 12), SPEC_HEX.substring(0, 12),
                        presented.substring(0, 12), "not base64")) {
                    assertFalse(detail.contains(forbidden), detail);
                }
            }
        }
    }

    @Test
    void neverThrowsOnGarbageHeaderValuesOrBodies() {
        List<String> nasty = new ArrayList<>(List.of(
                "", " ", "=", "==", "A", "AA==", "\u0000", "\uD800", "\uDFFF" + UNPADDED, "é".repeat(43) + "=",
                "\uFF21".repeat(44), "-".repeat(43), "_".repeat(44), "+".repeat(43), "/".repeat(44),
                "A".repeat(100_000), "=".repeat(44), "\r\n\r\n", "null", "%2B", "🙂".repeat(22), "Basic abc",
                SPEC_SIGNATURE.toLowerCase(java.util.Locale.ROOT), SPEC_SIGNATURE + SPEC_SIGNATURE));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            char[] chars = new char[random.nextInt(50)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0x3000);
            }
            nasty.add(new String(chars));
        }
        for (Vendor vendor : List.of(leaflink, vendor(), vendor("a", "b", "c"))) {
            for (String value : nasty) {
                for (String body : List.of(SPEC_BODY, "", "\u0000\u00ff")) {
                    Verification result = vendor.verifier().verify(delivery(body, "LL-Signature", value));
                    assertNotNull(result);
                    assertInstanceOf(Verification.Rejected.class, result, value);
                }
            }
        }
    }

    /** A genuine delivery whose signature has a {@code +} or a {@code /}, the characters base64url replaces. */
    private static Delivery firstSignedWithPlusOrSlash(Vendor vendor, String key) {
        SignedDeliveries signed = SignedDeliveries.of(vendor, "leaflink", Secret.of(key), VendorContexts.FIXED_INSTANT);
        for (int n = 0; n < 1000; n++) {
            Delivery delivery = signed.body(("{\"action\":\"edit\",\"type\":\"product\",\"data\":{\"id\":" + n + "}}")
                    .getBytes(StandardCharsets.UTF_8));
            String value = delivery.headers().first("LL-Signature").orElseThrow();
            if (value.indexOf('+') >= 0 || value.indexOf('/') >= 0) {
                return delivery;
            }
        }
        throw new AssertionError("no signature with + or / in 1000 bodies");
    }

    static void assertRejected(RejectionReason reason, Verification result) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.detail());
        assertTrue(rejected.detail().contains("LL-Signature") || reason == RejectionReason.NO_ACTIVE_SECRET,
                rejected.detail());
    }
}
