package dev.hookyard.vendor.falkor.events;

/**
 * The documented values of an attendee's {@code state} at a classroom or event. Falkor may add values: anything
 * else, or no state, is {@link #UNKNOWN}, and {@link Attendee#state()} keeps the raw text either way.
 */
public enum AttendeeState {
    /** {@code "booked"}: the learner registered for the session. */
    BOOKED("booked"),
    /** {@code "absent"}: the learner did not attend. */
    ABSENT("absent"),
    /** {@code "attended"}: the learner checked in. */
    ATTENDED("attended"),
    /** A value Falkor does not document, or none. */
    UNKNOWN(null);

    private final String wireName;

    AttendeeState(String wireName) {
        this.wireName = wireName;
    }

    /** The value as Falkor writes it, or {@code null} for {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    /** The state a raw value names (case and surrounding whitespace ignored), or {@link #UNKNOWN}. */
    public static AttendeeState fromWire(String raw) {
        return WireValues.find(values(), AttendeeState::wireName, raw, UNKNOWN);
    }
}
