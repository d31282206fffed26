package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

/**
 * Workflow Webhook {@code badge.earned}: a learner earned a badge.
 *
 * @param badgeId     the wire {@code intBadgeId}, or {@code null} when the payload has none
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record BadgeEarned(Long badgeId, String deliveryKey, Delivery delivery) implements LeastEvent {

    /** The wire name. */
    public static final String TYPE = "badge.earned";

    public BadgeEarned {
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
