package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

/**
 * Collection API {@code record.archived}: an item was archived.
 *
 * @param recordId    the wire {@code record_id}, or {@code null} when the payload has none
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record RecordArchived(Long recordId, String deliveryKey, Delivery delivery) implements LeastEvent {

    /** The wire name. */
    public static final String TYPE = "record.archived";

    public RecordArchived {
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
