package dev.hookyard.vendor.absorb;

import java.util.Base64;
import java.util.Optional;

/**
 * An {@code absorb-signature} header value, decoded: the 32 MAC bytes it presents and the form they came in.
 *
 * <p>Accepted, after trimming surrounding whitespace: an optional {@code sha256=} prefix in any ASCII case, then
 * either 64 hex digits in any case, or the base64 or base64url text of exactly 32 bytes, {@code =} padding optional.
 * Everything else is malformed, including base64 that is not canonical (unused low bits not zero, or the two
 * alphabets mixed): such text decodes to the same bytes as the canonical text, so accepting it would let anyone
 * turn one genuine signature into several different-looking genuine ones. The accepted text is therefore exactly
 * what re-encoding the decoded bytes gives, padding aside.
 */
final class PresentedSignature {

    private static final int MAC_BYTES = 32;

    private static final String PREFIX = "sha256=";
    private static final int HEX_CHARS = 2 * MAC_BYTES;
    /** 32 bytes are 256 bits: 42 full base64 digits and a 43rd carrying 4 bits, then one {@code =} of padding. */
    private static final int BASE64_CHARS = 43;

    private final byte[] mac;
    private final SignatureForm form;
    private final boolean prefixed;

    private PresentedSignature(byte[] mac, SignatureForm form, boolean prefixed) {
        this.mac = mac;
        this.form = form;
        this.prefixed = prefixed;
    }

    /** The decoded value, or empty if {@code value} is not one of the accepted forms. Never throws. */
    static Optional<PresentedSignature> decode(String value) {
        String text = value.strip();
        boolean prefixed = hasPrefix(text);
        if (prefixed) {
            text = text.substring(PREFIX.length());
        }
        if (text.length() == HEX_CHARS) {
            byte[] mac = hex(text);
            return mac == null ? Optional.empty() : Optional.of(new PresentedSignature(mac, SignatureForm.HEX,
                    prefixed));
        }
        if (text.length() == BASE64_CHARS + 1 && text.charAt(BASE64_CHARS) == '=') {
            text = text.substring(0, BASE64_CHARS);
        }
        if (text.length() != BASE64_CHARS) {
            return Optional.empty();
        }
        SignatureForm form = base64Form(text);
        if (form == null) {
            return Optional.empty();
        }
        Base64.Decoder decoder = form == SignatureForm.BASE64URL ? Base64.getUrlDecoder() : Base64.getDecoder();
        Base64.Encoder encoder = form == SignatureForm.BASE64URL ? Base64.getUrlEncoder() : Base64.getEncoder();
        byte[] mac = decoder.decode(text); // cannot throw: the alphabet and length were checked above
        if (mac.length != MAC_BYTES || !encoder.withoutPadding().encodeToString(mac).equals(text)) {
            return Optional.empty(); // non-zero unused bits: not the canonical text of these bytes
        }
        return Optional.of(new PresentedSignature(mac, form, prefixed));
    }

    /** The presented MAC; a copy. */
    byte[] mac() {
        return mac.clone();
    }

    /** For logs: the form, with {@code sha256=} before it when the prefix was sent, e.g. {@code "sha256=hex"}. */
    String label() {
        return (prefixed ? PREFIX : "") + form.label();
    }

    /**
     * ASCII case-insensitive, unlike {@link String#regionMatches(boolean, int, String, int, int)}, which folds
     * Unicode case and would take e.g. {@code "\u017Fha256="} (long s) for the prefix.
     */
    private static boolean hasPrefix(String text) {
        if (text.length() < PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** 64 ASCII hex digits as bytes, or {@code null}; {@link Character#digit} would accept non-ASCII digits. */
    private static byte[] hex(String text) {
        byte[] mac = new byte[MAC_BYTES];
        for (int i = 0; i < MAC_BYTES; i++) {
            int high = hexDigit(text.charAt(2 * i));
            int low = hexDigit(text.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            mac[i] = (byte) (high << 4 | low);
        }
        return mac;
    }

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

    /**
     * Which base64 alphabet the unpadded text is written in, or {@code null} if it has a character outside both or
     * mixes {@code +/} with {@code -_} (no encoder produces that).
     */
    private static SignatureForm base64Form(String text) {
        boolean standard = false;
        boolean urlSafe = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '/') {
                standard = true;
            } else if (c == '-' || c == '_') {
                urlSafe = true;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        if (standard && urlSafe) {
            return null;
        }
        return urlSafe ? SignatureForm.BASE64URL : SignatureForm.BASE64;
    }
}
