package dev.hookyard.vendor.support;

import java.time.Instant;

/**
 * Reads the signed timestamps of webhook platforms: whole seconds since the Unix epoch, written in ASCII digits.
 * {@link Long#parseLong} is not used alone because it accepts a sign and non-ASCII digits, which would give one
 * instant several accepted spellings.
 */
public final class UnixSeconds {

    /** Twelve digits reach the year 33658; anything longer is not a timestamp any platform sends. */
    public static final int MAX_DIGITS = 12;

    private UnixSeconds() {
    }

    /** The instant of 1 to {@value #MAX_DIGITS} ASCII digits, nothing else around them; {@code null} otherwise. */
    public static Instant parse(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return null;
        }
        long seconds = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            seconds = seconds * 10 + (c - '0');
        }
        return Instant.ofEpochSecond(seconds);
    }
}
