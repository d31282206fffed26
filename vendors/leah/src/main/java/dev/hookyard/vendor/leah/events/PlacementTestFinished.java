package dev.hookyard.vendor.leah.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.time.Instant;
import java.util.List;

/**
 * {@code PLACEMENT_TEST_FINISHED}: a user completed a placement test.
 *
 * @param test        the wire {@code test}: the test and its result, or {@code null} when the payload has none
 * @param user        the user, or {@code null} when absent
 * @param partner     the user's partnership, or {@code null} when absent
 * @param date        when the event was raised, or {@code null} when absent
 * @param externalIds the partner's ids for the user; empty when absent. Unmodifiable
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record PlacementTestFinished(PlacementTest test, LeahUser user, Partner partner, Instant date,
                                    List<String> externalIds, String deliveryKey, Delivery delivery)
        implements LeahEvent {

    /** The wire name. */
    public static final String TYPE = "PLACEMENT_TEST_FINISHED";

    public PlacementTestFinished {
        externalIds = RecordArguments.frozenList(externalIds, "externalIds");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
