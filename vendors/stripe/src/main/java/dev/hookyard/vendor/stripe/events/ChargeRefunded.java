package dev.hookyard.vendor.stripe.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * {@code charge.refunded}: a charge was refunded, in full or in part.
 *
 * @param envelope        the event's own fields
 * @param chargeId        {@code data.object.id}, e.g. {@code ch_3MmlLrLkdIwHu7ix0snN0B15}
 * @param amount          {@code data.object.amount}: what was charged, in the currency's smallest unit
 * @param amountRefunded  {@code data.object.amount_refunded}: what has been refunded so far, in the smallest unit;
 *                        less than {@code amount} for a partial refund
 * @param currency        {@code data.object.currency}, lower-case ISO 4217
 * @param paymentIntentId {@code data.object.payment_intent} ({@code pi_...}), or {@code null}
 * @param customerId      {@code data.object.customer} ({@code cus_...}), or {@code null}
 * @param object          {@code data.object} as plain values, see {@link StripeEvent#object()}
 * @param delivery        the delivery it was parsed from
 */
public record ChargeRefunded(EventEnvelope envelope, String chargeId, long amount, long amountRefunded,
                             String currency, String paymentIntentId, String customerId, Map<String, Object> object,
                             Delivery delivery) implements StripeEvent {

    /** The wire name. */
    public static final String TYPE = "charge.refunded";

    public ChargeRefunded {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(currency, "currency");
        object = RecordArguments.frozenMap(object, "object");
        RecordArguments.requireEnvelope(envelope.id(), delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }

    /** Whether everything charged has been refunded. */
    public boolean isFullyRefunded() {
        return amountRefunded >= amount;
    }
}
