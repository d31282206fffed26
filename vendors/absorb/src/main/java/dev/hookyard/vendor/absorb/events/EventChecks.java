package dev.hookyard.vendor.absorb.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Objects;

/**
 * Argument checks of Absorb's event records beyond {@link RecordArguments}; package-private so it never becomes API.
 */
final class EventChecks {

    private EventChecks() {
    }

    static void kind(AbsorbEventKind kind, AbsorbAudience expected) {
        Objects.requireNonNull(kind, "kind");
        if (kind.audience() != expected) {
            throw new IllegalArgumentException(kind + " is " + kind.audience() + ", not " + expected);
        }
    }

    /** The event name, delivery key and delivery every Absorb event carries (see {@link RecordArguments}). */
    static void envelope(String eventName, String deliveryKey, Delivery delivery) {
        Objects.requireNonNull(eventName, "eventName");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }
}
