package dev.hookyard.vendor.stripe.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The fields every Stripe event has around its object.
 *
 * @param id         the wire {@code id}, e.g. {@code evt_1NG8Du2eZvKYlo2CUI79vXWy}: the same for every retry of the event
 * @param created    the wire {@code created} (Unix seconds): when the event happened, not when it was sent
 * @param livemode   the wire {@code livemode}: {@code false} for test-mode events
 * @param apiVersion the wire {@code api_version} the object is rendered in, e.g. {@code 2024-06-20}, or {@code null}
 *                   when the event has none
 */
public record EventEnvelope(String id, Instant created, boolean livemode, String apiVersion) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(created, "created");
    }
}
