package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

/**
 * Collection API {@code record.action}: a workflow action was taken on an item.
 *
 * @param recordId    the wire {@code record_id}, or {@code null} when the payload has none
 * @param actionId    the wire {@code action_id} (see {@link #COMPLETE}), or {@code null} when the payload has none
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record RecordAction(Long recordId, Integer actionId, String deliveryKey, Delivery delivery)
        implements LeastEvent {

    /** The wire name. */
    public static final String TYPE = "record.action";

    /** The {@code action_id} LEAST documents as "Complete". */
    public static final int COMPLETE = 8;

    public RecordAction {
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }

    /** Whether this is the "Complete" action ({@code action_id} 8), the one LEAST's cookbook routes on. */
    public boolean isComplete() {
        return actionId != null && actionId == COMPLETE;
    }
}
