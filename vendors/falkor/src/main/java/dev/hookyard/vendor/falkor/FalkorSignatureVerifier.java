package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies a Falkor delivery: the one {@code <Platform>-Webhook-Signature} header the endpoint accepts must carry
 * the HMAC-SHA256 of the raw body under one of the endpoint's active secrets (several may be active, so secrets can
 * be rotated).
 *
 * <p>Exactly one header, sent once: two candidate headers (say {@code Falkor-} and {@code ByteKast-Webhook-Signature}
 * on an unconfigured endpoint) or one header repeated is {@link RejectionReason#AMBIGUOUS} rather than a guess at
 * which one counts. MACs are compared as decoded bytes with {@link MessageDigest#isEqual}, never as strings: the
 * doc's PHP sample compares with {@code ==}, which is neither constant-time nor exact in PHP.
 *
 * <p>Never throws. Rejection details name the header and what was wrong with it, never a secret, the expected MAC or
 * the presented value. Thread-safe.
 */
final class FalkorSignatureVerifier implements Verifier {

    private final SignatureHeaderName headerName;
    private final List<HmacSha256Key> keys;

    FalkorSignatureVerifier(SignatureHeaderName headerName, Keyring keyring) {
        this.headerName = headerName;
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        List<String> candidates = headerName.candidates(delivery.headers());
        if (candidates.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, "no " + headerName.describe() + " header");
        }
        if (candidates.size() > 1) {
            // Candidate names passed the platform-name check, so they are safe to print.
            return Verification.rejected(RejectionReason.AMBIGUOUS, candidates.size() + " signature headers ("
                    + String.join(", ", candidates) + "); exactly one is allowed");
        }
        String header = candidates.get(0);
        List<String> values = delivery.headers().all(header);
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    header + " is present " + values.size() + " times; exactly one is allowed");
        }
        String value = values.get(0);
        if (value.isBlank()) {
            return Verification.rejected(RejectionReason.MISSING, header + " is empty");
        }
        byte[] presented = HexSignature.decode(value);
        if (presented == null) {
            return Verification.rejected(RejectionReason.MALFORMED, header + " is not an optional "
                    + HexSignature.PREFIX + " followed by " + 2 * HexSignature.MAC_BYTES + " hex digits");
        }
        byte[] body = delivery.body();
        for (HmacSha256Key key : keys) {
            if (MessageDigest.isEqual(key.mac(body), presented)) {
                return Verification.verified(headerName.canonical(header));
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, header + " matches no active secret");
    }
}
