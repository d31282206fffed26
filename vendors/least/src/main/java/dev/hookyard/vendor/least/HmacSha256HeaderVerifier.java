package dev.hookyard.vendor.least;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;

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
    private static final int MAC_BYTES = 32;

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
        if (value.length() != PREFIX.length() + 2 * MAC_BYTES || !hasPrefix(value)) {
            return null;
        }
        byte[] mac = new byte[MAC_BYTES];
        for (int i = 0; i < MAC_BYTES; i++) {
            int high = hexDigit(value.charAt(PREFIX.length() + 2 * i));
            int low = hexDigit(value.charAt(PREFIX.length() + 2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            mac[i] = (byte) (high << 4 | low);
        }
        return mac;
    }

    /**
     * ASCII case-insensitive, unlike {@link String#regionMatches(boolean, int, String, int, int)}, which folds
     * Unicode case and would take e.g. {@code "\u017Fha256="} (long s) for the prefix.
     */
    private static boolean hasPrefix(String value) {
        for (int i = 0; i < PREFIX.length(); i++) {
            char c = value.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of an ASCII hex digit, or -1. {@link Character#digit(char, int)} is not used because it accepts
     * non-ASCII digits (fullwidth, Arabic-Indic, ...).
     */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
