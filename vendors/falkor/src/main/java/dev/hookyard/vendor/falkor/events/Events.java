package dev.hookyard.vendor.falkor.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * Falkor {@code events} (classroom and event bookings): attendance changed, because a learner registered for a
 * classroom session or event or checked in to it.
 *
 * @param pathway     the wire {@code data.pathway}, or {@code null} when absent
 * @param events      the wire {@code data.events}, in order; empty when absent. Unmodifiable
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record Events(Pathway pathway, List<Event> events, String deliveryKey, Delivery delivery)
        implements FalkorEvent {

    /** The wire name. */
    public static final String TYPE = "events";

    public Events {
        events = RecordArguments.frozenList(events, "events");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
