package dev.hookyard.vendor.leah.events;

import java.util.List;
import java.util.Objects;

/** Argument checks and copies shared by the event records; package-private so it never becomes API. */
final class EventChecks {

    private EventChecks() {
    }

    static void envelope(String deliveryKey, Object delivery) {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(delivery, "delivery");
        if (deliveryKey.isBlank()) {
            throw new IllegalArgumentException("deliveryKey must not be blank");
        }
    }

    /** An unmodifiable copy in which {@code null} stands for "absent", i.e. empty. */
    static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
