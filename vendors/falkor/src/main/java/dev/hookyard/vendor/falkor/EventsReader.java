package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.LenientFields.integer;
import static dev.hookyard.vendor.falkor.LenientFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.falkor.events.Attendee;
import dev.hookyard.vendor.falkor.events.Event;
import dev.hookyard.vendor.falkor.events.Venue;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code data.events} of an {@code events} (classroom and event bookings) body into records. */
final class EventsReader {

    private static final String PATH = "data.events";

    /** The {@code available} text Falkor sends for a session without a cap on places. */
    private static final String UNLIMITED = "unlimited";

    private EventsReader() {
    }

    static List<Event> read(JsonNode data) throws MalformedBodyException {
        List<Event> events = new ArrayList<>();
        for (JsonNode item : LenientFields.objects(data, "events", PATH)) {
            events.add(new Event(text(item, "ID"), text(item, "type"), text(item, "name"), text(item, "start"),
                    text(item, "end"), venue(item), integer(item, "available"), isUnlimited(item),
                    integer(item, "booked"), attendees(item)));
        }
        return events;
    }

    private static boolean isUnlimited(JsonNode event) {
        String available = text(event, "available");
        return available != null && available.strip().toLowerCase(Locale.ROOT).equals(UNLIMITED);
    }

    private static Venue venue(JsonNode event) throws MalformedBodyException {
        JsonNode venue = LenientFields.object(event, "venue", PATH + "[].venue");
        return venue == null ? null : new Venue(text(venue, "place"), text(venue, "location"));
    }

    private static List<Attendee> attendees(JsonNode event) throws MalformedBodyException {
        List<Attendee> attendees = new ArrayList<>();
        for (JsonNode item : LenientFields.objects(event, "attendees", PATH + "[].attendees")) {
            attendees.add(new Attendee(text(item, "guid"), text(item, "state"), text(item, "firstname"),
                    text(item, "lastname"), text(item, "email"), text(item, "country"), text(item, "city")));
        }
        return attendees;
    }
}
