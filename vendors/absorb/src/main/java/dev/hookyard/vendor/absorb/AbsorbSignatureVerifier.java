package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Verifies Absorb's HMAC-SHA256 of the raw body against every secret of the endpoint's keyring (any match
 * verifies, so secrets can be rotated).
 *
 * <p>The signature is read from {@code absorb-signature}, the header Absorb documents, or else from
 * {@code X-Absorb-Signature}, the name some third-party pages give (the MAC must match all the same). Names match in
 * any case. Both headers at once, or one header sent twice, is {@link RejectionReason#AMBIGUOUS}: guessing which
 * value counts would let a forger add a header next to a genuine one and see which one is believed. The value may
 * be hex, base64 or base64url, with or without {@code sha256=} (see {@link PresentedSignature}); the form that
 * arrived is named in {@link Verification.Verified#scheme()} (e.g. {@code "absorb-signature hex"}), since Absorb
 * does not document which it sends. MACs are compared as decoded bytes with {@link MessageDigest#isEqual}.
 *
 * <p>Never throws, and rejection details name only the header, the form and what was wrong: never a secret, an
 * expected MAC, or the presented value. Thread-safe.
 */
final class AbsorbSignatureVerifier implements Verifier {

    /** The header Absorb documents; also the spelling its signer uses. */
    static final String HEADER = "absorb-signature";
    /** The spelling some third-party pages give; accepted as a fallback per SPEC.md. */
    static final String FALLBACK_HEADER = "X-Absorb-Signature";

    private final List<HmacSha256Key> keys;

    /** @param keyring the endpoint's active secrets */
    AbsorbSignatureVerifier(Keyring keyring) {
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        List<String> documented = delivery.headers().all(HEADER);
        List<String> fallback = delivery.headers().all(FALLBACK_HEADER);
        if (!documented.isEmpty() && !fallback.isEmpty()) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    "both " + HEADER + " and " + FALLBACK_HEADER + " are present; exactly one is allowed");
        }
        String header = documented.isEmpty() ? FALLBACK_HEADER : HEADER;
        List<String> values = documented.isEmpty() ? fallback : documented;
        if (values.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, "no " + HEADER + " (or " + FALLBACK_HEADER
                    + ") header");
        }
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    header + " is present " + values.size() + " times; exactly one is allowed");
        }
        String value = values.get(0);
        if (value.isBlank()) {
            return Verification.rejected(RejectionReason.MISSING, header + " is empty");
        }
        Optional<PresentedSignature> presented = PresentedSignature.decode(value);
        if (presented.isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, header + " is not an optional sha256= followed"
                    + " by 64 hex digits or the canonical base64 or base64url of 32 bytes");
        }
        byte[] mac = presented.get().mac();
        byte[] body = delivery.body();
        for (HmacSha256Key key : keys) {
            if (MessageDigest.isEqual(key.mac(body), mac)) {
                return Verification.verified(header + " " + presented.get().label());
            }
        }
        // Absorb's "Test Webhook" button lands here on purpose: it sends a random signature, never a MAC.
        return Verification.rejected(RejectionReason.MISMATCH, header + " (" + presented.get().label()
                + ") matches no active secret; Absorb's Test Webhook button always sends such a signature");
    }
}
