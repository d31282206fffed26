package dev.hookyard.vendor.leah.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.time.Instant;
import java.util.List;

/**
 * {@code OVERALL_LEVEL}: after a speaking or placement test, Leah computed the user's overall level. The tests it
 * was computed from come along, without certificate links.
 *
 * @param overall       the wire {@code overall}: the computed level, or {@code null} when the payload has none
 * @param speakingTest  the wire {@code speakingTest}, or {@code null} when absent
 * @param placementTest the wire {@code placementTest}, or {@code null} when absent
 * @param user          the user, or {@code null} when absent
 * @param partner       the user's partnership, or {@code null} when absent
 * @param date          when the level was computed, or {@code null} when absent
 * @param externalIds   the partner's ids for the user; empty when absent. Unmodifiable
 * @param deliveryKey   SHA-256 of the raw body
 * @param delivery      the delivery it was parsed from
 */
public record OverallLevel(OverallResult overall, SpeakingTest speakingTest, PlacementTest placementTest,
                           LeahUser user, Partner partner, Instant date, List<String> externalIds,
                           String deliveryKey, Delivery delivery) implements LeahEvent {

    /** The wire name. */
    public static final String TYPE = "OVERALL_LEVEL";

    public OverallLevel {
        externalIds = RecordArguments.frozenList(externalIds, "externalIds");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
