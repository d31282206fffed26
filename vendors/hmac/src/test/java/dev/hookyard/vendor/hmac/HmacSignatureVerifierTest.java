package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static dev.hookyard.vendor.hmac.HmacVendors.BASIC;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_BODY;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_SECRET;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_SIGNATURE;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_TIMESTAMP;
import static dev.hookyard.vendor.hmac.HmacVendors.assertRejected;
import static dev.hookyard.vendor.hmac.HmacVendors.clockAt;
import static dev.hookyard.vendor.hmac.HmacVendors.delivery;
import static dev.hookyard.vendor.hmac.HmacVendors.vendor;
import static dev.hookyard.vendor.hmac.HmacVendors.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HmacSignatureVerifierTest {

    /** Checked with openssl dgst -hmac hmac-test-secret (-sha256, and -sha512 -binary | base64). */
    private static final String SECRET = "hmac-test-secret";
    private static final String BODY = "{\"event\":\"order.created\",\"id\":\"ord_1\"}";
    private static final String SHA256_HEX = "ecd71817598117866a63cc38f48a059544e97761656180b7ec1c0ea76e40751e";
    private static final String SHA512_BASE64 = "/qxSuQ9NiZj05L7CkZMO8fdLwSmGp3JgXf7vl9NBhZnkomDyIw0x/DbJEJUrFEv0RVUpk"
            + "IL/1wE83VbYQfOeQw==";
    /** HMAC-SHA256 of "1735689600." and BODY: the default signed content at 2025-01-01T00:00:00Z. */
    private static final String TIMESTAMPED_HEX = "f2eb3b6bc5197b406308af3c360ba2b44b7584d006839a2eadfbcf4289ee55a6";
    private static final long SLACK_TIME = Long.parseLong(SLACK_TIMESTAMP);

    @Test
    void slacksPublishedExampleVerifiesWithTheClockAtItsTimestamp() {
        Vendor slack = vendor(SLACK, clockAt(SLACK_TIME), SLACK_SECRET);

        assertEquals(Verification.verified("X-Slack-Signature"), slack.verifier().verify(delivery(SLACK_BODY,
                "X-Slack-Signature", SLACK_SIGNATURE, "X-Slack-Request-Timestamp", SLACK_TIMESTAMP)));
    }

    @Test
    void slacksPublishedExampleIsStaleByNow() {
        Vendor slack = vendor(SLACK, clockAt(1_735_689_600L), SLACK_SECRET);

        Verification.Rejected rejected = assertRejected(RejectionReason.STALE_TIMESTAMP, slack.verifier()
                .verify(delivery(SLACK_BODY, "X-Slack-Signature", SLACK_SIGNATURE, "X-Slack-Request-Timestamp",
                        SLACK_TIMESTAMP)));
        assertEquals("X-Slack-Request-Timestamp is 204268982 s in the past, beyond this endpoint's tolerance of 300 s", rejected.detail());
    }

    @Test
    void theToleranceHoldsBothWaysBoundsIncluded() {
        String[] headers = {"X-Slack-Signature", SLACK_SIGNATURE, "X-Slack-Request-Timestamp", SLACK_TIMESTAMP};
        for (long now : new long[] {SLACK_TIME - 300, SLACK_TIME + 300}) {
            assertEquals(Verification.verified("X-Slack-Signature"), vendor(SLACK, clockAt(now), SLACK_SECRET)
                    .verifier().verify(delivery(SLACK_BODY, headers)), "now " + now);
        }
        assertRejected(RejectionReason.STALE_TIMESTAMP, vendor(SLACK, clockAt(SLACK_TIME + 301), SLACK_SECRET)
                .verifier().verify(delivery(SLACK_BODY, headers)));
        assertRejected(RejectionReason.FUTURE_TIMESTAMP, vendor(SLACK, clockAt(SLACK_TIME - 301), SLACK_SECRET)
                .verifier().verify(delivery(SLACK_BODY, headers)));
        assertEquals(Verification.verified("X-Slack-Signature"), vendor(with(SLACK, "tolerance", "1h"),
                clockAt(SLACK_TIME + 3600), SLACK_SECRET).verifier().verify(delivery(SLACK_BODY, headers)));
    }

    @Test
    void aForgeryIsAMismatchWhateverItsTimestamp() {
        Vendor slack = vendor(SLACK, clockAt(SLACK_TIME), "not Slack's secret");

        assertRejected(RejectionReason.MISMATCH, slack.verifier().verify(delivery(SLACK_BODY, "X-Slack-Signature",
                SLACK_SIGNATURE, "X-Slack-Request-Timestamp", SLACK_TIMESTAMP)));
        assertRejected(RejectionReason.MISMATCH, vendor(SLACK, clockAt(0), "not Slack's secret").verifier()
                .verify(delivery(SLACK_BODY, "X-Slack-Signature", SLACK_SIGNATURE, "X-Slack-Request-Timestamp",
                        SLACK_TIMESTAMP)));
    }

    @Test
    void theTimestampIsSignedSoChangingItIsAMismatch() {
        Vendor slack = vendor(SLACK, clockAt(SLACK_TIME), SLACK_SECRET);

        assertRejected(RejectionReason.MISMATCH, slack.verifier().verify(delivery(SLACK_BODY, "X-Slack-Signature",
                SLACK_SIGNATURE, "X-Slack-Request-Timestamp", String.valueOf(SLACK_TIME + 1))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1531420618.0", "-1531420618", "+1531420618", "1531420618000000", "now", " 1531420618"})
    void aTimestampThatIsNotWholeSecondsIsMalformed(String timestamp) {
        Verification.Rejected rejected = assertRejected(RejectionReason.MALFORMED, vendor(SLACK, clockAt(SLACK_TIME),
                SLACK_SECRET).verifier().verify(delivery(SLACK_BODY, "X-Slack-Signature", SLACK_SIGNATURE,
                "X-Slack-Request-Timestamp", timestamp)));
        assertEquals("X-Slack-Request-Timestamp is not whole seconds since the Unix epoch (1 to 12 digits)",
                rejected.detail());
    }

    @Test
    void aMissingEmptyOrRepeatedTimestampIsRefused() {
        Vendor slack = vendor(SLACK, clockAt(SLACK_TIME), SLACK_SECRET);
        assertRejected(RejectionReason.MISSING, slack.verifier().verify(delivery(SLACK_BODY, "X-Slack-Signature",
                SLACK_SIGNATURE)));
        assertRejected(RejectionReason.MISSING, slack.verifier().verify(delivery(SLACK_BODY, "X-Slack-Signature",
                SLACK_SIGNATURE, "X-Slack-Request-Timestamp", " ")));
        assertRejected(RejectionReason.AMBIGUOUS, slack.verifier().verify(delivery(SLACK_BODY, "X-Slack-Signature",
                SLACK_SIGNATURE, "X-Slack-Request-Timestamp", SLACK_TIMESTAMP, "X-Slack-Request-Timestamp",
                SLACK_TIMESTAMP)));
    }

    @Test
    void theDefaultSignedContentIsTimestampDotBody() {
        Vendor vendor = vendor(with(BASIC, "timestampHeader", "X-Timestamp"), SECRET);

        assertEquals(Verification.verified("X-Signature"), vendor.verifier().verify(delivery(BODY, "X-Signature",
                TIMESTAMPED_HEX, "X-Timestamp", "1735689600")));
    }

    @Test
    void theBodyAloneIsSignedWithoutATimestampHeader() {
        assertEquals(Verification.verified("X-Signature"), vendor(BASIC, SECRET).verifier().verify(delivery(BODY,
                "X-Signature", SHA256_HEX)));
        assertEquals(Verification.verified("X-Signature"), vendor(BASIC, SECRET).verifier().verify(delivery(BODY,
                "x-signature", SHA256_HEX.toUpperCase(java.util.Locale.ROOT))));
    }

    @Test
    void algorithmEncodingAndPrefixAreTheConfiguredOnes() {
        Vendor sha512 = vendor(with(BASIC, "algorithm", "sha512", "encoding", "base64", "prefix", "sha512="), SECRET);

        assertEquals(Verification.verified("X-Signature"), sha512.verifier().verify(delivery(BODY, "X-Signature",
                "sha512=" + SHA512_BASE64)));
        assertRejected(RejectionReason.MALFORMED, sha512.verifier().verify(delivery(BODY, "X-Signature",
                SHA512_BASE64)));
        Verification.Rejected hex = assertRejected(RejectionReason.MALFORMED, sha512.verifier().verify(delivery(BODY,
                "X-Signature", "sha512=" + SHA256_HEX)));
        assertEquals("X-Signature is not sha512= followed by the base64 of 64 bytes", hex.detail());
        assertRejected(RejectionReason.MALFORMED, vendor(BASIC, SECRET).verifier().verify(delivery(BODY,
                "X-Signature", "sha256=" + SHA256_HEX)));
    }

    @Test
    void aChangedBodyIsAMismatchAndNoDetailShowsTheSecretOrTheMac() {
        Verification.Rejected rejected = assertRejected(RejectionReason.MISMATCH, vendor(BASIC, SECRET).verifier()
                .verify(delivery(BODY + " ", "X-Signature", SHA256_HEX)));
        assertFalse(rejected.detail().contains(SECRET));
        assertFalse(rejected.detail().contains(SHA256_HEX.substring(0, 8)));
    }

    @Test
    void theSignatureHeaderMissingEmptyOrRepeatedIsRefused() {
        Vendor vendor = vendor(BASIC, SECRET);
        assertRejected(RejectionReason.MISSING, vendor.verifier().verify(delivery(BODY)));
        assertRejected(RejectionReason.MISSING, vendor.verifier().verify(delivery(BODY, "X-Signature", "")));
        assertRejected(RejectionReason.AMBIGUOUS, vendor.verifier().verify(delivery(BODY, "X-Signature", SHA256_HEX,
                "X-Signature", SHA256_HEX)));
    }

    @Test
    void anyActiveSecretVerifiesAndNoSecretVerifiesNothing() {
        assertEquals(Verification.verified("X-Signature"), vendor(BASIC, "the next secret", SECRET).verifier()
                .verify(delivery(BODY, "X-Signature", SHA256_HEX)));
        assertRejected(RejectionReason.NO_ACTIVE_SECRET, vendor(BASIC).verifier().verify(delivery(BODY,
                "X-Signature", SHA256_HEX)));
    }
}
