package dev.hookyard.vendor.stripe;

import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_BODY;
import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_HEADER;
import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_SECRET;
import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_TIMESTAMP;
import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_V1;
import static dev.hookyard.vendor.stripe.StripeVendors.delivery;
import static dev.hookyard.vendor.stripe.StripeVendors.signed;
import static dev.hookyard.vendor.stripe.StripeVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSignatureVerifierTest {

    private static final String OTHER_V1 = "5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";
    private static final long SIGNED = Long.parseLong(VECTOR_TIMESTAMP);

    private final Vendor stripe = vendor(VECTOR_SECRET);

    static Verification.Rejected assertRejected(RejectionReason reason, Verification verification) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verification);
        assertEquals(reason, rejected.reason(), rejected.detail());
        assertFalse(rejected.detail().contains(VECTOR_SECRET), rejected.detail());
        assertFalse(rejected.detail().toLowerCase(Locale.ROOT).contains(VECTOR_V1), rejected.detail());
        return rejected;
    }

    private Verification verify(String header) {
        return stripe.verifier().verify(signed(VECTOR_BODY, header));
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    // ---- the vector ------------------------------------------------------------------------------------------------

    @Test
    void theOpensslVectorVerifiesWithTheClockAtItsTimestamp() {
        assertEquals(Verification.verified("Stripe-Signature v1"), verify(VECTOR_HEADER));
    }

    @Test
    void theOpensslVectorIsStaleWithTheRealClock() {
        Verification.Rejected stale = assertRejected(RejectionReason.STALE_TIMESTAMP,
                vendor(Map.of(), Clock.systemUTC(), VECTOR_SECRET).verifier().verify(signed(VECTOR_BODY,
                        VECTOR_HEADER)));
        assertEquals(true, stale.detail().startsWith("Stripe-Signature timestamp is "), stale.detail());
    }

    @Test
    void theWholeWhsecSecretIsTheKeyNotADecodingOfIt() {
        assertRejected(RejectionReason.MISMATCH, vendor("whsec_" + VECTOR_SECRET).verifier()
                .verify(signed(VECTOR_BODY, VECTOR_HEADER)));
        assertRejected(RejectionReason.MISMATCH, vendor("whsec_test_hookyard_vectoR").verifier()
                .verify(signed(VECTOR_BODY, VECTOR_HEADER)));
    }

    @Test
    void theTimestampIsSignedChangingItOrTheBodyIsAMismatch() {
        assertRejected(RejectionReason.MISMATCH, verify("t=1735689601,v1=" + VECTOR_V1));
        assertRejected(RejectionReason.MISMATCH, verify("t=01735689600,v1=" + VECTOR_V1));
        assertRejected(RejectionReason.MISMATCH, stripe.verifier().verify(signed(VECTOR_BODY + " ", VECTOR_HEADER)));
    }

    // ---- rotation and the header's items ---------------------------------------------------------------------------

    @Test
    void anyOfSeveralV1ValuesMayMatchAndV0AndOtherSchemesAreSkipped() {
        assertInstanceOf(Verification.Verified.class, verify("t=" + VECTOR_TIMESTAMP + ",v1=" + OTHER_V1 + ",v1="
                + VECTOR_V1 + ",v0=" + OTHER_V1));
        assertInstanceOf(Verification.Verified.class, verify("v0=" + OTHER_V1 + ",v1=" + VECTOR_V1 + ",t="
                + VECTOR_TIMESTAMP + ",v2=anything"));
    }

    @Test
    void anySecretOfTheKeyringMayMatchSoASecretCanBeRolled() {
        Vendor rolling = vendor("whsec_the_new_secret", VECTOR_SECRET);
        assertInstanceOf(Verification.Verified.class, rolling.verifier().verify(signed(VECTOR_BODY, VECTOR_HEADER)));
        assertRejected(RejectionReason.MISMATCH, vendor("whsec_the_new_secret").verifier()
                .verify(signed(VECTOR_BODY, VECTOR_HEADER)));
    }

    @Test
    void hexIsReadInAnyCase() {
        assertInstanceOf(Verification.Verified.class, verify("t=" + VECTOR_TIMESTAMP + ",v1="
                + VECTOR_V1.toUpperCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|has no t= timestamp",
            "t=1735689600|has no v1= signature",
            "t=1735689600,v0=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|has no v1= signature",
            "t=1735689600,t=1735689600,v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "has more than one t= timestamp",
            "t=+1735689600,v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "has a t= that is not a Unix time in seconds",
            "t=,v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "has a t= that is not a Unix time in seconds",
            "t=1735689600,v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b3|"
                    + "has a v1= that is not 64 hex digits",
            "t=1735689600,v1=sha256=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "has a v1= that is not 64 hex digits",
            "t=1735689600,v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b3z|"
                    + "has a v1= that is not 64 hex digits",
            "t=1735689600,v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35,|"
                    + "is not a comma-separated list of key=value items",
            "t=1735689600;v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "has a t= that is not a Unix time in seconds",
            "t=1735689600,=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "is not a comma-separated list of key=value items",
            "t=1735689600, v1=f0a259588b5028d57728b87b3dcd44c2db9f5be158a5b4061d83b5ad5b8b5b35|"
                    + "has no v1= signature"})
    void aHeaderThatIsNotStripesFormatIsMalformed(String value, String problem) {
        assertEquals("Stripe-Signature " + problem, assertRejected(RejectionReason.MALFORMED, verify(value)).detail());
    }

    @Test
    void aHeaderLongerThan2048CharactersIsMalformed() {
        String padded = VECTOR_HEADER + ",v0=" + "0".repeat(2048 - VECTOR_HEADER.length() - 4);
        assertEquals(2048, padded.length());
        assertInstanceOf(Verification.Verified.class, verify(padded));
        assertEquals("Stripe-Signature is longer than 2048 characters",
                assertRejected(RejectionReason.MALFORMED, verify(padded + "0")).detail());
    }

    // ---- the tolerance ---------------------------------------------------------------------------------------------

    @Test
    void theDefaultToleranceIsThreeHundredSecondsEachWay() {
        for (long offset : new long[] {-300, 0, 300}) {
            assertInstanceOf(Verification.Verified.class, vendor(Map.of(), at(SIGNED + offset), VECTOR_SECRET)
                    .verifier().verify(signed(VECTOR_BODY, VECTOR_HEADER)), "offset " + offset);
        }
        assertEquals("Stripe-Signature timestamp is 301 s in the past, beyond this endpoint's tolerance of 300 s",
                assertRejected(RejectionReason.STALE_TIMESTAMP, vendor(Map.of(), at(SIGNED + 301), VECTOR_SECRET)
                        .verifier().verify(signed(VECTOR_BODY, VECTOR_HEADER))).detail());
        assertRejected(RejectionReason.FUTURE_TIMESTAMP, vendor(Map.of(), at(SIGNED - 301), VECTOR_SECRET)
                .verifier().verify(signed(VECTOR_BODY, VECTOR_HEADER)));
    }

    @Test
    void theToleranceOptionsApply() {
        Map<String, Object> options = Map.of("toleranceSeconds", 30, "futureToleranceSeconds", 2);
        assertInstanceOf(Verification.Verified.class, vendor(options, at(SIGNED + 30), VECTOR_SECRET).verifier()
                .verify(signed(VECTOR_BODY, VECTOR_HEADER)));
        assertRejected(RejectionReason.STALE_TIMESTAMP, vendor(options, at(SIGNED + 31), VECTOR_SECRET).verifier()
                .verify(signed(VECTOR_BODY, VECTOR_HEADER)));
        assertRejected(RejectionReason.FUTURE_TIMESTAMP, vendor(options, at(SIGNED - 3), VECTOR_SECRET).verifier()
                .verify(signed(VECTOR_BODY, VECTOR_HEADER)));
    }

    @Test
    void aForgedSignatureWithAStaleTimestampIsAMismatchNotStale() {
        assertRejected(RejectionReason.MISMATCH, vendor(Map.of(), Clock.systemUTC(), VECTOR_SECRET).verifier()
                .verify(signed(VECTOR_BODY, "t=" + VECTOR_TIMESTAMP + ",v1=" + OTHER_V1)));
    }

    // ---- the header ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void anEmptyHeaderIsMissing(String value) {
        assertEquals("Stripe-Signature is empty", assertRejected(RejectionReason.MISSING, verify(value)).detail());
    }

    @Test
    void anAbsentHeaderIsMissingAndTwoAreAmbiguous() {
        assertRejected(RejectionReason.MISSING, stripe.verifier().verify(delivery(VECTOR_BODY, Map.of())));
        assertRejected(RejectionReason.AMBIGUOUS, stripe.verifier().verify(delivery(VECTOR_BODY,
                Map.of("stripe-signature", List.of(VECTOR_HEADER, VECTOR_HEADER)))));
    }

    @Test
    void theHeaderNameMatchesInAnyCase() {
        assertInstanceOf(Verification.Verified.class, stripe.verifier().verify(delivery(VECTOR_BODY,
                Map.of("stripe-signature", List.of(VECTOR_HEADER)))));
    }

    @Test
    void anEndpointWithoutSecretsVerifiesNothing() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET, vendor().verifier().verify(signed(VECTOR_BODY,
                VECTOR_HEADER)));
    }
}
