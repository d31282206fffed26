package dev.hookyard.vendor.stripe.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * {@code customer.created}: a customer was created.
 *
 * @param envelope   the event's own fields
 * @param customerId {@code data.object.id}, e.g. {@code cus_NffrFeUfNV2Hib}
 * @param email      {@code data.object.email}, or {@code null}
 * @param name       {@code data.object.name}, or {@code null}
 * @param object     {@code data.object} as plain values, see {@link StripeEvent#object()}
 * @param delivery   the delivery it was parsed from
 */
public record CustomerCreated(EventEnvelope envelope, String customerId, String email, String name,
                              Map<String, Object> object, Delivery delivery) implements StripeEvent {

    /** The wire name. */
    public static final String TYPE = "customer.created";

    public CustomerCreated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(customerId, "customerId");
        object = RecordArguments.frozenMap(object, "object");
        RecordArguments.requireEnvelope(envelope.id(), delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
