package dev.hookyard.vendor.github;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.github.GitHubVendors.DOCS_PAYLOAD;
import static dev.hookyard.vendor.github.GitHubVendors.DOCS_SECRET;
import static dev.hookyard.vendor.github.GitHubVendors.DOCS_SHA1;
import static dev.hookyard.vendor.github.GitHubVendors.DOCS_SHA256;
import static dev.hookyard.vendor.github.GitHubVendors.assertRejected;
import static dev.hookyard.vendor.github.GitHubVendors.delivery;
import static dev.hookyard.vendor.github.GitHubVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class GitHubSignatureVerifierTest {

    private static final String SHA256 = "X-Hub-Signature-256";
    private static final String SHA1 = "X-Hub-Signature";
    private static final Map<String, Object> ALLOW_SHA1 = Map.of("allowSha1", true);

    private final Vendor github = vendor(DOCS_SECRET);
    private final Vendor legacy = vendor(ALLOW_SHA1, DOCS_SECRET);

    @Test
    void githubsPublishedTestVectorVerifies() {
        assertEquals(Verification.verified(SHA256), github.verifier().verify(delivery(DOCS_PAYLOAD, SHA256,
                DOCS_SHA256)));
    }

    @Test
    void theSha1HeaderBesideItIsIgnoredWhateverItHolds() {
        assertEquals(Verification.verified(SHA256), github.verifier().verify(delivery(DOCS_PAYLOAD,
                SHA256, DOCS_SHA256, SHA1, "sha1=not-even-hex")));
        assertEquals(Verification.verified(SHA256), legacy.verifier().verify(delivery(DOCS_PAYLOAD,
                SHA256, DOCS_SHA256, SHA1, "sha1=" + "0".repeat(40))));
    }

    @Test
    void onlyTheSha1HeaderIsAnUnsupportedSchemeUnlessSha1IsAllowed() {
        Delivery legacySigned = delivery(DOCS_PAYLOAD, SHA1, DOCS_SHA1);

        Verification.Rejected rejected = assertRejected(RejectionReason.UNSUPPORTED_SCHEME,
                github.verifier().verify(legacySigned));
        assertEquals(Verification.verified(SHA1), legacy.verifier().verify(legacySigned));
        assertEquals("only X-Hub-Signature (HMAC-SHA1) is present, and this endpoint accepts X-Hub-Signature-256"
                + " only (options.allowSha1: true accepts legacy senders)", rejected.detail());
    }

    @Test
    void theSha256HeaderDecidesEvenWhereSha1IsAllowed() {
        String wrong = "sha256=" + "0".repeat(64);
        assertRejected(RejectionReason.MISMATCH, legacy.verifier().verify(delivery(DOCS_PAYLOAD,
                SHA256, wrong, SHA1, DOCS_SHA1)));
        assertRejected(RejectionReason.MISSING, legacy.verifier().verify(delivery(DOCS_PAYLOAD,
                SHA256, " ", SHA1, DOCS_SHA1)));
    }

    @Test
    void aSha1SignatureMadeWithAnotherSecretIsAMismatch() {
        assertRejected(RejectionReason.MISMATCH, vendor(ALLOW_SHA1, "another secret").verifier()
                .verify(delivery(DOCS_PAYLOAD, SHA1, DOCS_SHA1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-hub-signature-256", "X-HUB-SIGNATURE-256"})
    void headerNamesMatchInAnyCase(String name) {
        assertEquals(Verification.verified(SHA256), github.verifier().verify(delivery(DOCS_PAYLOAD, name,
                DOCS_SHA256)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17",
            " sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17\t"})
    void prefixAndHexInAnyCaseAndSurroundingSpacesAreAccepted(String value) {
        assertEquals(Verification.verified(SHA256), github.verifier().verify(delivery(DOCS_PAYLOAD, SHA256, value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17ab",
            "sha256=dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc=",
            "\u017fha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"})
    void anythingElseIsMalformedAndTheDetailShowsNoValue(String value) {
        Verification.Rejected rejected = assertRejected(RejectionReason.MALFORMED,
                github.verifier().verify(delivery(DOCS_PAYLOAD, SHA256, value)));
        assertEquals("X-Hub-Signature-256 is not sha256= followed by 64 hex digits", rejected.detail());
    }

    @Test
    void aChangedBodyIsAMismatchAndTheDetailShowsNoSecretOrMac() {
        Verification.Rejected rejected = assertRejected(RejectionReason.MISMATCH,
                github.verifier().verify(delivery(DOCS_PAYLOAD + " ", SHA256, DOCS_SHA256)));
        assertFalse(rejected.detail().contains(DOCS_SECRET));
        assertFalse(rejected.detail().contains("757107ea"));
    }

    @Test
    void theHeaderSentTwiceIsAmbiguous() {
        assertRejected(RejectionReason.AMBIGUOUS, github.verifier().verify(delivery(DOCS_PAYLOAD,
                Map.of(SHA256, List.of(DOCS_SHA256, DOCS_SHA256)))));
        assertRejected(RejectionReason.AMBIGUOUS, legacy.verifier().verify(delivery(DOCS_PAYLOAD,
                Map.of(SHA1, List.of(DOCS_SHA1, DOCS_SHA1)))));
    }

    @Test
    void noSignatureHeaderIsMissing() {
        assertRejected(RejectionReason.MISSING, github.verifier().verify(delivery(DOCS_PAYLOAD,
                "X-GitHub-Event", "push")));
        assertRejected(RejectionReason.MISSING, legacy.verifier().verify(delivery(DOCS_PAYLOAD, Map.of())));
    }

    @Test
    void anyActiveSecretVerifiesSoSecretsCanBeRotated() {
        Vendor rotating = vendor("the new secret", DOCS_SECRET);
        assertEquals(Verification.verified(SHA256), rotating.verifier().verify(delivery(DOCS_PAYLOAD, SHA256,
                DOCS_SHA256)));
        assertRejected(RejectionReason.MISMATCH, vendor("the new secret").verifier().verify(delivery(DOCS_PAYLOAD,
                SHA256, DOCS_SHA256)));
    }

    @Test
    void anEndpointWithoutSecretsVerifiesNothing() {
        assertRejected(RejectionReason.NO_ACTIVE_SECRET, vendor().verifier().verify(delivery(DOCS_PAYLOAD, SHA256,
                DOCS_SHA256)));
    }
}
