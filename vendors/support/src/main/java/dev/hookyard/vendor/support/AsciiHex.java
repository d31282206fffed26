package dev.hookyard.vendor.support;

/**
 * Decodes hexadecimal text of ASCII digits only. {@link Character#digit(char, int)} is not used because it accepts
 * non-ASCII digits (fullwidth, Arabic-Indic, ...), which would give one value several accepted spellings.
 */
public final class AsciiHex {

    private AsciiHex() {
    }

    /** The value of an ASCII hex digit ({@code 0-9}, {@code a-f}, {@code A-F}), or -1 for any other character. */
    public static int digit(char c) {
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
     * The bytes of {@code text}, or {@code null} unless it is exactly {@code 2 * byteCount} ASCII hex digits in any
     * case, with nothing before, between or after them (no prefix, no whitespace).
     */
    public static byte[] decode(String text, int byteCount) {
        if (text.length() != 2 * byteCount) {
            return null;
        }
        byte[] bytes = new byte[byteCount];
        for (int i = 0; i < byteCount; i++) {
            int high = digit(text.charAt(2 * i));
            int low = digit(text.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}
