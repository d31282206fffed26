package dev.hookyard.vendor.falkor.events;

/**
 * The documented values of a reward voucher's {@code state}. Falkor may add values: anything else, or no state, is
 * {@link #UNKNOWN}, and {@link Voucher#state()} keeps the raw text either way.
 */
public enum VoucherState {
    /** {@code "pending"}. */
    PENDING("pending"),
    /** {@code "notified"}: the learner was told about the reward. */
    NOTIFIED("notified"),
    /** {@code "verify"}: the redemption awaits verification. */
    VERIFY("verify"),
    /** {@code "redeemed"}. */
    REDEEMED("redeemed"),
    /** {@code "expired"}. */
    EXPIRED("expired"),
    /** A value Falkor does not document, or none. */
    UNKNOWN(null);

    private final String wireName;

    VoucherState(String wireName) {
        this.wireName = wireName;
    }

    /** The value as Falkor writes it, or {@code null} for {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    /** The state a raw value names (case and surrounding whitespace ignored), or {@link #UNKNOWN}. */
    public static VoucherState fromWire(String raw) {
        return WireValues.find(values(), VoucherState::wireName, raw, UNKNOWN);
    }
}
