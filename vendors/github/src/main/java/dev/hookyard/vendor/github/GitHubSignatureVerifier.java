package dev.hookyard.vendor.github;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.HmacKey;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies GitHub's signature of the raw body against every secret of the endpoint's keyring (any match verifies,
 * so secrets can be rotated).
 *
 * <p>{@code X-Hub-Signature-256} decides whenever it is present; GitHub sends {@code X-Hub-Signature} (SHA-1) beside
 * it, which is then ignored. A delivery with only the SHA-1 header is checked against it only where the endpoint
 * allows SHA-1 ({@code allowSha1}); elsewhere it is {@link RejectionReason#UNSUPPORTED_SCHEME}, so that nobody can
 * make an endpoint fall back to the weaker hash by leaving the SHA-256 header out. A header sent twice is
 * {@link RejectionReason#AMBIGUOUS}. Header names match in any case; the value is read by
 * {@link dev.hookyard.vendor.support.MacFormat} (prefix and hex in any case, surrounding spaces ignored). MACs are
 * compared as decoded bytes with {@link MessageDigest#isEqual}.
 *
 * <p>Nothing else GitHub sends is covered by the signature: {@code X-GitHub-Event} and {@code X-GitHub-Delivery} are
 * not looked at here (the parser reads them).
 *
 * <p>Never throws, and rejection details name only the header and what was wrong with it: never a secret, an
 * expected MAC, or the presented value. Thread-safe.
 */
final class GitHubSignatureVerifier implements Verifier {

    private final List<HmacKey> sha256Keys;
    /** Empty unless the endpoint allows SHA-1. */
    private final List<HmacKey> sha1Keys;

    GitHubSignatureVerifier(Keyring keyring, boolean allowSha1) {
        this.sha256Keys = keys(keyring, SignatureHeader.SHA256);
        this.sha1Keys = allowSha1 ? keys(keyring, SignatureHeader.SHA1) : List.of();
    }

    private static List<HmacKey> keys(Keyring keyring, SignatureHeader header) {
        return keyring.secrets().stream().map(Secret::utf8).map(key -> new HmacKey(header.algorithm(), key)).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (sha256Keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        List<String> sha256 = delivery.headers().all(SignatureHeader.SHA256.headerName());
        if (!sha256.isEmpty()) {
            return check(SignatureHeader.SHA256, sha256, sha256Keys, delivery);
        }
        List<String> sha1 = delivery.headers().all(SignatureHeader.SHA1.headerName());
        if (sha1.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, "no " + SignatureHeader.SHA256.headerName()
                    + " header");
        }
        if (sha1Keys.isEmpty()) {
            return Verification.rejected(RejectionReason.UNSUPPORTED_SCHEME, "only "
                    + SignatureHeader.SHA1.headerName() + " (HMAC-SHA1) is present, and this endpoint accepts "
                    + SignatureHeader.SHA256.headerName() + " only (options.allowSha1: true accepts legacy senders)");
        }
        return check(SignatureHeader.SHA1, sha1, sha1Keys, delivery);
    }

    private static Verification check(SignatureHeader header, List<String> values, List<HmacKey> keys,
                                      Delivery delivery) {
        String name = header.headerName();
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    name + " is present " + values.size() + " times; exactly one is allowed");
        }
        if (values.get(0).isBlank()) {
            return Verification.rejected(RejectionReason.MISSING, name + " is empty");
        }
        byte[] presented = header.format().decode(values.get(0));
        if (presented == null) {
            return Verification.rejected(RejectionReason.MALFORMED, name + " is not " + header.format().describe());
        }
        byte[] body = delivery.body();
        for (HmacKey key : keys) {
            if (MessageDigest.isEqual(key.mac(body), presented)) {
                return Verification.verified(name);
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, name + " matches no active secret");
    }
}
