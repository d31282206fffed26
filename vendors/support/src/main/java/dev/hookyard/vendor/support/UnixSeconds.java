package dev.hookyard.vendor.support;

import java.util.OptionalLong;

/**
 * Reads a signed Unix timestamp (whole seconds since the epoch, in decimal), as Standard Webhooks and Stripe send
 * it. Only ASCII digits, without a sign, are accepted ({@link Long#parseLong} would also take {@code +}, {@code -}
 * and non-ASCII digits, giving one timestamp several spellings), and at most {@value #MAX_DIGITS} of them: enough
 * for any date a sender's clock can show, and small enough that no arithmetic on the value can overflow.
 */
public final class UnixSeconds {

    /** Twelve digits reach the year 33658. */
    public static final int MAX_DIGITS = 12;

    private UnixSeconds() {
    }

    /** The seconds, or empty unless {@code text} is 1 to {@value #MAX_DIGITS} ASCII digits and nothing else. */
    public static OptionalLong parse(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return OptionalLong.empty();
        }
        long seconds = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            seconds = seconds * 10 + (c - '0');
        }
        return OptionalLong.of(seconds);
    }
}
