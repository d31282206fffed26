package dev.hookyard.vendor.leaflink;

/**
 * Decodes standard base64 (RFC 4648 section 4, alphabet {@code A-Z a-z 0-9 + /}) of a known byte count, accepting
 * only the canonical spelling of each value, so that one MAC has exactly one accepted text (two, counting the
 * optional padding) and a signature cannot be altered into another accepted one.
 *
 * <p>{@link java.util.Base64.Decoder} is not used because it ignores non-zero bits in the last character: for a
 * 32-byte value, four different final characters decode to the same bytes.
 */
final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    /**
     * The bytes of {@code text}, or {@code null} unless it is exactly {@code byteCount} bytes in standard base64 with
     * either no padding or exactly the right padding, no character outside the alphabet (whitespace, line breaks,
     * {@code -} and {@code _} of base64url included), and zero bits in the unused low bits of the last character.
     */
    static byte[] decode(String text, int byteCount) {
        int dataChars = (byteCount * 8 + 5) / 6;
        int paddedChars = (byteCount + 2) / 3 * 4;
        if (text.length() != dataChars && text.length() != paddedChars) {
            return null;
        }
        for (int i = dataChars; i < text.length(); i++) {
            if (text.charAt(i) != '=') {
                return null;
            }
        }
        byte[] decoded = new byte[byteCount];
        int buffer = 0;
        int bufferedBits = 0;
        int written = 0;
        for (int i = 0; i < dataChars; i++) {
            int sextet = sextet(text.charAt(i));
            if (sextet < 0) {
                return null;
            }
            buffer = buffer << 6 | sextet;
            bufferedBits += 6;
            if (bufferedBits >= 8) {
                bufferedBits -= 8;
                decoded[written++] = (byte) (buffer >>> bufferedBits);
                buffer &= (1 << bufferedBits) - 1;
            }
        }
        // What is left are the last character's unused low bits: canonical encoders write zeros there.
        return buffer == 0 ? decoded : null;
    }

    /** The 6-bit value of a standard-alphabet character, or -1 for anything else. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }
}
