package dev.hookyard.vendor.falkor.events;

/**
 * A learner's attendance at a classroom session or event: an item of the wire {@code attendees}. Every component
 * is {@code null} when the payload has no such field.
 *
 * @param guid      the wire {@code guid}: the attendance record's id
 * @param state     the wire {@code state} as sent, e.g. {@code "booked"}; see {@link #parsedState()}
 * @param firstname the wire {@code firstname}
 * @param lastname  the wire {@code lastname}
 * @param email     the wire {@code email} as sent; not always a valid address, so kept as text
 * @param country   the wire {@code country}
 * @param city      the wire {@code city}
 */
public record Attendee(String guid, String state, String firstname, String lastname, String email, String country,
                       String city) {

    /** {@link #state()} as a documented value, or {@link AttendeeState#UNKNOWN}. */
    public AttendeeState parsedState() {
        return AttendeeState.fromWire(state);
    }
}
