package dev.hookyard.vendor.leaflink.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Argument checks and defensive copies shared by the event records; package-private so it never becomes API. */
final class EventArguments {

    private EventArguments() {
    }

    static void requireEnvelope(String deliveryKey, Object delivery) {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(delivery, "delivery");
        if (deliveryKey.isBlank()) {
            throw new IllegalArgumentException("deliveryKey must not be blank");
        }
    }

    /**
     * An unmodifiable shallow copy keeping the sender's key order and JSON {@code null}s, which {@link Map#copyOf}
     * would reject although a {@code null} field is information a handler may need.
     */
    static Map<String, Object> frozen(Map<String, Object> map, String name) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, name)));
    }
}
