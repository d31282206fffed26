package dev.hookyard.server.store;

import java.util.Locale;

/** Where a stored delivery stands, derived from its handler runs. */
public enum DeliveryStatus {
    /** At least one handler still owes a successful run. */
    PENDING,
    /** Every routed handler finished it. */
    DONE,
    /** No route selected a handler; kept so it can be replayed once one does. */
    UNROUTED,
    /** No handler is pending, and at least one gave up on it (dead or dropped). */
    FAILED;

    /** The lower-case form stored and shown. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
