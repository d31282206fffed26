package dev.hookyard.vendor.least;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.AsciiCase;
import dev.hookyard.vendor.support.AsciiHex;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies a {@code sha256=<hex>} HMAC-SHA256 of the raw body, carried in exactly one of a set of candidate headers,
 * against every secret of the endpoint's keyring (any match verifies, so secrets can be rotated).
 *
 * <p>Lenient where senders differ harmlessly: header names in any case, the {@code sha256=} prefix and the hex in
 * any case, surrounding whitespace. Strict where leniency would be ambiguous: two candidate headers, or one header
 * sent twice, is rejected as {@link RejectionReason#AMBIGUOUS} rather than guessing which one counts. MACs are
 * compared as decoded bytes with {@link MessageDigest#isEqual}.
 *
 * <p>Never throws, and rejection details name only the header and what was wrong with it: never a secret, an
 * expected MAC, or the presented value. Thread-safe.
 */
final class HmacSha256HeaderVerifier implements Verifier {

    private static final String PREFIX = "sha256=";
    private static final int MAC_BYTES = HmacSha256Key.MAC_BYTES;

    private final List<String> headerNames;
    private final List<HmacSha256Key> keys;

    /**
     * @param headerNames the headers that may carry the signature, as the platform spells them (the first one found
     *                    names the scheme in {@link Verification.Verified})
     * @param keyring     the endpoint's active secrets
     */
    HmacSha256HeaderVerifier(List<String> headerNames, Keyring keyring) {
        if (headerNames.isEmpty()) {
            throw new IllegalArgumentException("at least one header name is needed");
        }
        this.headerNames = List.copyOf(headerNames);
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        String header = null;
        List<String> values = List.of();
        for (String name : headerNames) {
            List<String> found = delivery.headers().all(name);
            if (!found.isEmpty()) {
                if (header != null) {
                    return Verification.rejected(RejectionReason.AMBIGUOUS,
                            "both " + header + " and " + name + " are present; exactly one is allowed");
                }
                header = name;
                values = found;
            }
        }
        if (header == null) {
            return Verification.rejected(RejectionReason.MISSING, "no " + String.join(" or ", headerNames)
                    + " header");
        }
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    header + " is present " + values.size() + " times; exactly one is allowed");
        }
        String value = values.get(0).trim();
        if (value.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, header + " is empty");
        }
        byte[] presented = decode(value);
        if (presented == null) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    header + " is not sha256= followed by " + 2 * MAC_BYTES + " hex digits");
        }
        byte[] body = delivery.body();
        for (HmacSha256Key key : keys) {
            if (MessageDigest.isEqual(key.mac(body), presented)) {
                return Verification.verified(header);
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, header + " matches no active secret");
    }

    /** The MAC bytes of {@code sha256=<64 hex digits>} (ASCII only, any case), or {@code null} if malformed. */
    private static byte[] decode(String value) {
        if (value.length() != PREFIX.length() + 2 * MAC_BYTES || !AsciiCase.startsWithIgnoreCase(value, PREFIX)) {
            return null;
        }
        return AsciiHex.decode(value.substring(PREFIX.length()), MAC_BYTES);
    }
}
