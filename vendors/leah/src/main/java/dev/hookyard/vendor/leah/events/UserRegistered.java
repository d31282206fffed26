package dev.hookyard.vendor.leah.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.time.Instant;
import java.util.List;

/**
 * {@code USER_REGISTERED}: a user joined the organization, by redeeming a partnership code or a license key.
 *
 * @param user        the user who joined, or {@code null} when the payload has none
 * @param partner     the partnership they joined through, or {@code null} when absent
 * @param date        when they joined, or {@code null} when absent
 * @param externalIds the partner's ids for the user; empty when absent. Unmodifiable
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record UserRegistered(LeahUser user, Partner partner, Instant date, List<String> externalIds,
                             String deliveryKey, Delivery delivery) implements LeahEvent {

    /** The wire name. */
    public static final String TYPE = "USER_REGISTERED";

    public UserRegistered {
        externalIds = RecordArguments.frozenList(externalIds, "externalIds");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
