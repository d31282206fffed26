package dev.hookyard.vendor.standardwebhooks;

import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_BODY;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_CLOCK;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_ID;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_PUBLIC_KEY;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_SECRET;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_SIGNING_KEY;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_TIMESTAMP;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_V1;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_V1A;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.atSpecTime;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.delivery;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.specDelivery;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksVerifierTest {

    private static final String WRONG_V1 = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    private final Vendor spec = atSpecTime(SPEC_SECRET);

    static Verification.Rejected assertRejected(RejectionReason reason, Verification verification) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verification);
        assertEquals(reason, rejected.reason(), rejected.detail());
        for (String secret : List.of(SPEC_SECRET, SPEC_SECRET.substring(6), SPEC_SIGNING_KEY, SPEC_V1.substring(3),
                SPEC_V1A.substring(4))) {
            assertFalse(rejected.detail().contains(secret), rejected.detail());
        }
        return rejected;
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    // ---- the published vectors -------------------------------------------------------------------------------------

    @Test
    void theSpecV1VectorIsTheHmacOfIdTimestampAndBodyUnderTheDecodedSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SPEC_SECRET.substring("whsec_".length())),
                "HmacSHA256"));
        byte[] expected = mac.doFinal((SPEC_ID + "." + SPEC_TIMESTAMP + "." + SPEC_BODY)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(SPEC_V1, "v1," + Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void theSpecV1VectorVerifiesWithTheClockAtItsTimestamp() {
        assertEquals(Verification.verified("webhook-signature v1"), spec.verifier().verify(specDelivery(SPEC_V1)));
    }

    @Test
    void theSpecV1VectorIsStaleWithTheRealClock() {
        Vendor now = vendor(Map.of(), Clock.systemUTC(), SPEC_SECRET);
        Verification.Rejected stale = assertRejected(RejectionReason.STALE_TIMESTAMP,
                now.verifier().verify(specDelivery(SPEC_V1)));
        assertTrue(stale.detail().startsWith("webhook-timestamp is "), stale.detail());
        assertTrue(stale.detail().endsWith(" s in the past, beyond this endpoint's tolerance of 300 s"),
                stale.detail());
    }

    @Test
    void theSpecV1aVectorVerifiesWithThePublicKeyAndWithTheSigningKey() {
        assertEquals(Verification.verified("webhook-signature v1a"),
                atSpecTime(SPEC_PUBLIC_KEY).verifier().verify(specDelivery(SPEC_V1A)));
        assertEquals(Verification.verified("webhook-signature v1a"),
                atSpecTime(SPEC_SIGNING_KEY).verifier().verify(specDelivery(SPEC_V1A)));
    }

    @Test
    void theSpecV1aVectorIsStaleWithTheRealClock() {
        assertRejected(RejectionReason.STALE_TIMESTAMP, vendor(Map.of(), Clock.systemUTC(), SPEC_PUBLIC_KEY)
                .verifier().verify(specDelivery(SPEC_V1A)));
    }

    @Test
    void aSignatureForAnotherKeyOfTheOtherKindDoesNotVerify() {
        assertRejected(RejectionReason.MISMATCH, atSpecTime(SPEC_PUBLIC_KEY).verifier().verify(specDelivery(
                SPEC_V1)));
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(specDelivery(SPEC_V1A)));
    }

    // ---- the timestamp ---------------------------------------------------------------------------------------------

    @Test
    void theDefaultToleranceIsFiveMinutesEachWay() {
        long signed = Long.parseLong(SPEC_TIMESTAMP);
        for (long offset : new long[] {-300, -1, 0, 1, 300}) {
            assertInstanceOf(Verification.Verified.class, vendor(Map.of(), at(signed + offset), SPEC_SECRET)
                    .verifier().verify(specDelivery(SPEC_V1)), "clock at the timestamp " + offset + " s");
        }
        assertRejected(RejectionReason.STALE_TIMESTAMP, vendor(Map.of(), at(signed + 301), SPEC_SECRET)
                .verifier().verify(specDelivery(SPEC_V1)));
        assertRejected(RejectionReason.FUTURE_TIMESTAMP, vendor(Map.of(), at(signed - 301), SPEC_SECRET)
                .verifier().verify(specDelivery(SPEC_V1)));
    }

    @Test
    void pastAndFutureTolerancesAreSeparate() {
        long signed = Long.parseLong(SPEC_TIMESTAMP);
        Map<String, Object> options = Map.of("pastToleranceSeconds", 3600, "futureToleranceSeconds", 5);
        assertInstanceOf(Verification.Verified.class,
                vendor(options, at(signed + 3600), SPEC_SECRET).verifier().verify(specDelivery(SPEC_V1)));
        assertRejected(RejectionReason.STALE_TIMESTAMP,
                vendor(options, at(signed + 3601), SPEC_SECRET).verifier().verify(specDelivery(SPEC_V1)));
        assertInstanceOf(Verification.Verified.class,
                vendor(options, at(signed - 5), SPEC_SECRET).verifier().verify(specDelivery(SPEC_V1)));
        Verification.Rejected future = assertRejected(RejectionReason.FUTURE_TIMESTAMP,
                vendor(options, at(signed - 6), SPEC_SECRET).verifier().verify(specDelivery(SPEC_V1)));
        assertEquals("webhook-timestamp is 6 s in the future, beyond this endpoint's tolerance of 5 s",
                future.detail());
    }

    @Test
    void theClockIsReadAtEachVerificationNotWhenTheVendorIsBuilt() {
        MovableClock clock = new MovableClock(Instant.ofEpochSecond(Long.parseLong(SPEC_TIMESTAMP)));
        Vendor moving = vendor(Map.of(), clock, SPEC_SECRET);
        assertInstanceOf(Verification.Verified.class, moving.verifier().verify(specDelivery(SPEC_V1)));
        clock.advance(Duration.ofSeconds(301));
        assertRejected(RejectionReason.STALE_TIMESTAMP, moving.verifier().verify(specDelivery(SPEC_V1)));
    }

    @Test
    void aForgedSignatureWithAStaleTimestampIsAMismatchNotStale() {
        Vendor now = vendor(Map.of(), Clock.systemUTC(), SPEC_SECRET);
        assertRejected(RejectionReason.MISMATCH, now.verifier().verify(specDelivery(WRONG_V1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1614265330", "-1614265330", "1614265330.0", " 1614265330", "1614265330 ",
            "1614265330000000", "1.6e9", "\u0661\u0666\u0661\u0664\u0662\u0666\u0665\u0663\u0663\u0660", "now"})
    void aTimestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
        Verification.Rejected rejected = assertRejected(RejectionReason.MALFORMED,
                spec.verifier().verify(delivery(SPEC_BODY, SPEC_ID, timestamp, SPEC_V1)));
        assertTrue(rejected.detail().startsWith("webhook-timestamp is not a Unix time in seconds"),
                rejected.detail());
    }

    // ---- what is signed --------------------------------------------------------------------------------------------

    @Test
    void changingTheIdTheTimestampOrTheBodyIsAMismatch() {
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(
                delivery(SPEC_BODY, SPEC_ID + "x", SPEC_TIMESTAMP, SPEC_V1)));
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(
                delivery(SPEC_BODY, SPEC_ID, "1614265331", SPEC_V1)));
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(
                delivery(SPEC_BODY, SPEC_ID, "01614265330", SPEC_V1)));
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(
                delivery("{\"test\": 2432232315}", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(
                delivery(SPEC_BODY + "\n", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
    }

    @Test
    void theKeyIsTheDecodedSecretNotItsText() {
        assertRejected(RejectionReason.MISMATCH, atSpecTime("whsec_" + Base64.getEncoder().encodeToString(
                SPEC_SECRET.getBytes(StandardCharsets.UTF_8))).verifier().verify(specDelivery(SPEC_V1)));
    }

    @Test
    void theSecretMayBeGivenWithoutItsPrefixAsTheSpecLibrariesAccept() {
        assertInstanceOf(Verification.Verified.class,
                atSpecTime(SPEC_SECRET.substring("whsec_".length())).verifier().verify(specDelivery(SPEC_V1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg.p5jXN8AQM9LWM0D4loKWxJek", "msg p5j", "msg_\u00e9", "msg_\u0000", "msg_\t1"})
    void anIdWithADotSpaceOrNonAsciiIsMalformed(String id) {
        Verification.Rejected rejected = assertRejected(RejectionReason.MALFORMED,
                spec.verifier().verify(delivery(SPEC_BODY, id, SPEC_TIMESTAMP, SPEC_V1)));
        assertEquals("webhook-id is not 1 to 256 printable ASCII characters without spaces or '.'",
                rejected.detail());
    }

    @Test
    void anIdLongerThan256CharactersIsMalformed() {
        assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(
                delivery(SPEC_BODY, "m".repeat(256), SPEC_TIMESTAMP, SPEC_V1)));
        assertRejected(RejectionReason.MALFORMED, spec.verifier().verify(
                delivery(SPEC_BODY, "m".repeat(257), SPEC_TIMESTAMP, SPEC_V1)));
    }

    // ---- the signature list ----------------------------------------------------------------------------------------

    @Test
    void anyOfSeveralSpaceSeparatedSignaturesMayMatch() {
        String list = WRONG_V1 + " v2," + SPEC_V1.substring(3) + "  " + SPEC_V1A + " " + SPEC_V1 + " " + WRONG_V1;
        assertEquals(Verification.verified("webhook-signature v1"), spec.verifier().verify(specDelivery(list)));
        assertEquals(Verification.verified("webhook-signature v1a"),
                atSpecTime(SPEC_PUBLIC_KEY).verifier().verify(specDelivery(list)));
    }

    @Test
    void anyKeyOfTheKeyringMayMatchSoKeysCanBeRotated() {
        Vendor rotating = atSpecTime("whsec_b3RoZXIta2V5LWJlaW5nLXJvdGF0ZWQtaW4=", SPEC_PUBLIC_KEY, SPEC_SECRET);
        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(specDelivery(SPEC_V1)));
        assertInstanceOf(Verification.Verified.class, rotating.verifier().verify(specDelivery(SPEC_V1A)));
        Vendor retired = atSpecTime("whsec_b3RoZXIta2V5LWJlaW5nLXJvdGF0ZWQtaW4=");
        assertRejected(RejectionReason.MISMATCH, retired.verifier().verify(specDelivery(SPEC_V1)));
    }

    @Test
    void otherVersionsAreSkippedButAListWithoutV1OrV1aIsMalformed() {
        Verification.Rejected rejected = assertRejected(RejectionReason.MALFORMED, spec.verifier().verify(
                specDelivery("v2," + SPEC_V1.substring(3) + " v1b,abc")));
        assertEquals("webhook-signature has no v1 or v1a signature", rejected.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",          // no version
            "v1",                                                   // no comma
            ",g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",         // empty version
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE",        // padding missing
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=",       // unused bits not zero
            "v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=",       // base64url alphabet
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ",           // too short
            "v1,83484cf52b04f8e4c9313badfed9882ad4b26651377b52442d594d20e2c9d4e1", // hex
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\tv1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8",
            "V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,"})
    void aListWithAMalformedEntryIsMalformedEvenWhenAnotherEntryWouldMatch(String list) {
        assertRejected(RejectionReason.MALFORMED, spec.verifier().verify(specDelivery(list + " " + SPEC_V1)));
    }

    @Test
    void aListOfMoreThanTenEntriesOrOver2048CharactersIsMalformed() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            entries.add(WRONG_V1);
        }
        entries.add(SPEC_V1);
        assertInstanceOf(Verification.Verified.class, spec.verifier().verify(specDelivery(String.join(" ",
                entries))));
        entries.add(0, WRONG_V1);
        assertRejected(RejectionReason.MALFORMED, spec.verifier().verify(specDelivery(String.join(" ", entries))));
        assertRejected(RejectionReason.MALFORMED, spec.verifier().verify(specDelivery(SPEC_V1 + " ".repeat(2048))));
    }

    @Test
    void aMismatchSaysWhenTheSignaturesAndTheKeysAreOfDifferentKinds() {
        assertEquals("webhook-signature matches no active secret (it has v1 signatures only, and the endpoint has"
                        + " no whsec_ secret)",
                assertRejected(RejectionReason.MISMATCH, atSpecTime(SPEC_PUBLIC_KEY).verifier()
                        .verify(specDelivery(SPEC_V1))).detail());
        assertEquals("webhook-signature matches no active secret (it has v1a signatures only, and the endpoint"
                        + " has no whpk_ public key)",
                assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(specDelivery(SPEC_V1A))).detail());
        assertEquals("webhook-signature matches no active secret",
                assertRejected(RejectionReason.MISMATCH, spec.verifier().verify(specDelivery(WRONG_V1))).detail());
    }

    @Test
    void anEd25519SignatureThatDoesNotDecodeVerifiesNothing() {
        // All ones: R is not a point the JDK decodes, and S is far beyond the group order.
        byte[] ones = new byte[64];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        String garbage = "v1a," + Base64.getEncoder().encodeToString(ones);
        assertRejected(RejectionReason.MISMATCH, atSpecTime(SPEC_PUBLIC_KEY).verifier().verify(specDelivery(garbage)));
    }

    // ---- the headers -----------------------------------------------------------------------------------------------

    @Test
    void eachHeaderMissingIsMissing() {
        assertEquals("no webhook-id header", assertRejected(RejectionReason.MISSING, spec.verifier().verify(
                delivery(SPEC_BODY, null, SPEC_TIMESTAMP, SPEC_V1))).detail());
        assertEquals("no webhook-timestamp header", assertRejected(RejectionReason.MISSING, spec.verifier().verify(
                delivery(SPEC_BODY, SPEC_ID, null, SPEC_V1))).detail());
        assertEquals("no webhook-signature header", assertRejected(RejectionReason.MISSING, spec.verifier().verify(
                delivery(SPEC_BODY, SPEC_ID, SPEC_TIMESTAMP, null))).detail());
        assertRejected(RejectionReason.MISSING, spec.verifier().verify(delivery(SPEC_BODY, SPEC_ID, SPEC_TIMESTAMP,
                " ")));
    }

    @Test
    void eachHeaderSentTwiceIsAmbiguous() {
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>(specDelivery(SPEC_V1).headers()
                    .toMap());
            headers.put(name, List.of(headers.get(name).get(0), headers.get(name).get(0)));
            assertRejected(RejectionReason.AMBIGUOUS, spec.verifier().verify(delivery(SPEC_BODY, headers)));
        }
    }

    @Test
    void headerNamesMatchInAnyCase() {
        Delivery upper = delivery("WEBHOOK", SPEC_BODY, SPEC_ID, SPEC_TIMESTAMP, SPEC_V1);
        assertInstanceOf(Verification.Verified.class, spec.verifier().verify(upper));
    }

    @Test
    void aSvixEndpointReadsTheSvixHeadersOnly() {
        Vendor svix = vendor(Map.of("headerPrefix", "svix"), SPEC_CLOCK, SPEC_SECRET);
        Delivery svixHeaders = delivery("svix", SPEC_BODY, SPEC_ID, SPEC_TIMESTAMP, SPEC_V1);
        assertEquals(Verification.verified("svix-signature v1"), svix.verifier().verify(svixHeaders));
        assertEquals("no svix-id header", assertRejected(RejectionReason.MISSING,
                svix.verifier().verify(specDelivery(SPEC_V1))).detail());
        assertRejected(RejectionReason.MISSING, spec.verifier().verify(svixHeaders));
    }

    @Test
    void anEndpointWithoutSecretsVerifiesNothing() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET, atSpecTime().verifier().verify(specDelivery(SPEC_V1)));
    }

    /** A clock a test moves forward. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
