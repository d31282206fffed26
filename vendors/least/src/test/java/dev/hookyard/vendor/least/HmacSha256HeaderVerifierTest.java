package dev.hookyard.vendor.least;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.hookyard.vendor.least.LeastVendors.SPEC_BODY;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_MAC;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_SECRET;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.least.LeastVendors.delivery;
import static dev.hookyard.vendor.least.LeastVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class HmacSha256HeaderVerifierTest {

    private final Vendor least = vendor(SPEC_SECRET);

    @Test
    void specTestVectorVerifies() {
        Verification result = least.verifier().verify(delivery(SPEC_BODY, "X-LEAST-Signature", SPEC_SIGNATURE));
        assertEquals(Verification.verified("X-LEAST-Signature"), result);
    }

    @Test
    void specTestVectorVerifiesInTheWorkflowHeaderToo() {
        Verification result = least.verifier().verify(delivery(SPEC_BODY, "X-WF-Signature", SPEC_SIGNATURE));
        assertEquals(Verification.verified("X-WF-Signature"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-least-signature", "X-Least-Signature", "X-LEAST-SIGNATURE"})
    void headerNameIsMatchedInAnyCase(String name) {
        assertInstanceOf(Verification.Verified.class,
                least.verifier().verify(delivery(SPEC_BODY, name, SPEC_SIGNATURE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SHA256=" + SPEC_MAC,
            "Sha256=" + SPEC_MAC,
            "sha256=F644007617E10E55F856F317A82CE929E25DBCF1B762882233CED792D286607F",
            "SHA256=F644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607F",
            "  sha256=" + SPEC_MAC + " \t"})
    void prefixAndHexInAnyCaseAndSurroundingWhitespaceAreAccepted(String value) {
        assertInstanceOf(Verification.Verified.class,
                least.verifier().verify(delivery(SPEC_BODY, "X-LEAST-Signature", value)));
    }

    @Test
    void absentHeaderIsMissing() {
        assertRejected(RejectionReason.MISSING, least.verifier().verify(delivery(SPEC_BODY, Map.of())));
        assertRejected(RejectionReason.MISSING,
                least.verifier().verify(delivery(SPEC_BODY, "X-Other-Signature", SPEC_SIGNATURE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void emptyHeaderIsMissing(String value) {
        assertRejected(RejectionReason.MISSING,
                least.verifier().verify(delivery(SPEC_BODY, "X-LEAST-Signature", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            SPEC_MAC,                                   // no prefix
            "sha1=" + SPEC_MAC,                         // other algorithm
            "sha256:" + SPEC_MAC,                       // wrong separator
            "sha256= " + SPEC_MAC,                      // space inside
            "sha256=" + "f644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607",   // 63 digits
            "sha256=" + SPEC_MAC + "00",                // 33 bytes
            "sha256=",                                  // nothing after the prefix
            "sha256=g644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607f",      // not hex
            "sha256=\uFF10644007617e10e55f856f317a82ce929e25dbcf1b762882233ced792d286607f", // fullwidth 0
            "\u017Fha256=" + SPEC_MAC,                  // long s folds to S in Unicode, not in ASCII
            "c2hhMjU2PWY2NDQwMDc2MTdlMTBlNTVmODU2ZjMxN2E4MmNlOTI5ZTI1ZGJjZjE=" // base64
    })
    void malformedValuesAreMalformed(String value) {
        assertRejected(RejectionReason.MALFORMED,
                least.verifier().verify(delivery(SPEC_BODY, "X-LEAST-Signature", value)));
    }

    @Test
    void wrongMacIsMismatch() {
        String wrong = "sha256=" + "0".repeat(64);
        assertRejected(RejectionReason.MISMATCH,
                least.verifier().verify(delivery(SPEC_BODY, "X-LEAST-Signature", wrong)));
    }

    @Test
    void alteredBodyIsMismatch() {
        String altered = "{\"event\":\"record.created\",\"record_id\":43}";
        assertRejected(RejectionReason.MISMATCH,
                least.verifier().verify(delivery(altered, "X-LEAST-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void wrongSecretIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, vendor("another-secret").verifier()
                .verify(delivery(SPEC_BODY, "X-LEAST-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void bothHeadersOnChannelAnyAreAmbiguousEvenIfBothAreValid() {
        Delivery both = delivery(SPEC_BODY, Map.of(
                "X-LEAST-Signature", List.of(SPEC_SIGNATURE), "X-WF-Signature", List.of(SPEC_SIGNATURE)));
        assertRejected(RejectionReason.AMBIGUOUS, least.verifier().verify(both));
    }

    @Test
    void sameHeaderTwiceIsAmbiguous() {
        Delivery twice = delivery(SPEC_BODY, Map.of("X-LEAST-Signature", List.of(SPEC_SIGNATURE, SPEC_SIGNATURE)));
        assertRejected(RejectionReason.AMBIGUOUS, least.verifier().verify(twice));
    }

    @Test
    void sameHeaderInTwoSpellingsIsAmbiguous() {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("X-LEAST-Signature", List.of(SPEC_SIGNATURE));
        headers.put("x-least-signature", List.of("sha256=" + "0".repeat(64)));
        assertRejected(RejectionReason.AMBIGUOUS, least.verifier().verify(delivery(SPEC_BODY, headers)));
    }

    @Test
    void emptyKeyringIsNoActiveSecret() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET,
                vendor().verifier().verify(delivery(SPEC_BODY, "X-LEAST-Signature", SPEC_SIGNATURE)));
    }

    @Test
    void rotationAcceptsEitherActiveSecretAndStopsAcceptingARetiredOne() {
        Vendor old = vendor("old-secret");
        Vendor next = vendor("new-secret");
        Vendor rotating = vendor("new-secret", "old-secret");
        Vendor retired = vendor("new-secret");
        Delivery signedWithOld = SignedDeliveries.of(old, "least", Secret.of("old-secret"),
                VendorContexts.FIXED_INSTANT).sample("record.archived");
        Delivery signedWithNew = SignedDeliveries.of(next, "least", Secret.of("new-secret"),
                VendorContexts.FIXED_INSTANT).sample("record.archived");

        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(signedWithOld));
        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(signedWithNew));
        assertInstanceOf(Verification.Verified.class, retired.verifier().verify(signedWithNew));
        assertRejected(RejectionReason.MISMATCH, retired.verifier().verify(signedWithOld));
    }

    @Test
    void rejectionDetailsNeverContainTheSecretOrTheExpectedMac() {
        List<Delivery> rejected = List.of(
                delivery(SPEC_BODY, Map.of()),
                delivery(SPEC_BODY, "X-LEAST-Signature", "sha256=" + "0".repeat(64)),
                delivery(SPEC_BODY, "X-LEAST-Signature", "sha256=zz"),
                delivery(SPEC_BODY, "X-LEAST-Signature", SPEC_MAC),
                delivery(SPEC_BODY, Map.of("X-LEAST-Signature", List.of("a", "b"))));
        for (Delivery delivery : rejected) {
            Verification.Rejected result = assertInstanceOf(Verification.Rejected.class,
                    least.verifier().verify(delivery));
            String detail = result.detail().toLowerCase(Locale.ROOT);
            assertFalse(detail.contains(SPEC_SECRET), detail);
            assertFalse(detail.contains(SPEC_MAC.substring(0, 16)), detail);
            assertFalse(result.detail().isBlank());
        }
    }

    @Test
    void neverThrowsOnGarbageHeaderValues() {
        List<String> nasty = new ArrayList<>(List.of(
                "", " ", "=", "sha256", "sha256=", "sha256==", "SHA256=" + "x".repeat(64), "sha256=" + "0".repeat(63),
                "sha256=" + "0".repeat(65), "sha256=" + "0".repeat(100_000), "\u0000", "sha256=\u0000" + "0".repeat(63),
                "\uD800", "sha256=\uDFFF" + "0".repeat(63), "sha256=" + "é".repeat(64), "sha256=" + "\uFF21".repeat(64),
                "sha256=-" + "0".repeat(63), "sha256=0x" + "0".repeat(62), "null", "\r\n", "sha256=\r\n",
                "sha256=" + "0".repeat(64) + "\u0000", "🙂".repeat(40), "%00", "sha256=%66%36"));
        nasty.add("sha256=" + SPEC_MAC.substring(0, 60) + "\u0660\u0661\u0662\u0663"); // Arabic-Indic digits
        Vendor[] vendors = {least, vendor(), vendor(Map.of("channel", "workflow"), SPEC_SECRET)};
        for (Vendor vendor : vendors) {
            for (String value : nasty) {
                for (String body : List.of(SPEC_BODY, "", "\u0000\u00ff")) {
                    Verification result = vendor.verifier().verify(delivery(body, "X-LEAST-Signature", value));
                    assertNotNull(result);
                    assertInstanceOf(Verification.Rejected.class, result, value);
                    result = vendor.verifier().verify(delivery(body,
                            Map.of("X-WF-Signature", List.of(value, value), "X-LEAST-Signature", List.of(value))));
                    assertInstanceOf(Verification.Rejected.class, result, value);
                }
            }
        }
    }

    static void assertRejected(RejectionReason reason, Verification result) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.detail());
    }
}
