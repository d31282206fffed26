package dev.hookyard.vendor.falkor.events;

/**
 * The documented values of an enrolment's {@code status.state}. Falkor may add values: anything else, or no state,
 * is {@link #UNKNOWN}, and {@link EnrolmentStatus#state()} keeps the raw text either way.
 */
public enum EnrolmentState {
    /** {@code "In Progress"}: the learner is enrolled and has not finished. */
    IN_PROGRESS("In Progress"),
    /** {@code "Complete"}: the learner completed the pathway or activity. */
    COMPLETE("Complete"),
    /** A value Falkor does not document, or none. */
    UNKNOWN(null);

    private final String wireName;

    EnrolmentState(String wireName) {
        this.wireName = wireName;
    }

    /** The value as Falkor writes it, or {@code null} for {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    /** The state a raw value names (case and surrounding whitespace ignored), or {@link #UNKNOWN}. */
    public static EnrolmentState fromWire(String raw) {
        return WireValues.find(values(), EnrolmentState::wireName, raw, UNKNOWN);
    }
}
