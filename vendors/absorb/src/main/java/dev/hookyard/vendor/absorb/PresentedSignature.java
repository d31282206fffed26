package dev.hookyard.vendor.absorb;

import dev.hookyard.vendor.support.AsciiCase;
import dev.hookyard.vendor.support.AsciiHex;
import dev.hookyard.vendor.support.CanonicalBase64.Alphabet;
import dev.hookyard.vendor.support.CanonicalBase64;
import dev.hookyard.vendor.support.HmacSha256Key;

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

    private static final int MAC_BYTES = HmacSha256Key.MAC_BYTES;

    private static final String PREFIX = "sha256=";
    private static final int HEX_CHARS = 2 * MAC_BYTES;

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
        boolean prefixed = AsciiCase.startsWithIgnoreCase(text, PREFIX);
        if (prefixed) {
            text = text.substring(PREFIX.length());
        }
        if (text.length() == HEX_CHARS) {
            byte[] mac = AsciiHex.decode(text, MAC_BYTES);
            return mac == null ? Optional.empty() : Optional.of(new PresentedSignature(mac, SignatureForm.HEX,
                    prefixed));
        }
        SignatureForm form = base64Form(text);
        if (form == null) {
            return Optional.empty();
        }
        byte[] mac = CanonicalBase64.decode(text, MAC_BYTES, form == SignatureForm.BASE64URL ? Alphabet.URL_SAFE
                : Alphabet.STANDARD);
        return mac == null ? Optional.empty() : Optional.of(new PresentedSignature(mac, form, prefixed));
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
     * Which base64 alphabet the text is written in, or {@code null} if it mixes {@code +/} with {@code -_} (no
     * encoder produces that); a text with neither is {@link SignatureForm#BASE64}. Every other check (length,
     * padding, characters, unused bits) is {@link CanonicalBase64}'s.
     */
    private static SignatureForm base64Form(String text) {
        boolean standard = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        if (standard && urlSafe) {
            return null;
        }
        return urlSafe ? SignatureForm.BASE64URL : SignatureForm.BASE64;
    }
}
