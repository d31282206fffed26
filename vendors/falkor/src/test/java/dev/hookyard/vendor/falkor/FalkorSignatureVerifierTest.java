package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_BODY;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_MAC;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_SECRET;
import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.falkor.FalkorVendors.assertRejected;
import static dev.hookyard.vendor.falkor.FalkorVendors.delivery;
import static dev.hookyard.vendor.falkor.FalkorVendors.platformVendor;
import static dev.hookyard.vendor.falkor.FalkorVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

class FalkorSignatureVerifierTest {

    /** The spec's MAC without its first hex digit, and without its first two. */
    private static final String MAC_63 = "e1da441c3fd893f48dde51f5707380299c79d43861cbe24a3b77374b1014450";
    private static final String MAC_62 = "1da441c3fd893f48dde51f5707380299c79d43861cbe24a3b77374b1014450";

    private final Vendor unconfigured = vendor(SPEC_SECRET);
    private final Vendor byteKast = platformVendor("ByteKast", SPEC_SECRET);

    @Test
    void specTestVectorVerifies() {
        assertEquals(Verification.verified("Falkor-Webhook-Signature"), unconfigured.verifier()
                .verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
        assertEquals(Verification.verified("ByteKast-Webhook-Signature"), byteKast.verifier()
                .verify(delivery(SPEC_BODY, "ByteKast-Webhook-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void specTestVectorVerifiesWithoutThePrefix() {
        // The doc's PHP sample would read an undefined index here and turn a genuine delivery away.
        assertInstanceOf(Verification.Verified.class,
                unconfigured.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_MAC)));
        assertInstanceOf(Verification.Verified.class,
                byteKast.verifier().verify(delivery(SPEC_BODY, "ByteKast-Webhook-Signature", " " + SPEC_MAC)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SHA256=" + SPEC_MAC,
            "Sha256=" + SPEC_MAC,
            "sha256=2E1DA441C3FD893F48DDE51F5707380299C79D43861CBE24A3B77374B1014450",
            "2E1DA441C3FD893F48DDE51F5707380299C79D43861CBE24A3B77374B1014450",
            "SHA256=2e1da441c3fd893f48dde51f5707380299c79d43861cbe24a3b77374b1014450",
            "  sha256=" + SPEC_MAC + " \t",
            "\t" + SPEC_MAC + "\r\n"})
    void prefixAndHexInAnyCaseAndSurroundingWhitespaceAreAccepted(String value) {
        assertInstanceOf(Verification.Verified.class,
                unconfigured.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"falkor-webhook-signature", "FALKOR-WEBHOOK-SIGNATURE", "Falkor-webhook-signature"})
    void headerNameIsMatchedInAnyCaseOnAnUnconfiguredEndpoint(String name) {
        assertEquals(Verification.verified(name),
                unconfigured.verifier().verify(delivery(SPEC_BODY, name, SPEC_SIGNATURE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytekast-webhook-signature", "BYTEKAST-WEBHOOK-SIGNATURE", "Bytekast-Webhook-Signature"})
    void headerNameIsMatchedInAnyCaseOnAConfiguredEndpointAndReportedAsConfigured(String name) {
        assertEquals(Verification.verified("ByteKast-Webhook-Signature"),
                byteKast.verifier().verify(delivery(SPEC_BODY, name, SPEC_SIGNATURE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TrainiApp-Webhook-Signature", "ByteKast-Webhook-Signature", "Falkor-Webhook-Signature",
            "Learn-Hub-Webhook-Signature", "Acme_2.0-Webhook-Signature", "X1-Webhook-Signature"})
    void unconfiguredEndpointAcceptsAnyOnePlatformsHeader(String name) {
        assertEquals(Verification.verified(name),
                unconfigured.verifier().verify(delivery(SPEC_BODY, name, SPEC_SIGNATURE)));
    }

    @Test
    void unconfiguredEndpointRejectsTwoDifferentPlatformHeadersAsAmbiguousEvenIfBothAreValid() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Falkor-Webhook-Signature", List.of(SPEC_SIGNATURE));
        headers.put("TrainiApp-Webhook-Signature", List.of(SPEC_SIGNATURE));
        Verification result = unconfigured.verifier().verify(delivery(SPEC_BODY, headers));
        assertRejected(RejectionReason.AMBIGUOUS, result);
        String detail = ((Verification.Rejected) result).detail();
        assertEquals("2 signature headers (Falkor-Webhook-Signature, TrainiApp-Webhook-Signature); exactly one is"
                + " allowed", detail);
    }

    @Test
    void oneHeaderSentTwiceIsAmbiguous() {
        Delivery twice = delivery(SPEC_BODY, Map.of("Falkor-Webhook-Signature", List.of(SPEC_SIGNATURE,
                SPEC_SIGNATURE)));
        assertRejected(RejectionReason.AMBIGUOUS, unconfigured.verifier().verify(twice));
        Delivery twiceForByteKast = delivery(SPEC_BODY, Map.of("ByteKast-Webhook-Signature", List.of(SPEC_SIGNATURE,
                "sha256=" + "0".repeat(64))));
        assertRejected(RejectionReason.AMBIGUOUS, byteKast.verifier().verify(twiceForByteKast));
    }

    @Test
    void oneHeaderInTwoSpellingsIsAmbiguous() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Falkor-Webhook-Signature", List.of(SPEC_SIGNATURE));
        headers.put("falkor-webhook-signature", List.of(SPEC_SIGNATURE));
        assertRejected(RejectionReason.AMBIGUOUS, unconfigured.verifier().verify(delivery(SPEC_BODY, headers)));
    }

    @Test
    void configuredPlatformIgnoresOtherPlatformsHeaders() {
        assertRejected(RejectionReason.MISSING, byteKast.verifier()
                .verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
        assertRejected(RejectionReason.MISSING, byteKast.verifier()
                .verify(delivery(SPEC_BODY, "TrainiApp-Webhook-Signature", SPEC_SIGNATURE)));

        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Falkor-Webhook-Signature", List.of("garbage", "more garbage"));
        headers.put("ByteKast-Webhook-Signature", List.of(SPEC_SIGNATURE));
        headers.put("TrainiApp-Webhook-Signature", List.of(SPEC_SIGNATURE));
        assertEquals(Verification.verified("ByteKast-Webhook-Signature"),
                byteKast.verifier().verify(delivery(SPEC_BODY, headers)));
    }

    @Test
    void missingHeaderIsMissingNotAnError() {
        // The doc's PHP sample reads $_SERVER['HTTP_FALKOR_WEBHOOK_SIGNATURE'] unchecked and fails here.
        assertRejected(RejectionReason.MISSING, unconfigured.verifier().verify(delivery(SPEC_BODY, Map.of())));
        assertRejected(RejectionReason.MISSING, byteKast.verifier().verify(delivery(SPEC_BODY, Map.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Webhook-Signature", "-Webhook-Signature", "X-Webhook-Signatures", "Webhook-Signature-X",
            "Falkor-Webhook-Signature-V2", "Falkor Webhook Signature", "Falkor_Webhook_Signature",
            "Falkor--Webhook-Signature", "\u00c9cole-Webhook-Signature", "Falkor-Webhook-\u017Fignature",
            "X-Hub-Signature-256"})
    void headersOfAnotherShapeAreNotCandidates(String name) {
        assertRejected(RejectionReason.MISSING, unconfigured.verifier().verify(delivery(SPEC_BODY, name,
                SPEC_SIGNATURE)));
    }

    @Test
    void aTooLongPlatformNameIsNotACandidate() {
        String name = "P".repeat(SignatureHeaderName.MAX_PLATFORM_LENGTH + 1) + "-Webhook-Signature";
        assertRejected(RejectionReason.MISSING, unconfigured.verifier().verify(delivery(SPEC_BODY, name,
                SPEC_SIGNATURE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void emptyHeaderIsMissing(String value) {
        assertRejected(RejectionReason.MISSING,
                unconfigured.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sha256=",                                      // the prefix alone
            "sha1=" + SPEC_MAC,                             // another algorithm
            "sha256:" + SPEC_MAC,                           // wrong separator
            "sha256= " + SPEC_MAC,                          // space inside
            "sha256=sha256=" + SPEC_MAC,                    // prefix twice
            "sha256=" + SPEC_MAC + "sha256=" + SPEC_MAC,    // PHP's explode would take the middle part
            "sha256=" + MAC_63,                             // 63 digits
            MAC_63,                                         // 63 digits, no prefix
            "sha256=" + SPEC_MAC + "00",                    // 33 bytes
            "sha256=g" + MAC_63,                            // not hex
            "sha256=\uFF12" + MAC_63,                       // fullwidth 2
            "\u017Fha256=" + SPEC_MAC,                      // long s folds to S in Unicode, not in ASCII
            "sha256=0x" + MAC_62,                           // hex literal syntax
            "Lh2kQcP9iT9I3eUfVwc4ApnHnUOGHL4ko7dzdLEBRFA=", // base64 of the right MAC
            "0e1234",                                       // PHP "magic hash": 0e.. == 0e.. in PHP's loose ==
            "sha256=0e1234",
            "0"})
    void malformedValuesAreMalformed(String value) {
        assertRejected(RejectionReason.MALFORMED,
                unconfigured.verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", value)));
    }

    @Test
    void wrongMacIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, unconfigured.verifier()
                .verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", "sha256=" + "0".repeat(64))));
        // All-digits-and-e, so PHP's loose == would compare it as the number 0 with a likewise "magic" MAC.
        assertRejected(RejectionReason.MISMATCH, unconfigured.verifier()
                .verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", "0e" + "0".repeat(62))));
    }

    @Test
    void alteredBodyIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, unconfigured.verifier()
                .verify(delivery("{\"type\":\"rewards\",\"data\":{ }}", "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void wrongSecretIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, vendor("another-secret").verifier()
                .verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void emptyKeyringIsNoActiveSecret() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET,
                vendor().verifier().verify(delivery(SPEC_BODY, "Falkor-Webhook-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void rotationAcceptsEitherActiveSecretAndStopsAcceptingARetiredOne() {
        Vendor rotating = vendor("new-secret", "old-secret");
        Vendor retired = vendor("new-secret");
        Delivery signedWithOld = SignedDeliveries.of(rotating, "falkor", Secret.of("old-secret"),
                VendorContexts.FIXED_INSTANT).sample("rewards");
        Delivery signedWithNew = SignedDeliveries.of(rotating, "falkor", Secret.of("new-secret"),
                VendorContexts.FIXED_INSTANT).sample("rewards");

        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(signedWithOld));
        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(signedWithNew));
        assertInstanceOf(Verification.Verified.class, retired.verifier().verify(signedWithNew));
        assertRejected(RejectionReason.MISMATCH, retired.verifier().verify(signedWithOld));
    }

    @Test
    void rejectionDetailsNeverContainTheSecretTheExpectedMacOrThePresentedValue() {
        String presented = "sha256=" + "ab".repeat(32);
        List<Delivery> rejected = List.of(
                delivery(SPEC_BODY, Map.of()),
                delivery(SPEC_BODY, "Falkor-Webhook-Signature", presented),
                delivery(SPEC_BODY, "Falkor-Webhook-Signature", "sha256=zz-presented"),
                delivery(SPEC_BODY, "Falkor-Webhook-Signature", MAC_62),
                delivery(SPEC_BODY, Map.of("Falkor-Webhook-Signature", List.of("presented-a", "presented-b"))),
                delivery(SPEC_BODY, Map.of("Falkor-Webhook-Signature", List.of(SPEC_SIGNATURE),
                        "ByteKast-Webhook-Signature", List.of(presented))));
        for (Vendor vendor : List.of(unconfigured, byteKast)) {
            for (Delivery delivery : rejected) {
                Verification.Rejected result = assertInstanceOf(Verification.Rejected.class,
                        vendor.verifier().verify(delivery));
                String detail = result.detail().toLowerCase(Locale.ROOT);
                assertFalse(detail.contains(SPEC_SECRET), detail);
                assertFalse(detail.contains(SPEC_MAC.substring(0, 16)), detail);
                assertFalse(detail.contains("abab"), detail);
                assertFalse(detail.contains("presented"), detail);
                assertFalse(detail.isBlank());
            }
        }
    }

    @Test
    void neverThrowsOnGarbageHeaderValues() {
        List<String> nasty = new ArrayList<>(List.of(
                "", " ", "=", "sha256", "sha256=", "sha256==", "SHA256=" + "x".repeat(64), "0".repeat(63),
                "0".repeat(65), "sha256=" + "0".repeat(100_000), "\u0000", "\u0000" + "0".repeat(63), "\uD800",
                "\uDFFF" + "0".repeat(63), "é".repeat(64), "\uFF21".repeat(64), "-" + "0".repeat(63),
                "sha256=\r\n", "0".repeat(64) + "\u0000", "🙂".repeat(32), "%00", "sha256=%66%36", "null",
                SPEC_MAC.substring(0, 60) + "\u0660\u0661\u0662\u0663")); // Arabic-Indic digits
        List<String> names = List.of("Falkor-Webhook-Signature", "ByteKast-Webhook-Signature", "\u0000-Webhook-Signature",
                "-Webhook-Signature", "x".repeat(10_000) + "-Webhook-Signature", "\uD800-Webhook-Signature");
        Vendor[] vendors = {unconfigured, byteKast, vendor(), platformVendor("TrainiApp", SPEC_SECRET)};
        for (Vendor vendor : vendors) {
            for (String name : names) {
                for (String value : nasty) {
                    for (String body : List.of(SPEC_BODY, "", "\u0000\u00ff")) {
                        Verification result = vendor.verifier().verify(delivery(body, name, value));
                        assertNotNull(result);
                        assertInstanceOf(Verification.Rejected.class, result, value);
                        result = vendor.verifier().verify(delivery(body, Map.of(name, List.of(value, value),
                                "TrainiApp-Webhook-Signature", List.of(value))));
                        assertInstanceOf(Verification.Rejected.class, result, value);
                    }
                }
            }
        }
    }
}
