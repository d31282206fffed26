package dev.hookyard.vendor.falkor.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * Falkor {@code rewards}: learners obtained rewards (received or unlocked a reward on a pathway).
 *
 * @param pathway     the wire {@code data.pathway}, or {@code null} when absent
 * @param rewards     the wire {@code data.rewards}, in order; empty when absent. Unmodifiable
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record Rewards(Pathway pathway, List<Reward> rewards, String deliveryKey, Delivery delivery)
        implements FalkorEvent {

    /** The wire name. */
    public static final String TYPE = "rewards";

    public Rewards {
        rewards = RecordArguments.frozenList(rewards, "rewards");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
