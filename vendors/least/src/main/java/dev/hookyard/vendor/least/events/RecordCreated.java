package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;

/**
 * Collection API {@code record.created}: an item was added to a collection.
 *
 * @param recordId    the wire {@code record_id}, or {@code null} when the payload has none
 * @param data        the wire {@code data}: the item's fields by their LEAST field id (e.g. {@code strD5_1_1}), as
 *                    plain Java values (String, Long or BigInteger, BigDecimal, Boolean, {@code null}, and
 *                    unmodifiable List and Map for nested JSON); empty when the payload has no {@code data}.
 *                    Unmodifiable; the record keeps a shallow copy
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record RecordCreated(Long recordId, Map<String, Object> data, String deliveryKey, Delivery delivery)
        implements LeastEvent {

    /** The wire name. */
    public static final String TYPE = "record.created";

    public RecordCreated {
        data = RecordArguments.frozenMap(data, "data");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
