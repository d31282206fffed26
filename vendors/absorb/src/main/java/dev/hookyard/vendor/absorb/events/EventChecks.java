package dev.hookyard.vendor.absorb.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Argument checks and copies shared by the event records; package-private so it never becomes API. */
final class EventChecks {

    private EventChecks() {
    }

    static void kind(AbsorbEventKind kind, AbsorbAudience expected) {
        Objects.requireNonNull(kind, "kind");
        if (kind.audience() != expected) {
            throw new IllegalArgumentException(kind + " is " + kind.audience() + ", not " + expected);
        }
    }

    static void envelope(String eventName, String deliveryKey, Object delivery) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(delivery, "delivery");
        if (deliveryKey.isBlank()) {
            throw new IllegalArgumentException("deliveryKey must not be blank");
        }
    }

    /**
     * An unmodifiable copy that keeps insertion order and JSON {@code null} values ({@link Map#copyOf} rejects
     * nulls, and a JSON {@code null} is information a handler may need).
     */
    static Map<String, Object> frozen(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, "payload")));
    }
}
