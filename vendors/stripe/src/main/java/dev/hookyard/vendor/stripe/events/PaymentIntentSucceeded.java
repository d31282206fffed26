package dev.hookyard.vendor.stripe.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * {@code payment_intent.succeeded}: a payment was completed.
 *
 * @param envelope        the event's own fields
 * @param paymentIntentId {@code data.object.id}, e.g. {@code pi_3MtwBwLkdIwHu7ix28a3tqPa}
 * @param amount          {@code data.object.amount}, in the currency's smallest unit (cents)
 * @param amountReceived  {@code data.object.amount_received}, in the smallest unit
 * @param currency        {@code data.object.currency}, lower-case ISO 4217, e.g. {@code usd}
 * @param customerId      {@code data.object.customer} ({@code cus_...}), or {@code null} without a customer
 * @param object          {@code data.object} as plain values, see {@link StripeEvent#object()}
 * @param delivery        the delivery it was parsed from
 */
public record PaymentIntentSucceeded(EventEnvelope envelope, String paymentIntentId, long amount, long amountReceived,
                                     String currency, String customerId, Map<String, Object> object,
                                     Delivery delivery) implements StripeEvent {

    /** The wire name. */
    public static final String TYPE = "payment_intent.succeeded";

    public PaymentIntentSucceeded {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(paymentIntentId, "paymentIntentId");
        Objects.requireNonNull(currency, "currency");
        object = RecordArguments.frozenMap(object, "object");
        RecordArguments.requireEnvelope(envelope.id(), delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
