package dev.hookyard.vendor.falkor.events;

import java.util.List;
import java.util.Objects;

/** Argument checks and copies shared by the event records; package-private so it never becomes API. */
final class RecordArguments {

    private RecordArguments() {
    }

    /** The delivery key and delivery every event carries: both required, the key not blank. */
    static void requireEnvelope(String deliveryKey, Object delivery) {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(delivery, "delivery");
        if (deliveryKey.isBlank()) {
            throw new IllegalArgumentException("deliveryKey must not be blank");
        }
    }

    /**
     * An unmodifiable copy; {@code null} becomes empty, because a payload without the list means "no items" and
     * handlers should be able to iterate without a null check.
     */
    static <T> List<T> immutableList(List<T> items, String name) {
        if (items == null) {
            return List.of();
        }
        for (T item : items) {
            Objects.requireNonNull(item, () -> name + " must not contain null");
        }
        return List.copyOf(items);
    }
}
