package dev.hookyard.vendor.support;

/**
 * Decodes base64 (RFC 4648), accepting only the canonical spelling of each value, so that a signature or a
 * credential has exactly one accepted text (two where padding is optional) and cannot be respelled into another
 * accepted one.
 *
 * <p>{@link java.util.Base64.Decoder} alone is not enough: it ignores non-zero bits in the unused low bits of the
 * last character (for a 32-byte value, four different final characters decode to the same bytes) and takes
 * unpadded input. Here every text is refused unless it uses one alphabet only, no whitespace or line breaks, the
 * stated padding, and zero unused bits.
 */
public final class CanonicalBase64 {

    /** A base64 alphabet; the two differ only in the characters for 62 and 63. */
    public enum Alphabet {
        /** Standard base64 (RFC 4648 section 4): {@code A-Z a-z 0-9 + /}. */
        STANDARD('+', '/'),
        /** URL- and filename-safe base64 (RFC 4648 section 5): {@code A-Z a-z 0-9 - _}. */
        URL_SAFE('-', '_');

        private final char char62;
        private final char char63;

        Alphabet(char char62, char char63) {
            this.char62 = char62;
            this.char63 = char63;
        }

        /** The 6-bit value of a character of this alphabet, or -1 for anything else. */
        int sextet(char c) {
            if (c >= 'A' && c <= 'Z') {
                return c - 'A';
            }
            if (c >= 'a' && c <= 'z') {
                return c - 'a' + 26;
            }
            if (c >= '0' && c <= '9') {
                return c - '0' + 52;
            }
            if (c == char62) {
                return 62;
            }
            if (c == char63) {
                return 63;
            }
            return -1;
        }
    }

    private CanonicalBase64() {
    }

    /** {@link #decode(String, int, Alphabet)} in the {@linkplain Alphabet#STANDARD standard} alphabet. */
    public static byte[] decode(String text, int byteCount) {
        return decode(text, byteCount, Alphabet.STANDARD);
    }

    /**
     * The bytes of {@code text}, or {@code null} unless it is exactly {@code byteCount} bytes in {@code alphabet}
     * with either no padding or exactly the right padding, no character outside the alphabet, and zero bits in the
     * unused low bits of the last character.
     */
    public static byte[] decode(String text, int byteCount, Alphabet alphabet) {
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
        return decodeData(text, dataChars, byteCount, alphabet);
    }

    /**
     * The bytes of {@code text} in the {@linkplain Alphabet#STANDARD standard} alphabet, of any length, with the
     * padding required (as HTTP Basic credentials are sent), or {@code null} unless it is canonical: exactly what
     * {@link java.util.Base64#getEncoder()} gives for the decoded bytes. The empty text is the empty array.
     */
    public static byte[] decodePadded(String text) {
        if (text.length() % 4 != 0) {
            return null;
        }
        int padding = 0;
        while (padding < 2 && padding < text.length() && text.charAt(text.length() - 1 - padding) == '=') {
            padding++;
        }
        int dataChars = text.length() - padding;
        // 0, 1 or 2 padding characters leave 4n, 4n + 3 or 4n + 2 data characters: 3n, 3n + 2 or 3n + 1 bytes.
        int byteCount = dataChars * 6 / 8;
        return decodeData(text, dataChars, byteCount, Alphabet.STANDARD);
    }

    /** Decodes the first {@code dataChars} characters into {@code byteCount} bytes; {@code null} if not canonical. */
    private static byte[] decodeData(String text, int dataChars, int byteCount, Alphabet alphabet) {
        byte[] decoded = new byte[byteCount];
        int buffer = 0;
        int bufferedBits = 0;
        int written = 0;
        for (int i = 0; i < dataChars; i++) {
            int sextet = alphabet.sextet(text.charAt(i));
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
}
