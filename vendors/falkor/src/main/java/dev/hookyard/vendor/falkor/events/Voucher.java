package dev.hookyard.vendor.falkor.events;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * One learner's voucher for a reward: an item of the wire {@code vouchers}. Every component is {@code null} when
 * the payload has no such field.
 *
 * @param guid      the wire {@code guid}: the voucher's id
 * @param firstname the wire {@code firstname}
 * @param lastname  the wire {@code lastname}
 * @param email     the wire {@code email} as sent; not always a valid address, so kept as text
 * @param country   the wire {@code country}
 * @param city      the wire {@code city}
 * @param state     the wire {@code state} as sent, e.g. {@code "notified"}; see {@link #parsedState()}
 * @param expires   the wire {@code expires} as sent: a date-time, or {@code "never"}; see {@link #neverExpires()}
 *                  and {@link #parsedExpires()}
 */
public record Voucher(String guid, String firstname, String lastname, String email, String country, String city,
                      String state, String expires) {

    /** The {@code expires} value Falkor sends for a voucher that does not expire. */
    public static final String NEVER = "never";

    /** {@link #state()} as a documented value, or {@link VoucherState#UNKNOWN}. */
    public VoucherState parsedState() {
        return VoucherState.fromWire(state);
    }

    /** Whether {@link #expires()} is {@code "never"} (case and surrounding whitespace ignored). */
    public boolean neverExpires() {
        return expires != null && expires.strip().toLowerCase(Locale.ROOT).equals(NEVER);
    }

    /** {@link #expires()} as a date-time, if it is ISO-8601 with an offset (so never for {@code "never"}). */
    public Optional<OffsetDateTime> parsedExpires() {
        return Timestamps.parse(expires);
    }
}
