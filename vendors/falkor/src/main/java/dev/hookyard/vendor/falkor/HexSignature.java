package dev.hookyard.vendor.falkor;

import dev.hookyard.vendor.support.AsciiCase;
import dev.hookyard.vendor.support.AsciiHex;
import dev.hookyard.vendor.support.HmacSha256Key;

/**
 * Reads the value of a Falkor signature header: {@code sha256=} followed by the hex HMAC-SHA256 of the body.
 *
 * <p>Lenient where senders differ harmlessly: the prefix may be absent (the doc's own PHP sample would break on
 * that; a receiver should not), prefix and hex may be in any case, and surrounding whitespace is ignored. Strict
 * everywhere else: exactly 64 ASCII hex digits, nothing before or after, so that a value has one reading only.
 */
final class HexSignature {

    static final String PREFIX = "sha256=";
    static final int MAC_BYTES = HmacSha256Key.MAC_BYTES;

    private static final int HEX_DIGITS = 2 * MAC_BYTES;

    private HexSignature() {
    }

    /** The 32 MAC bytes the value carries, or {@code null} if it is not of the form above. */
    static byte[] decode(String value) {
        String text = value.strip();
        // The prefix is compared as ASCII (see AsciiCase); the digits are ASCII only (see AsciiHex).
        if (text.length() == PREFIX.length() + HEX_DIGITS && AsciiCase.startsWithIgnoreCase(text, PREFIX)) {
            text = text.substring(PREFIX.length());
        }
        return AsciiHex.decode(text, MAC_BYTES);
    }
}
