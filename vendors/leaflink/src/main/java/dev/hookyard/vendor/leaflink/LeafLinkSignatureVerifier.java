package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.CanonicalBase64;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies LeafLink's {@code LL-Signature}: the standard base64 of HMAC-SHA256(company webhook key, raw body), with
 * no prefix, against every key of the endpoint's keyring, so a regenerated key can be rolled in while deliveries
 * signed with the old one are still arriving.
 *
 * <p>Lenient only where LeafLink's own samples differ harmlessly: the header name in any case (it arrives as
 * {@code Ll-Signature}), surrounding whitespace (Ruby's {@code Base64.encode64} appends a newline) and missing
 * {@code =} padding. Everything else must be canonical base64 of exactly 32 bytes (see {@link CanonicalBase64}), so a
 * signature cannot be respelled. The header sent twice is {@link RejectionReason#AMBIGUOUS}.
 *
 * <p>LeafLink signs only once a company webhook key is generated; Hookyard never accepts unsigned deliveries, so an
 * endpoint with a key rejects a request without the header ({@link RejectionReason#MISSING}) and an endpoint without
 * one rejects everything ({@link RejectionReason#NO_ACTIVE_SECRET}).
 *
 * <p>MACs are compared as bytes with {@link MessageDigest#isEqual}. Never throws; rejection details name the header
 * and the problem only, never a key, an expected MAC or the presented value. Thread-safe.
 */
final class LeafLinkSignatureVerifier implements Verifier {

    /** The header as LeafLink's documentation spells it; looked up case-insensitively. */
    static final String HEADER = "LL-Signature";

    private final List<HmacSha256Key> keys;

    LeafLinkSignatureVerifier(Keyring keyring) {
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET,
                    "the endpoint has no key configured; unsigned deliveries are never accepted");
        }
        List<String> values = delivery.headers().all(HEADER);
        if (values.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, "no " + HEADER
                    + " header; LeafLink signs only once its company key is generated");
        }
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    HEADER + " is present " + values.size() + " times; exactly one is allowed");
        }
        String value = trimHttpWhitespace(values.get(0));
        if (value.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, HEADER + " is empty");
        }
        byte[] presented = CanonicalBase64.decode(value, HmacSha256Key.MAC_BYTES);
        if (presented == null) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    HEADER + " is not canonical standard base64 of " + HmacSha256Key.MAC_BYTES + " bytes");
        }
        byte[] body = delivery.body();
        for (HmacSha256Key key : keys) {
            if (MessageDigest.isEqual(key.mac(body), presented)) {
                return Verification.verified(HEADER);
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, HEADER + " matches no active key");
    }

    /**
     * Strips spaces, tabs, CRs and LFs from both ends only. Not {@link String#trim()}, which also strips NUL and
     * other control characters that no encoder emits.
     */
    private static String trimHttpWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isHttpWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isHttpWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isHttpWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
