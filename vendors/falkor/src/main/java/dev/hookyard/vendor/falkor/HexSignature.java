package dev.hookyard.vendor.falkor;

import java.util.HexFormat;

/**
 * Reads the value of a Falkor signature header: {@code sha256=} followed by the hex HMAC-SHA256 of the body.
 *
 * <p>Lenient where senders differ harmlessly: the prefix may be absent (the doc's own PHP sample would break on
 * that; a receiver should not), prefix and hex may be in any case, and surrounding whitespace is ignored. Strict
 * everywhere else: exactly 64 ASCII hex digits, nothing before or after, so that a value has one reading only.
 */
final class HexSignature {

    static final String PREFIX = "sha256=";
    static final int MAC_BYTES = 32;

    private static final int HEX_DIGITS = 2 * MAC_BYTES;

    private HexSignature() {
    }

    /** The 32 MAC bytes the value carries, or {@code null} if it is not of the form above. */
    static byte[] decode(String value) {
        String text = value.strip();
        if (text.length() == PREFIX.length() + HEX_DIGITS && hasPrefix(text)) {
            text = text.substring(PREFIX.length());
        }
        if (text.length() != HEX_DIGITS) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            // HexFormat accepts ASCII digits only, unlike Character.digit, which takes fullwidth and other digits.
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return null;
            }
        }
        return HexFormat.of().parseHex(text);
    }

    /** Compared as ASCII: String's own case-insensitive matching also folds Unicode (U+017F would match 's'). */
    private static boolean hasPrefix(String text) {
        for (int i = 0; i < PREFIX.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
            if (lower != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
