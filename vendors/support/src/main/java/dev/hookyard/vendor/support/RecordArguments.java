package dev.hookyard.vendor.support;

import dev.hookyard.spi.Delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Argument checks and defensive copies for the compact constructors of vendors' event records. Used from inside
 * the records only: no type of this module appears in a record's API.
 */
public final class RecordArguments {

    private RecordArguments() {
    }

    /**
     * The delivery key and delivery every event carries: both required, the key not blank.
     *
     * @throws NullPointerException     naming {@code deliveryKey} or {@code delivery}
     * @throws IllegalArgumentException if the key is blank
     */
    public static void requireEnvelope(String deliveryKey, Delivery delivery) {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(delivery, "delivery");
        if (deliveryKey.isBlank()) {
            throw new IllegalArgumentException("deliveryKey must not be blank");
        }
    }

    /**
     * An unmodifiable shallow copy that keeps insertion order and JSON {@code null} values ({@link Map#copyOf}
     * rejects nulls, and a JSON {@code null} is information a handler may need).
     *
     * @throws NullPointerException naming {@code name} if the map is {@code null}
     */
    public static Map<String, Object> frozenMap(Map<String, Object> map, String name) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, name)));
    }

    /**
     * An unmodifiable copy in which {@code null} stands for "absent", i.e. empty, so that handlers can iterate
     * without a null check.
     *
     * @throws NullPointerException {@code <name> must not contain null} if an item is {@code null}
     */
    public static <T> List<T> frozenList(List<T> items, String name) {
        if (items == null) {
            return List.of();
        }
        for (T item : items) {
            Objects.requireNonNull(item, () -> name + " must not contain null");
        }
        return List.copyOf(items);
    }
}
