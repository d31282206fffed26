package dev.hookyard.vendor.stripe;

import dev.hookyard.vendor.support.AsciiHex;
import dev.hookyard.vendor.support.HmacSha256Key;
import dev.hookyard.vendor.support.UnixSeconds;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code Stripe-Signature} value, decoded: {@code t=<timestamp>,v1=<hex>[,v1=<hex>...][,v0=<hex>]}, comma-separated
 * {@code key=value} items. {@code t} is the Unix time Stripe signed, {@code v1} the HMAC-SHA256 values (several while
 * an endpoint secret is being rolled: one per secret); other schemes ({@code v0}, test-mode only, and any Stripe adds)
 * are skipped, as Stripe's libraries skip them.
 *
 * <p>Strict where Stripe's libraries would guess: exactly one {@code t} (a second one would make two readers sign
 * different texts), every {@code v1} exactly 64 hex digits, every item a {@code key=value} pair, and at most
 * {@value #MAX_CHARS} characters in all.
 *
 * @param timestamp     the {@code t} value as sent: it is signed as text
 * @param signedSecond  the {@code t} value in seconds since the epoch
 * @param v1            the decoded {@code v1} MACs, in the order sent; never empty
 */
record StripeSignatureHeader(String timestamp, long signedSecond, List<byte[]> v1) {

    static final int MAX_CHARS = 2048;

    /** Why a value could not be read; the verifier's detail names the header before it. */
    enum Problem {
        TOO_LONG("is longer than " + MAX_CHARS + " characters"),
        NOT_KEY_VALUE("is not a comma-separated list of key=value items"),
        NO_TIMESTAMP("has no t= timestamp"),
        TWO_TIMESTAMPS("has more than one t= timestamp"),
        BAD_TIMESTAMP("has a t= that is not a Unix time in seconds"),
        NO_V1("has no v1= signature"),
        BAD_V1("has a v1= that is not " + 2 * HmacSha256Key.MAC_BYTES + " hex digits");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        /** The reason, e.g. {@code has no t= timestamp}. */
        String text() {
            return text;
        }
    }

    /** The result of {@link #parse}: the header, or the problem that made it unreadable. */
    sealed interface Parsed permits Readable, Unreadable {
    }

    /** A well-formed header. */
    record Readable(StripeSignatureHeader header) implements Parsed {
    }

    /** A malformed header and why. */
    record Unreadable(Problem problem) implements Parsed {
    }

    /** Decodes a header value. Never throws. */
    static Parsed parse(String value) {
        if (value.length() > MAX_CHARS) {
            return new Unreadable(Problem.TOO_LONG);
        }
        String timestamp = null;
        List<byte[]> v1 = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals <= 0) {
                return new Unreadable(Problem.NOT_KEY_VALUE);
            }
            String key = item.substring(0, equals);
            String text = item.substring(equals + 1);
            if (key.equals("t")) {
                if (timestamp != null) {
                    return new Unreadable(Problem.TWO_TIMESTAMPS);
                }
                timestamp = text;
            } else if (key.equals("v1")) {
                byte[] mac = AsciiHex.decode(text, HmacSha256Key.MAC_BYTES);
                if (mac == null) {
                    return new Unreadable(Problem.BAD_V1);
                }
                v1.add(mac);
            }
        }
        if (timestamp == null) {
            return new Unreadable(Problem.NO_TIMESTAMP);
        }
        OptionalLong seconds = UnixSeconds.parse(timestamp);
        if (seconds.isEmpty()) {
            return new Unreadable(Problem.BAD_TIMESTAMP);
        }
        if (v1.isEmpty()) {
            return new Unreadable(Problem.NO_V1);
        }
        return new Readable(new StripeSignatureHeader(timestamp, seconds.getAsLong(), List.copyOf(v1)));
    }
}
