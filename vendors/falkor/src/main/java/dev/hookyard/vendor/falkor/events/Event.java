package dev.hookyard.vendor.falkor.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One classroom session or event on the pathway, with its attendance: an item of the wire {@code data.events}.
 * Components are {@code null} (lists: empty) when the payload has no such field or an unreadable value.
 *
 * <p>Falkor sends {@code available} as a number of places or as the string {@code "Unlimited"}; the two are kept
 * apart as {@link #available()} and {@link #unlimited()}.
 *
 * @param id        the wire {@code ID}, e.g. {@code "FABK-YVUU-89RU"}
 * @param type      the wire {@code type} of the activity as sent, e.g. {@code "event"} (Falkor documents no values)
 * @param name      the wire {@code name}
 * @param start     the wire {@code start} as sent; see {@link #parsedStart()}
 * @param end       the wire {@code end} as sent; see {@link #parsedEnd()}
 * @param venue     the wire {@code venue}
 * @param available the wire {@code available}: places offered, when it is a number; {@code null} when
 *                  {@link #unlimited()}, absent or unreadable
 * @param unlimited whether the wire {@code available} is {@code "Unlimited"} (in any case)
 * @param booked    the wire {@code booked}: places taken
 * @param attendees the wire {@code attendees}, in order; empty when absent. Unmodifiable
 */
public record Event(String id, String type, String name, String start, String end, Venue venue, Integer available,
                    boolean unlimited, Integer booked, List<Attendee> attendees) {

    public Event {
        attendees = RecordArguments.frozenList(attendees, "attendees");
    }

    /** {@link #start()} as a date-time, if it is ISO-8601 with an offset. */
    public Optional<OffsetDateTime> parsedStart() {
        return Timestamps.parse(start);
    }

    /** {@link #end()} as a date-time, if it is ISO-8601 with an offset. */
    public Optional<OffsetDateTime> parsedEnd() {
        return Timestamps.parse(end);
    }
}
